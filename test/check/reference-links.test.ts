import { afterEach, describe, expect, it } from "vitest";
import { checkInProcess } from "../helpers/io.js";
import type { TempDir } from "../helpers/temp-site.js";
import { SECOND_ISSUE, placeInBody, twoIssueSite } from "../helpers/two-issue-site.js";

const FILE = SECOND_ISSUE;

let site: TempDir | undefined;
afterEach(() => site?.remove());

const siteWith = (body: string): TempDir => twoIssueSite(body, { files: { "public/images/pic.png": "png" } });


// Oracle: CommonMark — a reference link `[text][r]` takes its address from the definition line
// `[r]: address`; that line is the only place the address is written, so it is where a broken one
// is corrected. Places are counted from each test's own Markdown (placeInBody), checked by hand below.
describe("gekkan check on a broken address written in a reference definition ([r]: /address)", () => {
  it("reports it once, at the definition, naming the reference and every place it is used", async () => {
    const body = "See [one][r] and [two][r].\n\nMore: [three][R].\n\n[r]: /issues/2020-09/\n";
    // By hand: line 7 holds "See [one][r] and [two][r].", line 9 "More: [three][R].", line 11 the definition.
    expect([placeInBody(body, "[one]"), placeInBody(body, "[two]"), placeInBody(body, "[three]"), placeInBody(body, "[r]:")]).toEqual(["7:5", "7:18", "9:7", "11:1"]);
    site = siteWith(body);
    const run = await checkInProcess(site.path);
    expect(run.code).toBe(1);
    const about = run.lines.filter((line) => line.includes("2020-09"));
    expect(about).toEqual([`${FILE}:11:1  broken link "/issues/2020-09/", the address of [r] (used at 7:5, 7:18 and 9:7): nothing is published at /issues/2020-09/ — did you mean "/issues/2020-10/"?`]);
    expect(run.lines.at(-1)).toMatch(/: 1 error, 0 warnings$/);
  });

  it("counts the uses of a reference used more than three times, and names the first", async () => {
    const body = "[a][x] [b][x]\n[c][x] [d][x]\n\n[x]: /issues/2020-09/\n";
    expect([placeInBody(body, "[a]"), placeInBody(body, "[x]:")]).toEqual(["7:1", "10:1"]);
    site = siteWith(body);
    const run = await checkInProcess(site.path);
    expect(run.lines).toContain(`${FILE}:10:1  broken link "/issues/2020-09/", the address of [x] (used 4 times, first at 7:1): nothing is published at /issues/2020-09/ — did you mean "/issues/2020-10/"?`);
    expect(run.lines.at(-1)).toMatch(/: 1 error, 0 warnings$/);
  });

  it("does the same for a picture and for a broken #anchor through a reference, and leaves an unused definition and working ones alone", async () => {
    // [ok] and [shown] land, and are not reported.
    const body = "![図][fig] [前号][prev] [ok][ok] ![図][shown]\n\n[fig]: /images/pic.jpg\n  [prev]: /issues/2020-10/#見出しx\n[unused]: /nowhere/\n[ok]: /issues/2020-10/#見出し\n[shown]: /images/pic.png\n";
    // By hand: "![図][fig] " is 10 characters, so [前号] starts at column 11; [prev]: is indented by 2.
    expect([placeInBody(body, "![図]"), placeInBody(body, "[前号]"), placeInBody(body, "[fig]:"), placeInBody(body, "[prev]:")]).toEqual(["7:1", "7:11", "9:1", "10:3"]);
    site = siteWith(body);
    const run = await checkInProcess(site.path);
    expect(run.code).toBe(1);
    expect(run.lines).toContain(`${FILE}:9:1  broken image "/images/pic.jpg", the address of [fig] (used at 7:1): nothing is published at /images/pic.jpg — did you mean "/images/pic.png"?`);
    expect(run.lines).toContain(`${FILE}:10:3  broken anchor in link "/issues/2020-10/#見出しx", the address of [prev] (used at 7:11): /issues/2020-10/ has no element with id "見出しx" — did you mean "#見出し"?`);
    expect(run.lines.at(-1)).toMatch(/: 2 errors, 0 warnings$/);
  });
});
