import { afterEach, describe, expect, it } from "vitest";
import { SECOND_ISSUE, placeInBody, twoIssueChecker } from "../helpers/two-issue-site.js";

const FILE = SECOND_ISSUE;

const { checked, remove } = twoIssueChecker();
afterEach(remove);

// Oracle: the HTML standard's reading of an attribute value: `&amp;` is "&", `&#47;` and `&#x2F;` are "/", and a
// named reference without its ";" (`&amp/`) is read too when neither a letter, a digit nor "=" follows it. The
// quoted text is each test's own literal, which is what the author finds searching the file; the place is where
// that attribute starts (placeInBody over the same literal).
describe("gekkan check quotes a raw HTML link's address as the file has it, at the attribute", () => {
  it("with &amp;, a numeric reference in decimal and in hex, and a named one without its semicolon", async () => {
    const attributes = ['href="/issues/nowhere&amp;x/"', 'href="/aa&#47;bb/"', 'href="/cc&#x2F;dd/"', 'href="/issues/ee&amp/ff/"'];
    const body = attributes.map((attribute) => `<a ${attribute}>リンク</a>\n`).join("\n");
    // By hand: one link a paragraph from line 7, each attribute after "<a ", at column 4.
    expect(attributes.map((attribute) => placeInBody(body, attribute))).toEqual(["7:4", "9:4", "11:4", "13:4"]);
    const lines = await checked(body);
    expect(lines).toContain(`${FILE}:7:4  broken link "/issues/nowhere&amp;x/" (that is "/issues/nowhere&x/"): nothing is published at /issues/nowhere&x/`);
    expect(lines).toContain(`${FILE}:9:4  broken link "/aa&#47;bb/" (that is "/aa/bb/"): nothing is published at /aa/bb/`);
    expect(lines).toContain(`${FILE}:11:4  broken link "/cc&#x2F;dd/" (that is "/cc/dd/"): nothing is published at /cc/dd/`);
    expect(lines).toContain(`${FILE}:13:4  broken link "/issues/ee&amp/ff/" (that is "/issues/ee&/ff/"): nothing is published at /issues/ee&/ff/`);
    expect(lines.at(-1)).toMatch(/: 4 errors, 0 warnings$/);
  });

  it("single-quoted, unquoted, and in an <img src> with Japanese in the path, in an HTML block", async () => {
    const single = "href='/issues/single&amp;q/'";
    const unquoted = "href=/issues/bare&amp;q/";
    const image = 'src="/写真&amp;図.png"';
    const body = `<p><a ${single}>一</a> <a ${unquoted}>二</a></p>\n\n<div><img alt="図" ${image}></div>\n`;
    // By hand: line 7 "<p><a " puts the first attribute at column 7; it is 28 characters, then ">一</a> <a " (10): the second at 45. Line 9: '<div><img alt="図" ' is 18 characters: column 19.
    expect([placeInBody(body, single), placeInBody(body, unquoted), placeInBody(body, image)]).toEqual(["7:7", "7:45", "9:19"]);
    const lines = await checked(body);
    expect(lines).toContain(`${FILE}:7:7  broken link "/issues/single&amp;q/" (that is "/issues/single&q/"): nothing is published at /issues/single&q/`);
    expect(lines).toContain(`${FILE}:7:45  broken link "/issues/bare&amp;q/" (that is "/issues/bare&q/"): nothing is published at /issues/bare&q/`);
    expect(lines).toContain(`${FILE}:9:19  broken image "/写真&amp;図.png" (that is "/写真&図.png"): nothing is published at /写真&図.png; put the file at public/写真&図.png`);
    expect(lines.at(-1)).toMatch(/: 3 errors, 0 warnings$/);
  });

  it("on the line the attribute starts, when the tag and the value go on over lines", async () => {
    const attribute = 'href="/issues/two&amp;\nlines/"';
    const body = `<a class="x"\n   ${attribute}>二行</a>\n`;
    // By hand: the tag starts on line 7; the attribute on line 8, after three spaces.
    expect(placeInBody(body, attribute)).toBe("8:4");
    const lines = await checked(body);
    // The line break is in the value: it is printed escaped (\n), as every message prints one.
    expect(lines).toContain(`${FILE}:8:4  broken link "/issues/two&amp;\\nlines/" (that is "/issues/two&\\nlines/"): nothing is published at /issues/two&lines/`);
    expect(lines.at(-1)).toMatch(/: 1 error, 0 warnings$/);
  });

  it("quotes an attribute with no reference as it did, as written", async () => {
    const attribute = 'href="/issues/plain-nowhere/"';
    const body = `前置き <a ${attribute}>素</a>\n`;
    // By hand: "前置き <a " is 7 characters: column 8.
    expect(placeInBody(body, attribute)).toBe("7:8");
    const lines = await checked(body);
    expect(lines).toContain(`${FILE}:7:8  broken link "/issues/plain-nowhere/": nothing is published at /issues/plain-nowhere/`);
    expect(lines.at(-1)).toMatch(/: 1 error, 0 warnings$/);
  });
});
