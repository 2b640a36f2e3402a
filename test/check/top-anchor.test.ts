import { afterEach, describe, expect, it } from "vitest";
import { checkInProcess } from "../helpers/io.js";
import { CONFIG, issue, tempSite, type TempDir } from "../helpers/temp-site.js";

const FILE = "content/issues/2020/2020-11.md";

let site: TempDir | undefined;
afterEach(() => site?.remove());

/** A two-issue site whose second issue's body (line 7 on) is `body`. */
function siteWith(body: string): TempDir {
  return tempSite({
    "gekkan.config.json": CONFIG,
    "content/issues/2020/2020-10.md": issue({ title: "十月", issue: 1, date: "2020-10-01" }, "## 見出し\n\n本文。\n"),
    [FILE]: issue({ title: "十一月", issue: 2, date: "2020-11-01" }, body),
  });
}

// Oracle: the HTML standard ("scroll to the fragment"): a fragment that names no element
// but is "top", in any ASCII case, takes the reader to the top of the document.
describe("gekkan check and #top, which browsers take to the top of any page", () => {
  it("says nothing about #top, #TOP or another issue's #top when no element has that id", async () => {
    site = siteWith("## 本題\n\n[上へ](#top) [UP](#TOP) [前号の先頭](/issues/2020-10/#Top)\n");
    const run = await checkInProcess(site.path);
    expect(run.lines).toEqual([expect.stringMatching(/: 0 errors, 0 warnings$/)]);
    expect(run.code).toBe(0);
  });

  it("still reports a fragment that only looks like it (#topp, #to-top)", async () => {
    site = siteWith("[a](#topp) [b](/issues/2020-10/#to-top)\n");
    const run = await checkInProcess(site.path);
    expect(run.code).toBe(1);
    expect(run.lines).toContain(`${FILE}:7:1  broken anchor in link "#topp": /issues/2020-11/ has no element with id "topp"`);
    expect(run.lines).toContain(`${FILE}:7:12  broken anchor in link "/issues/2020-10/#to-top": /issues/2020-10/ has no element with id "to-top"`);
  });
});
