import { describe, expect, it } from "vitest";
import { bodyOutcome as outcome } from "../helpers/body-outcome.js";

/**
 * `<https://…/a b>` is no autolink (CommonMark allows no space in one), so
 * the page showed a "<", a link to the address up to the space, and "b>";
 * only a "<" with no ">" on its line was reported, and that one even when
 * escaped (`\<https://…`), which shows the "<" on purpose.
 */
describe("an address in angle brackets with a space in it", () => {
  it("is reported at its <, with both ways to end it", () => {
    expect(outcome("資料: <https://example.org/my doc.pdf> を参照。")).toEqual([
      '6:5 "<https://example.org/my doc.pdf>" is printed with its "<" and ">": an address in angle brackets cannot hold a space; if the address goes on after it, write the space as %20, "<https://example.org/my%20doc.pdf>", else end it before the space, "<https://example.org/my>"',
    ]);
  });

  it("leaves a whole autolink, code and escaped brackets alone", () => {
    expect(outcome("<https://example.org/a%20b> と a > b")).toEqual(expect.stringContaining('href="https://example.org/a%20b"'));
    expect(outcome("`<https://x.org/a b>` の形")).toEqual(expect.stringContaining("<code>"));
    expect(outcome("見て \\<https://x.org/a b> の形")).toEqual(expect.stringContaining("&#x3C;"));
    expect(outcome("見て \\<https://x.org/a の形")).toEqual(expect.stringContaining("&#x3C;"));
    expect(outcome("<https://example.org/> と a > b")).toEqual(expect.stringContaining('href="https://example.org/"'));
    // Escaped, the "<" is shown on purpose, with or without a ">" after it.
    expect(outcome("見て \\<https://x.org/a です")).toEqual(expect.stringContaining("&#x3C;"));
  });
});
