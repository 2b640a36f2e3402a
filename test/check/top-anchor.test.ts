import { afterEach, describe, expect, it } from "vitest";
import { checkInProcess } from "../helpers/io.js";
import type { TempDir } from "../helpers/temp-site.js";
import { SECOND_ISSUE, twoIssueSite } from "../helpers/two-issue-site.js";

const FILE = SECOND_ISSUE;

let site: TempDir | undefined;
afterEach(() => site?.remove());

const siteWith = (body: string): TempDir => twoIssueSite(body);

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
    expect(run.lines).toContain(`${FILE}:7:12  broken anchor in link "/issues/2020-10/#to-top": /issues/2020-10/ has no element with id "to-top"; its headings' ids are "#見出し"`);
  });
});
