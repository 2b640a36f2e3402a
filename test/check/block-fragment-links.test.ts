/**
 * A link to a place on its own page (`#見出し`) or a relative one
 * (`../2020-10/`, an image `pic.png`) inside a Q&A's answer: the answer is
 * also shown on /compat/, away from its issue, where that place is not and a
 * relative address starts from another folder. `gekkan check` failed a site whose every link works, with an error at
 * the list page telling the author to check the templates or public/
 * (`/compat/:54:40  broken anchor in link "#%E8%A6%8B…"`), and a reader
 * following it on /compat/ went nowhere. Now the link on /compat/ leads
 * where it leads from the issue's page, and a broken one is reported once, at the
 * Markdown. Oracle: the site's own ids (見出し二 is a heading of the issue);
 * `gekkan check` run in this process, the built /compat/ read from disk.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkInProcess } from "../helpers/io.js";
import { SECOND_ISSUE, placeInBody, twoIssueSite } from "../helpers/two-issue-site.js";
import { runCli } from "../helpers/run-cli.js";
import type { TempDir } from "../helpers/temp-site.js";

const sites: TempDir[] = [];
afterEach(() => sites.splice(0).forEach((site) => site.remove()));

const qa = (answer: string) => `## 見出し二\n\n本文。\n\n:::qa{#q1 components="pacemaker" versions="1.0"}\n質問です。\n\n---\n\n${answer}\n:::\n`;

describe("a #fragment link inside a Q&A answer shown on /compat/", () => {
  it("works there too: no error for a link that works on the issue page", async () => {
    const site = twoIssueSite(qa("回答は[上](#見出し二)に。"));
    sites.push(site);
    const run = await checkInProcess(site.path);
    expect(run.lines.filter((line) => !line.startsWith("gekkan check:"))).toEqual([]);
    expect(run.code).toBe(0);
  });

  it("leads from /compat/ to the place on the issue's page", async () => {
    const site = twoIssueSite(qa("回答は[上](#見出し二)に。"));
    sites.push(site);
    const build = await runCli(["build", "--root", site.path, "--no-search", "--no-cache"], { cwd: site.path });
    expect(build.code).toBe(0);
    const compat = readFileSync(join(site.path, "dist", "compat", "index.html"), "utf8");
    expect(compat).toContain(`href="/issues/2020-11/#${encodeURIComponent("見出し二")}"`);
    expect(compat).not.toContain(`href="#${encodeURIComponent("見出し二")}"`);
  });

  it("a relative link and image lead where they do from the issue's page, and are judged once", async () => {
    const body = qa("回答は[前号](../2020-10/#見出し)と![図](pic.png)に。");
    const site = twoIssueSite(body);
    sites.push(site);
    const run = await checkInProcess(site.path);
    // Nothing is published at pic.png beside the issue: one error, at the Markdown, none at /compat/.
    expect(run.lines.filter((line) => !line.startsWith("gekkan check:"))).toEqual([
      `${SECOND_ISSUE}:${placeInBody(body, "![図]")}  broken image "pic.png": nothing is published at /issues/2020-11/pic.png; put the file at public/issues/2020-11/pic.png`,
    ]);
    const build = await runCli(["build", "--root", site.path, "--no-search", "--no-cache"], { cwd: site.path });
    expect(build.code).toBe(0);
    const compat = readFileSync(join(site.path, "dist", "compat", "index.html"), "utf8");
    expect(compat).toContain(`href="/issues/2020-10/#${encodeURIComponent("見出し")}"`);
    expect(compat).toContain('src="/issues/2020-11/pic.png"');
  });

  it("a broken one is reported once, at the Markdown", async () => {
    const body = qa("回答は[なし](#見出しx)に。");
    const site = twoIssueSite(body);
    sites.push(site);
    const run = await checkInProcess(site.path);
    expect(run.code).toBe(1);
    expect(run.lines.filter((line) => !line.startsWith("gekkan check:"))).toEqual([
      `${SECOND_ISSUE}:${placeInBody(body, "[なし]")}  broken anchor in link "#見出しx": /issues/2020-11/ has no element with id "見出しx" — did you mean "#見出し二"?`,
    ]);
  });
});
