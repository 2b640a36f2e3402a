/**
 * A language added the way the README says, by copying gekkan's en.json to
 * templates/locales/fr.json and translating its strings, with `intl` and
 * `name` left as copied: the French pages said lang="fr" but dated every
 * issue in English ("May 1, 2011"), and the language switch offered
 * "English" twice, one of them leading to the French pages; no build said a
 * word. It is now a `locale-language` warning at the field, with the value
 * to write. The compiled CLI, on a site written here; the oracle is the
 * lines written out by hand (the dates as a French reader writes them).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliSites } from "../helpers/cli-sites.js";
import { REPO, runCli } from "../helpers/run-cli.js";
import { issue } from "../helpers/temp-site.js";

const sites = cliSites();
const CONFIG = `${JSON.stringify({ title: "テスト月刊", url: "https://example.org/", lang: "ja", languages: { fr: { title: "Le mensuel" } } })}\n`;

/** gekkan's en.json as copied, with `intl` and `name` as given: "intl" is on line 2, "name" on line 3, their values from column 11. */
function frenchPack(intl: string, name: string): string {
  const pack = JSON.parse(readFileSync(join(REPO, "templates/locales/en.json"), "utf8")) as Record<string, unknown>;
  return `${JSON.stringify({ ...pack, intl, name }, null, 2)}\n`;
}

async function warnings(intl: string, name: string): Promise<string[]> {
  const site = sites.make({
    "gekkan.config.json": CONFIG,
    "templates/locales/fr.json": frenchPack(intl, name),
    "content/issues/2011/2011-05.md": issue({ title: "5月号", issue: 1, date: "2011-05-01" }),
    "content/issues/2011/2011-05.fr.md": issue({ title: "Numéro de mai", issue: 1, date: "2011-05-01", lang: "fr" }, "Le texte.\n"),
  });
  const run = await runCli(["build"], { cwd: site.path });
  expect(run.code, run.stderr).toBe(0);
  return run.stderr.split("\n").filter((line) => line.startsWith("templates/locales/fr.json"));
}

describe("a locale pack copied from en.json for another language", () => {
  it("with en.json's intl and name is warned at intl, with both values to write", async () => {
    expect(await warnings("en-US", "English")).toEqual([
      'templates/locales/fr.json:2:11  warning: "intl": "en-US" is English, not fr: the fr pages show their dates in English ("April 1, 2011", not "1 avril 2011"), and "name": "English" names fr so in the language switch; this pack was most likely copied from en.json: write "intl": "fr" and "name": "Français"',
    ]);
  });

  it("with its intl corrected but en.json's name is warned at name", async () => {
    expect(await warnings("fr-FR", "English")).toEqual([
      'templates/locales/fr.json:3:11  warning: "name": "English" is the name en.json gives its own language: the language switch offers "English" twice, one of them leading to the fr pages; this pack was most likely copied from en.json: write "name": "Français"',
    ]);
  });

  it("with its own intl and name is not warned", async () => {
    expect(await warnings("fr", "Français")).toEqual([]);
  });
});
