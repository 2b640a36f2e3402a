import fc from "fast-check";
import type { Node, Parent } from "unist";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import remarkDirective from "remark-directive";
import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { excessiveNesting } from "../../src/content/nesting.js";
import { FIXTURES } from "../helpers/fixtures.js";

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkDirective);

/** The oracle: container depth in the tree micromark builds (a list and its item count as one level). */
function realDepth(markdown: string): number {
  const containers = new Set(["blockquote", "listItem", "footnoteDefinition", "containerDirective"]);
  let deepest = 0;
  const stack: Array<[Node, number]> = [[parser.parse(markdown), 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop() as [Node, number];
    const here = depth + (containers.has(node.type) ? 1 : 0);
    deepest = Math.max(deepest, here);
    for (const child of (node as Parent).children ?? []) stack.push([child, here]);
  }
  return deepest;
}

/** The pre-scan's depth for a document: the smallest limit it accepts. */
function estimate(markdown: string): number {
  let low = 0;
  while (excessiveNesting(markdown, low) !== undefined) low++;
  return low;
}

// Lines built from the pieces that open and continue containers, in any order and indentation.
const indent = fc.constantFrom("", " ", "  ", "   ", "    ", "      ", "\t", " \t");
const marker = fc.constantFrom("> ", ">", "- ", "* ", "+ ", "1. ", "2) ", "10. ", "[^a]: ", "-\t");
const content = fc.constantFrom("text", "", "- - -", "* * *", "---", "```", "~~~", ":::qa", ":::", ":::qa{components=\"x\"}", "    code", "# h", "<div>", "|a|b|", "|-|-|", "-", "*", "1.");
const line = fc.tuple(indent, fc.array(fc.tuple(marker, indent), { maxLength: 5 }), content).map(([lead, markers, text]) => `${lead}${markers.map(([m, gap]) => m + gap).join("")}${text}`);
const documents = fc.array(fc.oneof(line, fc.constant("")), { minLength: 1, maxLength: 25 }).map((lines) => `${lines.join("\n")}\n`);

describe("nesting pre-scan", () => {
  it("property: never reports less depth than micromark builds (so a document it accepts is within the limit)", () => {
    fc.assert(
      fc.property(documents, (markdown) => {
        expect(estimate(markdown)).toBeGreaterThanOrEqual(realDepth(markdown));
      }),
      { numRuns: 1500 },
    );
  });

  it.each([
    ["a quote line holding only ::: inside a block", ":::qa\n> :::\n\n"],
    ["a lazy ::: after a quoted paragraph in a listed block", "- :::qa\n  > text\n:::\n  > > > x\n"],
    ["a ::: indented as code inside a block", ":::qa\n\n        :::\n> > x\n"],
    ["a ::: in a new list item inside a block", ":::qa\n- :::\n  > > x\n"],
    ["a ::: indented four columns under an indented block's opening", "   :::qa\n    :::\n> text\n"],
  ])("%s is not taken for the block's end", (_name, markdown) => {
    expect(estimate(markdown)).toBeGreaterThanOrEqual(realDepth(markdown));
  });

  it("blocks closed one after another do not add up, at the top level or in a quote", () => {
    expect(estimate(":::qa\ntext\n:::\n\n".repeat(200))).toBe(1);
    expect(estimate(":::release{component=\"x\"}\n- item\n  more\n:::\n".repeat(200))).toBe(2);
    expect(estimate("> :::qa\n> text\n> :::\n\n".repeat(200))).toBe(2);
  });

  it("footnote definitions one after another do not add up, with or without blank lines between, at the top level or in a quote", () => {
    const notes = (count: number, lead: string, gap: string) => Array.from({ length: count }, (_, i) => `${lead}[^n${i}]: note ${i}\n${lead}    more\n${gap}`).join("");
    expect(estimate(notes(150, "", "\n"))).toBe(1);
    expect(estimate(notes(150, "", ""))).toBe(1);
    // In a quote, four columns of indentation may also be two list items: an overstatement, but the same for 2 notes as for 150.
    expect(estimate(notes(150, "> ", ""))).toBe(estimate(notes(2, "> ", "")));
    expect(estimate(notes(150, "> ", ""))).toBeLessThan(5);
  });

  const nestedOf = (kinds: readonly string[]) => {
    const lines: string[] = [];
    let pad = "";
    for (const kind of kinds) {
      lines.push(`${pad}${kind}item`);
      pad += kind === "> " ? "> " : " ".repeat(kind.length);
    }
    return `${lines.join("\n")}\n`;
  };

  it("property: nested bullet lists and quotes are measured exactly", () => {
    const kinds = fc.array(fc.constantFrom("- ", "> ", "* "), { minLength: 1, maxLength: 12 });
    fc.assert(fc.property(kinds, (list) => estimate(nestedOf(list)) === realDepth(nestedOf(list))), { numRuns: 500 });
  });

  it("property: with ordered lists the measure stays within twice the real depth", () => {
    const kinds = fc.array(fc.constantFrom("- ", "> ", "1. ", "1) "), { minLength: 1, maxLength: 12 });
    fc.assert(fc.property(kinds, (list) => estimate(nestedOf(list)) <= 2 * realDepth(nestedOf(list))), { numRuns: 500 });
  });

  it("every sample and fixture issue is far below the default limit", () => {
    const files = [...collect(join(import.meta.dirname, "..", "..", "content")), ...collect(FIXTURES)];
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) expect(estimate(readFileSync(file, "utf8")), file).toBeLessThanOrEqual(10);
  });

  it("measures 50,000 markers on one line and 100,000 lines of one list", () => {
    expect(excessiveNesting(`${"- ".repeat(50_000)}x\n`, 100)).toMatchObject({ depth: 50_000, line: 1 });
    expect(excessiveNesting("- a\n  b\n".repeat(50_000), 100)).toBeUndefined();
  });
});

function collect(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".md"))
    .map((e) => join(e.parentPath, e.name));
}
