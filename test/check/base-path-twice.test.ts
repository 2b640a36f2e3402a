import { afterEach, describe, expect, it } from "vitest";
import { checkInProcess } from "../helpers/io.js";
import { issue, type TempDir } from "../helpers/temp-site.js";
import { SECOND_ISSUE, twoIssueSite } from "../helpers/two-issue-site.js";

// A site published under /news/ whose first issue has an English translation (/news/en/issues/2020-10/).
const CONFIG = `${JSON.stringify({ title: "テスト月刊", url: "https://example.org/news/", authors: ["編集部"], languages: { en: { title: "Test Monthly", description: "A test" } } }, null, 2)}\n`;
const FILE = SECOND_ISSUE;

let site: TempDir | undefined;
afterEach(() => site?.remove());

const siteWith = (body: string): TempDir => twoIssueSite(body, { files: { "gekkan.config.json": CONFIG, "content/issues/2020/2020-10.en.md": issue({ title: "October", issue: 1, date: "2020-10-01", lang: "en" }, "## Heading\n\nText.\n"), "public/images/pic.png": "png" } });

// Oracle: the author wrote the base path by hand before a page the site has; gekkan adds the base
// path again, so what they meant is the same link without it, which is what the note says too.
describe("gekkan check on a link written with the base path (/news/issues/…), which gekkan adds a second time", () => {
  it("offers the same page without the base path, not the translation nearest by spelling", async () => {
    site = siteWith("[前号](/news/issues/2020-10/#見出し) ![図](/news/images/pic.png)\n");
    const run = await checkInProcess(site.path);
    expect(run.code).toBe(1);
    const note = "(links are written from the site root without the base path /news/: gekkan adds it)";
    expect(run.lines).toContain(`${FILE}:7:1  broken link "/news/issues/2020-10/#見出し": nothing is published at /news/news/issues/2020-10/ — did you mean "/issues/2020-10/#見出し"? ${note}`);
    expect(run.lines).toContain(`${FILE}:7:33  broken image "/news/images/pic.png": nothing is published at /news/news/images/pic.png — did you mean "/images/pic.png"? ${note}`);
  });

  it("offers the bare page when it has no such heading: the #… kept would be broken again once pasted", async () => {
    site = siteWith("[前号](/news/issues/2020-10/#ない見出し)\n");
    const run = await checkInProcess(site.path);
    expect(run.code).toBe(1);
    expect(run.lines).toContain(`${FILE}:7:1  broken link "/news/issues/2020-10/#ない見出し": nothing is published at /news/news/issues/2020-10/ — did you mean "/issues/2020-10/"? (links are written from the site root without the base path /news/: gekkan adds it)`);
  });

  it("passes once the suggestion is written in the Markdown", async () => {
    site = siteWith("[前号](/issues/2020-10/#見出し) ![図](/images/pic.png)\n");
    const run = await checkInProcess(site.path);
    expect(run.lines).toEqual([expect.stringMatching(/: 0 errors, 0 warnings$/)]);
  });
});
