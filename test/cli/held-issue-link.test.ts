/**
 * A published issue linking to one not out yet (the next month's draft, or
 * its translation, held back with it): on the site as published the link
 * leads nowhere, and gekkan check offered the nearest spelling instead,
 * `did you mean "/issues/sokan/"?`, the first issue, whose old month address
 * /issues/2011-04/ is one letter from /issues/2011-05/. The issue linked is
 * not misspelt, it is not out: the error now names it, why it is held back
 * and what brings it out. `gekkan check`, the compiled CLI; the oracle is
 * the lines written out here by hand.
 */
import { describe, expect, it } from "vitest";
import { cliSites } from "../helpers/cli-sites.js";
import { runCli } from "../helpers/run-cli.js";
import { issue } from "../helpers/temp-site.js";

const sites = cliSites();
const CONFIG = `${JSON.stringify({ title: "テスト月刊", url: "https://example.org/", lang: "ja", languages: { en: { title: "Test Monthly" } } })}\n`;
const ENV = { SOURCE_DATE_EPOCH: String(Date.UTC(2011, 5, 15) / 1000) };
const TAIL = "(on the published site: the link works only while drafts and scheduled issues are included)";

describe("gekkan check and a published issue's link to an issue not out yet", () => {
  it("names the issue held back and why, not another issue near it by spelling", async () => {
    const site = sites.make({
      "gekkan.config.json": CONFIG,
      // Its month kept as an alias: /issues/2011-04/ is an old address, near /issues/2011-05/.
      "content/issues/2011/2011-04.md": issue({ title: "創刊号", issue: 1, date: "2011-04-01", slug: "sokan" }, "[来月](/issues/2011-05/)\n").replace("\n---\n\n", "\naliases: [2011-04]\n---\n\n"),
      "content/issues/2011/2011-04.en.md": issue({ title: "First issue", issue: 1, date: "2011-04-01", lang: "en" }, "[Next month](/en/issues/2011-05/)\n"),
      "content/issues/2011/2011-05.md": issue({ title: "5月号", issue: 2, date: "2011-05-01", draft: true }),
      "content/issues/2011/2011-05.en.md": issue({ title: "May", issue: 2, date: "2011-05-01", lang: "en" }, "The text.\n"),
    });
    const run = await runCli(["check"], { cwd: site.path, env: ENV });
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n").filter((line) => line.includes("broken link"))).toEqual([
      `content/issues/2011/2011-04.en.md:8:1  broken link "/en/issues/2011-05/": nothing is published at /en/issues/2011-05/; it is the page of issue 2 (content/issues/2011/2011-05.en.md), a translation of a draft, which gekkan build leaves out until its original is published: publish the original, or take the link out until then ${TAIL}`,
      `content/issues/2011/2011-04.md:9:1  broken link "/issues/2011-05/": nothing is published at /issues/2011-05/; it is the page of issue 2 (content/issues/2011/2011-05.md), a draft, which gekkan build leaves out until it is published: publish it, or take the link out until then ${TAIL}`,
    ]);
  });

  it("names a scheduled issue by its day", async () => {
    const site = sites.make({
      "gekkan.config.json": CONFIG,
      "content/issues/2011/2011-06.md": issue({ title: "6月号", issue: 1, date: "2011-06-01" }, "[来月](/issues/2011-07/)\n"),
      "content/issues/2011/2011-07.md": issue({ title: "7月号", issue: 2, date: "2011-07-01" }),
    });
    const run = await runCli(["check"], { cwd: site.path, env: ENV });
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n").filter((line) => line.includes("broken link"))).toEqual([
      `content/issues/2011/2011-06.md:7:1  broken link "/issues/2011-07/": nothing is published at /issues/2011-07/; it is the page of issue 2 (content/issues/2011/2011-07.md), scheduled for 2011-07-01, which gekkan build leaves out until it is published: publish it, or take the link out until then ${TAIL}`,
    ]);
  });
});
