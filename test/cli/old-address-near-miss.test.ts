/**
 * A link to an issue's old address, typed slightly wrong. The exact old
 * address (the month of an issue that set a slug later) got advice naming
 * the issue's page now; `/en/issue/2011-04/` got nothing, being near no
 * published page. A near miss of an old address (its month, or an alias) is
 * now offered the issue's page, in the edition asked for. `gekkan check`,
 * the compiled CLI spawned from a folder whose path has a space and
 * Japanese; the oracle is the addresses written out here by hand.
 *
 * A translation without a slug of its own takes its original's: the advice
 * said the translation "set slug: sokan" and sent the alias to its front
 * matter, which sets none; it now names the original, where both are.
 */
import { describe, expect, it } from "vitest";
import { cliSites } from "../helpers/cli-sites.js";
import { runCli } from "../helpers/run-cli.js";
import { issue } from "../helpers/temp-site.js";

const sites = cliSites();
const CONFIG = `${JSON.stringify({ title: "テスト月刊", url: "https://example.org/", lang: "ja", authors: ["編集部"], languages: { en: { title: "Test Monthly", description: "A test" } } })}\n`;
const APRIL = "content/issues/2011/2011-04.md";
const APRIL_EN = "content/issues/2011/2011-04.en.md";

function site(aliases: string, links: string, linksEn: string) {
  return sites.make({
    "gekkan.config.json": CONFIG,
    [APRIL]: issue({ title: "創刊号", issue: 1, date: "2011-04-01", slug: "sokan" }, "## 見出し\n\n本文です。\n").replace("\n---\n\n", `${aliases}\n---\n\n`),
    [APRIL_EN]: issue({ title: "First issue", issue: 1, date: "2011-04-01", lang: "en" }, "## Heading\n\nThe text.\n"),
    "content/issues/2011/2011-05.md": issue({ title: "第2号", issue: 2, date: "2011-05-01" }, `${links}\n`),
    "content/issues/2011/2011-05.en.md": issue({ title: "Second issue", issue: 2, date: "2011-05-01", lang: "en" }, `${linksEn}\n`),
  });
}

describe("gekkan check and a near miss of an issue's old address", () => {
  it("a mistyped month address of an issue that set a slug is offered the issue's page now, in each edition", async () => {
    const dir = site("", "[創刊号](/issue/2011-04/)", "[the first](/en/issue/2011-04/)");
    const run = await runCli(["check"], { cwd: dir.path });
    expect(run.code).toBe(1);
    const lines = run.stderr.split("\n").filter((line) => line.includes("broken link"));
    expect(lines).toEqual([
      `content/issues/2011/2011-05.en.md:8:1  broken link "/en/issue/2011-04/": nothing is published at /en/issue/2011-04/ — did you mean "/en/issues/sokan/"? (issue 1, ${APRIL_EN}, was at /en/issues/2011-04/ before its original (${APRIL}) set slug: sokan)`,
      `content/issues/2011/2011-05.md:7:1  broken link "/issue/2011-04/": nothing is published at /issue/2011-04/ — did you mean "/issues/sokan/"? (issue 1, ${APRIL}, was at /issues/2011-04/ before it set slug: sokan)`,
    ]);
  });

  it("a mistyped alias is offered the issue's page, not the old address that leads there", async () => {
    const dir = site("\naliases: [2011-04]", "[創刊号](/issues/2011-4/)", "[the first](/en/issues/2011-04/)");
    const run = await runCli(["check"], { cwd: dir.path });
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n").filter((line) => line.includes("broken link"))).toEqual([
      `content/issues/2011/2011-05.md:7:1  broken link "/issues/2011-4/": nothing is published at /issues/2011-4/ — did you mean "/issues/sokan/"? (issue 1, ${APRIL}, was at /issues/2011-04/ before it set slug: sokan)`,
    ]);
  });

  it("a translation's exact month address names the original as the file that sets the slug and takes the alias", async () => {
    const dir = site("", "本文です。", "[the first](/en/issues/2011-04/)");
    const run = await runCli(["check"], { cwd: dir.path });
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n").filter((line) => line.includes("broken link"))).toEqual([
      `content/issues/2011/2011-05.en.md:8:1  broken link "/en/issues/2011-04/": nothing is published at /en/issues/2011-04/; the issue of that month (${APRIL_EN}) is at /en/issues/sokan/ since its original (${APRIL}) sets slug: sokan: link there, or, if readers and sent emails know the old address, keep it with aliases: [2011-04] in the original's front matter, which the translation takes its address from`,
    ]);
    // The advice taken: the alias in the original keeps the translation's old address too.
    const kept = site("\naliases: [2011-04]", "本文です。", "[the first](/en/issues/2011-04/)");
    expect((await runCli(["check"], { cwd: kept.path })).code).toBe(0);
  });
});
