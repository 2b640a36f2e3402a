import { afterEach, describe, expect, it } from "vitest";
import { checkInProcess } from "../helpers/io.js";
import type { TempDir } from "../helpers/temp-site.js";
import { SECOND_ISSUE, placeInBody, twoIssueSite } from "../helpers/two-issue-site.js";

const FILE = SECOND_ISSUE;

let site: TempDir | undefined;
afterEach(() => site?.remove());

// A page /特集/ (from public/), and a heading 見出し after the links under test.
const siteWith = (body: string): TempDir => twoIssueSite(`${body}\n## 見出し\n\n本文。\n`, { files: { "public/特集/index.html": "<!doctype html><html lang=\"ja\"><title>特集</title><p>特集</p></html>\n" } });


// Oracle: UTF-8 percent-encoding (RFC 3986): 見 出 し are %E8%A6%8B %E5%87%BA %E3%81%97, 特 集 are
// %E7%89%B9 %E9%9B%86. An author who wrote a link %-encoded finds it in their file only as written,
// and pastes a suggestion over it only if it is spelt the same way.
describe("gekkan check on links written %-encoded", () => {
  it("quotes each as written, says what it reads as, and suggests in the same spelling (anchor, root-relative, relative, full URL)", async () => {
    const links = ["[pct](#%E8%A6%8B%E5%87%BA%E3%81%97x)", "[root](/%E7%89%B9%E9%9B%86x/)", "[rel](../../%E7%89%B9%E9%9B%86x/)", "[full](https://example.org/%E7%89%B9%E9%9B%86x/)"];
    // And one that lands, which is not reported.
    const body = `${links.join("\n")}\n[ok](#%E8%A6%8B%E5%87%BA%E3%81%97) [ok](../../%E7%89%B9%E9%9B%86/)\n`;
    // By hand: one link a line, from the body's first line (7) on, each at column 1.
    expect(links.map((link) => placeInBody(body, link))).toEqual(["7:1", "8:1", "9:1", "10:1"]);
    site = siteWith(body);
    const run = await checkInProcess(site.path);
    expect(run.code).toBe(1);
    expect(run.lines).toContain(`${FILE}:7:1  broken anchor in link "#%E8%A6%8B%E5%87%BA%E3%81%97x" (that is "#見出しx"): /issues/2020-11/ has no element with id "見出しx" — did you mean "#%E8%A6%8B%E5%87%BA%E3%81%97"?`);
    expect(run.lines).toContain(`${FILE}:8:1  broken link "/%E7%89%B9%E9%9B%86x/" (that is "/特集x/"): nothing is published at /特集x/ — did you mean "/%E7%89%B9%E9%9B%86/"?`);
    expect(run.lines).toContain(`${FILE}:9:1  broken link "../../%E7%89%B9%E9%9B%86x/" (that is "../../特集x/"): nothing is published at /特集x/ — did you mean "../../%E7%89%B9%E9%9B%86/"?`);
    expect(run.lines).toContain(`${FILE}:10:1  broken link "https://example.org/%E7%89%B9%E9%9B%86x/" (that is "https://example.org/特集x/"): nothing is published at /特集x/ — did you mean "https://example.org/%E7%89%B9%E9%9B%86/"?`);
    expect(run.lines.at(-1)).toMatch(/: 4 errors, 0 warnings$/);
  });

  it("through a reference: at the definition, as written there", async () => {
    const body = "[見る][p]\n\n[p]: #%E8%A6%8B%E5%87%BA%E3%81%97x\n";
    expect([placeInBody(body, "[見る]"), placeInBody(body, "[p]:")]).toEqual(["7:1", "9:1"]);
    site = siteWith(body);
    const run = await checkInProcess(site.path);
    expect(run.lines).toContain(`${FILE}:9:1  broken anchor in link "#%E8%A6%8B%E5%87%BA%E3%81%97x" (that is "#見出しx"), the address of [p] (used at 7:1): /issues/2020-11/ has no element with id "見出しx" — did you mean "#%E8%A6%8B%E5%87%BA%E3%81%97"?`);
    expect(run.lines.at(-1)).toMatch(/: 1 error, 0 warnings$/);
  });

  it("quotes and suggests links typed in Japanese as typed, with nothing to read them as", async () => {
    const body = "[raw](#見出しx)\n[typed](/特集x/)\n";
    expect([placeInBody(body, "[raw]"), placeInBody(body, "[typed]")]).toEqual(["7:1", "8:1"]);
    site = siteWith(body);
    const run = await checkInProcess(site.path);
    expect(run.lines).toContain(`${FILE}:7:1  broken anchor in link "#見出しx": /issues/2020-11/ has no element with id "見出しx" — did you mean "#見出し"?`);
    // The page asks for the address %-encoded, as a browser does; the message says the path as typed, and so the suggestion.
    expect(run.lines).toContain(`${FILE}:8:1  broken link "/特集x/": nothing is published at /特集x/ — did you mean "/特集/"?`);
    expect(run.lines.at(-1)).toMatch(/: 2 errors, 0 warnings$/);
  });

  it("quotes links written in raw HTML as written too, inline or in a block, and suggests in their spelling", async () => {
    const anchor = '<a href="#%E8%A6%8B%E5%87%BA%E3%81%97x">見る</a>';
    const image = '<img src="/%E7%89%B9%E9%9B%86/x.png" alt="図">';
    const block = '<a href="/%E7%89%B9%E9%9B%86x/">特集</a>';
    const body = `${anchor} と ${image}\n\n<p>${block}</p>\n`;
    // By hand: line 7 holds the anchor at column 1 and the image after the anchor's 46 characters (9 + 29 + 2 + 2 + 4) and " と ": column 50; the block's <p> is line 9, its <a> at column 4.
    expect([placeInBody(body, anchor), placeInBody(body, image), placeInBody(body, block)]).toEqual(["7:1", "7:50", "9:4"]);
    // Each is reported at its href or src, where the address is written: 3 columns past "<a ", 5 past "<img ".
    expect([placeInBody(body, 'href="#%E8'), placeInBody(body, 'src="/%E7'), placeInBody(body, 'href="/%E7')]).toEqual(["7:4", "7:55", "9:7"]);
    site = siteWith(body);
    const run = await checkInProcess(site.path);
    expect(run.lines).toContain(`${FILE}:7:4  broken anchor in link "#%E8%A6%8B%E5%87%BA%E3%81%97x" (that is "#見出しx"): /issues/2020-11/ has no element with id "見出しx" — did you mean "#%E8%A6%8B%E5%87%BA%E3%81%97"?`);
    expect(run.lines).toContain(`${FILE}:7:55  broken image "/%E7%89%B9%E9%9B%86/x.png" (that is "/特集/x.png"): nothing is published at /特集/x.png; put the file at public/特集/x.png`);
    expect(run.lines).toContain(`${FILE}:9:7  broken link "/%E7%89%B9%E9%9B%86x/" (that is "/特集x/"): nothing is published at /特集x/ — did you mean "/%E7%89%B9%E9%9B%86/"?`);
    expect(run.lines.at(-1)).toMatch(/: 3 errors, 0 warnings$/);
  });
});
