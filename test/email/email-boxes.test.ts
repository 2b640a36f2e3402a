/**
 * The box widths the email's image widths are worked out from
 * (src/email/email-boxes.ts) agree with the email stylesheet they stand
 * for. Oracle: templates/email/style.liquid, its rules read with regexes.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BOX_INSETS, EMAIL_IMAGE_WIDTH } from "../../src/email/email-boxes.js";
import { cssOutsideMedia } from "../helpers/email.js";

const CSS = cssOutsideMedia(readFileSync(join(import.meta.dirname, "..", "..", "templates", "email", "style.liquid"), "utf8"));

/** The declarations of the rule whose selector list is exactly `selector`. */
function rule(selector: string): string {
  const found = [...CSS.matchAll(/([^{}]+)\{([^}]*)\}/g)].find(([, selectors]) => selectors?.trim() === selector);
  if (found === undefined) throw new Error(`no rule for ${selector} in style.liquid`);
  return found[2] ?? "";
}

/** One declaration's lengths in px, a bare 0 among them: "0 0 0 14px" → [0, 0, 0, 14]; "1px solid #d8dee4" → [1]. */
function lengths(declarations: string, property: string): number[] {
  const value = new RegExp(`(?:^|;)\\s*${property}\\s*:\\s*([^;]*)`).exec(declarations)?.[1] ?? "";
  return value.trim().split(/\s+/).filter((word) => /^\d+(px)?$/.test(word)).map((word) => Number.parseInt(word, 10));
}

/** Left plus right of a padding shorthand (one to four values, as CSS spreads them). */
function sides(values: number[]): number {
  const [top = 0, right = top, , left = right] = values;
  return right + left;
}

describe("the email's box widths match its stylesheet", () => {
  it("the column: the container's max-width less its border and the content cell's padding", () => {
    const container = rule(".email-container");
    expect(EMAIL_IMAGE_WIDTH).toBe((lengths(container, "max-width")[0] ?? 0) - 2 * (lengths(container, "border")[0] ?? 0) - sides(lengths(rule(".email-cell"), "padding")));
  });

  it("a typed block, a blockquote, a list and a table cell", () => {
    const block = rule(".block");
    // `border` on the right, `border-left` after it on the left.
    expect(BOX_INSETS.block).toBe(sides(lengths(block, "padding")) + (lengths(block, "border")[0] ?? 0) + (lengths(block, "border-left")[0] ?? 0));
    const quote = rule("blockquote");
    expect(BOX_INSETS.blockquote).toBe(sides(lengths(quote, "padding")) + (lengths(quote, "border-left")[0] ?? 0));
    expect(BOX_INSETS.list).toBe(lengths(rule("ul, ol"), "padding-left")[0]);
    expect(BOX_INSETS.cell).toBe(sides(lengths(rule(".email-content th, .email-content td"), "padding")));
  });

  it("a <pre> (its padding) and a <figure> (its margin)", () => {
    expect(BOX_INSETS.pre).toBe(sides(lengths(rule("pre"), "padding")));
    expect(BOX_INSETS.figure).toBe(sides(lengths(rule("figure"), "margin")));
  });
});
