/**
 * One rule for --lang's exit codes, as the README's table gives it: a code
 * no language has a locale pack for is a value --lang cannot take, a usage
 * error (2), in gekkan new and gekkan email alike; a language with a pack
 * that the content has no issue in is the content's answer (1). gekkan new
 * said 2 and gekkan email 1 for the same `--lang xx`. The compiled CLI,
 * spawned from a folder whose path has a space and Japanese; the oracle is
 * the table's numbers and the messages written out here.
 */
import { describe, expect, it } from "vitest";
import { cliSites } from "../helpers/cli-sites.js";
import { runCli } from "../helpers/run-cli.js";
import { issue } from "../helpers/temp-site.js";

const sites = cliSites();
const CONFIG = `${JSON.stringify({ title: "テスト月刊", url: "https://example.org/", lang: "ja", authors: ["編集部"], email: { from: "テスト月刊 <news@example.org>" } })}\n`;
const FILES = { "gekkan.config.json": CONFIG, "content/issues/2011/2011-04.md": issue({ title: "創刊号", issue: 1, date: "2011-04-01" }) };

describe("--lang with no locale pack is a usage error in every command", () => {
  it.each([
    [["new", "--lang", "xx"], 'gekkan new: --lang xx: no locale pack "xx"; available: en, ja (a language of its own needs templates/locales/xx.json)'],
    [["email", "1", "--lang", "xx"], 'gekkan email: --lang xx: no locale pack "xx"; available: en, ja (a language of its own needs templates/locales/xx.json)'],
    [["email", "1", "--lang", "EN"], 'gekkan email: --lang EN: no locale pack "EN" — did you mean "en"?'],
  ])("gekkan %j exits 2, with the usage lines", async (args, first) => {
    const site = sites.make(FILES);
    const run = await runCli(args, { cwd: site.path });
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines[0]).toBe(first);
    expect(lines[1]).toMatch(new RegExp(`^usage: gekkan ${args[0] ?? ""} `));
    expect(lines.at(-1)).toBe(`run \`gekkan ${args[0] ?? ""} --help\` for more`);
    expect(run.stdout).toBe("");
    expect(run.code).toBe(2);
  });
});

describe("a language or issue the content does not have is a content answer", () => {
  it("gekkan email --lang en on a site with no English issue exits 1, and so does gekkan new --translate of an issue that is not there", async () => {
    const site = sites.make(FILES);
    const email = await runCli(["email", "1", "--lang", "en"], { cwd: site.path });
    expect(email.stderr).toBe("gekkan email: no issue is in \"en\": the site's languages are ja\n");
    expect(email.code).toBe(1);
    const translate = await runCli(["new", "--translate", "9", "--lang", "en"], { cwd: site.path });
    expect(translate.code).toBe(1);
  });
});
