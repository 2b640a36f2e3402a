import { describe, expect, it } from "vitest";
import { bodyOutcome as outcome, renderBody as render } from "../helpers/body-outcome.js";

const RELEASE = ':::release{component="pacemaker" status="released"}';

/**
 * CommonMark reads every line after an HTML tag up to the next blank line as
 * that HTML: a block opened straight under `<div>` was published as the text
 * ":::release{…}", with no error (and its closing ::: further down, if any,
 * was blamed instead).
 */
describe("a block opened inside raw HTML", () => {
  it("is reported at its opening line, with the blank line to add, and nothing is published", () => {
    expect(outcome(`<div class="note">\n${RELEASE}\nx\n:::\n</div>`)).toEqual([
      '7:1 ":::release{…}" is read as part of the HTML "<div class="note">" on line 6, since no blank line comes between them, so the page would show this line as text; put a blank line before it',
    ]);
  });

  it("takes the blame from the closing ::: it leaves behind", () => {
    const body = `<details>\n<summary>詳細</summary>\n:::qa{components="pacemaker"}\nQ\n\n---\n\nA\n:::\n</details>`;
    expect(outcome(body)).toEqual([
      '8:1 ":::qa{…}" is read as part of the HTML "<details>" on line 6, since no blank line comes between them, so the page would show this line as text; put a blank line before it',
    ]);
  });

  it("is found in a block quote too, at its column", () => {
    expect(outcome(`> <div>\n> ${RELEASE}\n> x\n> :::\n> </div>`)).toEqual([
      '7:3 ":::release{…}" is read as part of the HTML "<div>" on line 6, since no blank line comes between them, so the page would show this line as text; put a blank line before it',
    ]);
  });

  it("works with the blank line, and leaves colons the author shows on purpose alone", () => {
    const result = render({ file: "content/issues/x.md", body: `<div>\n\n${RELEASE}\nx\n:::\n\n</div>`, bodyLine: 6 });
    expect(result.ok && result.body.html.includes(":::")).toBe(false);
    expect(result.ok && result.body.blocks.map((b) => b.kind)).toEqual(["release"]);
    // A comment hides it, <pre> shows it as code: both meant.
    expect(outcome(`<!--\n${RELEASE}\nx\n:::\n-->\n\ntext`)).toBe("<p>text</p>");
    expect(outcome(`<pre>\n${RELEASE}\n</pre>`)).toEqual(expect.stringContaining(":::release"));
  });
});
