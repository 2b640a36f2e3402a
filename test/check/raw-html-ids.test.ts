import { afterEach, describe, expect, it } from "vitest";
import { checkInProcess } from "../helpers/io.js";
import type { TempDir } from "../helpers/temp-site.js";
import { SECOND_ISSUE, twoIssueSite } from "../helpers/two-issue-site.js";

const FILE = SECOND_ISSUE;

let site: TempDir | undefined;
afterEach(() => site?.remove());

const siteWith = (body: string): TempDir => twoIssueSite(body, { firstBody: '<a id="memo"></a>メモ。\n' });

// Oracle: the sanitiser's documented clobber prefix: an id written in raw HTML is published as
// user-content-<id> (hast-util-sanitize's default schema), which is where a browser can go.
describe("gekkan check on a link to an id the author wrote in raw HTML (<a id=\"note\"></a>)", () => {
  it("says the id is published with user-content- before it, and offers that anchor, on this page and another", async () => {
    site = siteWith('<span id="note">注</span>\n\n[注へ](#note) [前号のメモ](/issues/2020-10/#memo)\n');
    const run = await checkInProcess(site.path);
    expect(run.code).toBe(1);
    const why = "(an id written in raw HTML is published with user-content- before it, so that it cannot take the place of one of the page's own)";
    expect(run.lines).toContain(`${FILE}:9:1  broken anchor in link "#note": /issues/2020-11/ has no element with id "note" — did you mean "#user-content-note"? ${why}`);
    expect(run.lines).toContain(`${FILE}:9:13  broken anchor in link "/issues/2020-10/#memo": /issues/2020-10/ has no element with id "memo" — did you mean "#user-content-memo"? ${why}`);
  });

  it("passes once the links use the published ids", async () => {
    site = siteWith('<span id="note">注</span>\n\n[注へ](#user-content-note) [前号のメモ](/issues/2020-10/#user-content-memo)\n');
    const run = await checkInProcess(site.path);
    expect(run.lines).toEqual([expect.stringMatching(/: 0 errors, 0 warnings$/)]);
  });
});
