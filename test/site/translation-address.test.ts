/**
 * A translation an older `gekkan new --translate` copied its original's
 * `slug` and `aliases` into: they changed nothing while they were the
 * original's too, so nobody noticed, until the original's slug changed and
 * the translation stayed behind at the old address. Each line is now a
 * `translation-address` warning at it; a translation with a slug of its own
 * keeps its aliases unwarned (they are addresses it had itself). The
 * compiled CLI, on a site written here; the oracle is the files' lines,
 * counted by hand.
 */
import { describe, expect, it } from "vitest";
import { cliSites } from "../helpers/cli-sites.js";
import { runCli } from "../helpers/run-cli.js";

const sites = cliSites();
const CONFIG = `${JSON.stringify({ title: "テスト月刊", url: "https://example.org/", lang: "ja", languages: { en: { title: "Test Monthly" } } })}\n`;
const APRIL = "content/issues/2011/2011-04.md";
const APRIL_EN = "content/issues/2011/2011-04.en.md";
// Lines: 2 title, 3 issue, 4 date, 5 slug, 6 aliases (and its items), then lang.
const file = (title: string, lang: string, slug: string | undefined, aliases: readonly string[], text: string) =>
  ["---", `title: "${title}"`, "issue: 1", "date: 2011-04-01", ...(slug === undefined ? [] : [`slug: ${slug}`]), ...(aliases.length === 0 ? [] : ["aliases:", ...aliases.map((a) => `  - ${a}`)]), `lang: ${lang}`, "---", "", text, ""].join("\n");
const ORIGINAL = file("創刊号", "ja", "sokan", ["2011-04", "junbi"], "本文です。");

async function addressWarnings(translation: string): Promise<string[]> {
  const site = sites.make({ "gekkan.config.json": CONFIG, [APRIL]: ORIGINAL, [APRIL_EN]: translation });
  const run = await runCli(["build", "--no-search", "--no-cache"], { cwd: site.path });
  site.remove();
  expect(run.code, run.stderr).toBe(0);
  return run.stderr.split("\n").filter((line) => line.includes("translation-address") || line.includes(APRIL_EN));
}

describe("a translation that sets its original's slug or aliases", () => {
  it("is a translation-address warning at its slug: and aliases: lines, naming the original's and what goes wrong", async () => {
    expect(await addressWarnings(file("First issue", "en", "sokan", ["2011-04", "first"], "The text."))).toEqual([
      `${APRIL_EN}:5:1  warning: slug: sokan is its original's slug too (${APRIL}:5): a translation without a slug takes its original's address and old addresses (aliases), so this line can go; kept, the slug is this translation's own, and when the original's slug changes the en edition stays behind at the old address, apart from its original`,
      `${APRIL_EN}:6:1  warning: aliases: 2011-04 is an alias of its original too (${APRIL}:6): a translation takes its original's old addresses as it takes its address, so remove it from this list; kept, it is this translation's own, and stays when the original drops it (an address that goes to another issue then clashes here)`,
      'gekkan: if you mean these, stop the warning in gekkan.config.json with "ignoreWarnings": ["translation-address"], or for one issue only in its front matter with ignoreWarnings: [translation-address]',
    ]);
  });

  it("a slug equal to the original's month is its address too", async () => {
    const original = file("創刊号", "ja", undefined, [], "本文です。");
    const site = sites.make({ "gekkan.config.json": CONFIG, [APRIL]: original, [APRIL_EN]: file("First issue", "en", "2011-04", [], "The text.") });
    const run = await runCli(["build", "--no-search", "--no-cache"], { cwd: site.path });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(`${APRIL_EN}:5:1  warning: slug: 2011-04 is its original's address too (its month, ${APRIL}:4): a translation without a slug`);
  });

  it("a translation with a slug of its own, or with neither line, is no warning", async () => {
    expect(await addressWarnings(file("First issue", "en", "first-issue", ["2011-04", "junbi"], "The text."))).toEqual([]);
    expect(await addressWarnings(file("First issue", "en", undefined, [], "The text."))).toEqual([]);
  });
});
