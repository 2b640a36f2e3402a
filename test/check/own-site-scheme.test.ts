import { afterEach, describe, expect, it } from "vitest";
import { checkInProcess } from "../helpers/io.js";
import type { TempDir } from "../helpers/temp-site.js";
import { SECOND_ISSUE, twoIssueSite } from "../helpers/two-issue-site.js";

const FILE = SECOND_ISSUE;

let site: TempDir | undefined;
afterEach(() => site?.remove());

const siteWith = (body: string): TempDir => twoIssueSite(body);

// Oracle: the site's files are the two issues' pages; http://example.org/ is the same host as the
// site's https://example.org/, which serves it (or redirects it to https), so only those two pages are there.
describe("gekkan check on a full link to the site's own host written with http:// (an old habit, or pasted from an old issue)", () => {
  it("reports one to a page the site does not have, suggesting the page at the site's own address", async () => {
    site = siteWith("[前号](http://example.org/issues/2020-09/)\n");
    const run = await checkInProcess(site.path);
    expect(run.code).toBe(1);
    expect(run.lines).toContain(`${FILE}:7:1  broken link "http://example.org/issues/2020-09/": nothing is published at /issues/2020-09/ — did you mean "https://example.org/issues/2020-10/"?`);
  });

  it("reports a broken anchor in one, and says nothing of one that lands", async () => {
    site = siteWith("[a](http://example.org/issues/2020-10/#見出し) [b](http://example.org/issues/2020-10/#見出じ)\n");
    const run = await checkInProcess(site.path);
    expect(run.lines).toEqual([
      `${FILE}:7:45  broken anchor in link "http://example.org/issues/2020-10/#見出じ": /issues/2020-10/ has no element with id "見出じ" — did you mean "#見出し"?`,
      expect.stringMatching(/: 1 error, 0 warnings$/),
    ]);
  });

  it("leaves the host on another port alone: that is another server", async () => {
    site = siteWith("[a](http://example.org:8080/issues/2020-09/)\n");
    const run = await checkInProcess(site.path);
    expect(run.code).toBe(0);
  });
});
