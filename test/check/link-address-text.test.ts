import { afterEach, describe, expect, it } from "vitest";
import { checkInProcess } from "../helpers/io.js";
import type { TempDir } from "../helpers/temp-site.js";
import { SECOND_ISSUE, placeInBody, twoIssueSite } from "../helpers/two-issue-site.js";

const FILE = SECOND_ISSUE;

let site: TempDir | undefined;
afterEach(() => site?.remove());

// Oracle: CommonMark reads `&amp;` in a link destination as "&" and `\_` as "_"; the author searching their
// file for the quoted address finds it only as they typed it, and is told what it reads as. The title after
// the address, and the <…> form's angle brackets, are not the address.
describe("gekkan check quotes a Markdown link's address as it stands in the file", () => {
  it("with entities and backslash escapes, in a link, a picture, the <…> form, with a title, and at a reference's definition", async () => {
    const links = ["[a](/x&amp;y)", '[b](/a\\_b/ "t")', "[c](</c\\_d/> 'u')", "![d](/e&#95;f.png)"];
    const body = `${links.join(" ")}\n\n[e][r]\n\n[r]: /r\\_s/ "x"\n`;
    // By hand: the four on line 7, each followed by a space: a at 1 (13 characters), b at 15 (15), c at 31 (17), d at 49; [e] on line 9 and [r]: on line 11.
    expect([...links.map((link) => placeInBody(body, link)), placeInBody(body, "[e]"), placeInBody(body, "[r]:")]).toEqual(["7:1", "7:15", "7:31", "7:49", "9:1", "11:1"]);
    site = twoIssueSite(body);
    const run = await checkInProcess(site.path);
    expect(run.lines).toContain(`${FILE}:7:1  broken link "/x&amp;y" (that is "/x&y"): nothing is published at /x&y`);
    expect(run.lines).toContain(`${FILE}:7:15  broken link "/a\\_b/" (that is "/a_b/"): nothing is published at /a_b/`);
    expect(run.lines).toContain(`${FILE}:7:31  broken link "/c\\_d/" (that is "/c_d/"): nothing is published at /c_d/`);
    expect(run.lines).toContain(`${FILE}:7:49  broken image "/e&#95;f.png" (that is "/e_f.png"): nothing is published at /e_f.png; put the file at public/e_f.png`);
    expect(run.lines).toContain(`${FILE}:11:1  broken link "/r\\_s/" (that is "/r_s/"), the address of [r] (used at 9:1): nothing is published at /r_s/`);
    expect(run.lines.at(-1)).toMatch(/: 5 errors, 0 warnings$/);
  });
});
