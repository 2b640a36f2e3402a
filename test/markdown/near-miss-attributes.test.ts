/**
 * The words for a block's attribute list that did not parse come from the
 * grammar that reads it (attribute-list.ts, checked against remark-directive):
 * what the message says is wrong is what that grammar found wrong, where it
 * stopped. A second, looser copy of the grammar once described lists the
 * parser read differently.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readAttributes, scanAttributes } from "../../src/markdown/plugins/attribute-list.js";
import { describeAttributeProblem } from "../../src/markdown/plugins/near-miss-attributes.js";

const OPENER = ":::release";
const CHARS = ["a", "1", "-", "_", ":", ".", "#", "=", " ", "\t", "\"", "'", "\\", "}", "{", "<", "`", "　", "あ", "＝", "｝", "!"];
const anyLine = fc.tuple(fc.array(fc.constantFrom(...CHARS), { maxLength: 25 }), fc.constantFrom("", "}", " x", "} y")).map(([chars, after]) => `{${chars.join("")}${after}`);

describe("describeAttributeProblem: the attribute grammar's failure in words", () => {
  it.each([
    ['{component="pacemaker" status="released"', "the attributes of :::release are not closed on this line: every attribute must be on the line that opens the block, ending with }"],
    ['{component＝"pacemaker" status="released"}', 'the attributes of :::release hold a full-width equals sign (＝) at "＝"pacemaker" status="released…"; type it in ASCII, or this line is printed as text'],
    ['{device="x"　plugin="ipmi"}', 'the attributes of :::release hold a full-width space (　) at "　plugin="ipmi"}"; type it in ASCII, or this line is printed as text'],
    ['{device=x　plugin="ipmi"}', 'the attributes of :::release hold a full-width space (　) at "　plugin="ipmi"}"; type it in ASCII, or this line is printed as text'],
    ['{title="a \\"quoted\\" word"}', "block attributes cannot escape quotes with \\\": write title='a \"quoted\" word' instead"],
    ['{title="a \\" b"}', "block attributes cannot escape quotes with \\\": write title='a \" b' instead"],
    ['{title="x"status="y"}', 'put a space between the value of title and what follows it ("status="y"}")'],
    ['{title=a"b}', 'the value of title contains "; put the whole value in quotes: title="…"'],
    ["{title= }", 'title= needs a value: write title="…"'],
    ['{title="unclosed}', "the value of title opens a quote (\") that is not closed on this line; every attribute must be on the line that opens :::release"],
    ['{#id .class title="x"} 質問', 'nothing may follow } on the line that opens :::release: move "質問" to the next line'],
    ['{"title"="x"}', 'the attributes of :::release cannot be read at ""title"="x"}"; write them as name="value" pairs separated by spaces'],
    // A list written as JSON or YAML writes one: the whole line to write, not the space the grammar asks for at the comma (which then fails at the next one).
    ['{component="pacemaker", status="released", version="1.1.8"}', 'block attributes are separated by spaces, not commas: write :::release{component="pacemaker" status="released" version="1.1.8"}'],
    ['{title="a, b",}', 'block attributes are separated by spaces, not commas: write :::release{title="a, b"}'],
    ['{component: "pacemaker" status:"released"}', 'a block attribute\'s value follows =, not a colon: write :::release{component="pacemaker" status="released"}'],
    ['{component="pacemaker"，status： "released"}', 'block attributes are written name="value" and separated by spaces, with no colons or commas: write :::release{component="pacemaker" status="released"}'],
    // Mended, a list that still does not read is told what the grammar found, as before.
    ['{component="pacemaker", status=released"}', 'put a space between the value of component and what follows it (", status=released"}")'],
    // Where the old copy of the grammar read otherwise: a full-width brace is named as one, not as a missing space,
    ['{title="x"｝', 'the attributes of :::release hold a full-width brace (｝) at "｝"; type it in ASCII, or this line is printed as text'],
    // and a name may start with a digit, as remark-directive reads it: the list is read, and the text after it is what is wrong.
    ["{1} y", 'nothing may follow } on the line that opens :::release: move "y" to the next line'],
  ])("%s", (line, message) => {
    expect(describeAttributeProblem(OPENER, line)).toBe(message);
  });

  it("says text follows the list exactly when the grammar reads a list with text after it", () => {
    fc.assert(
      fc.property(anyLine, (line) => {
        const read = readAttributes(line);
        const textAfter = read !== undefined && line.slice(read.end).trim() !== "";
        expect(describeAttributeProblem(OPENER, line).startsWith("nothing may follow }"), JSON.stringify(line)).toBe(textAfter);
      }),
      { numRuns: 3000 },
    );
  });

  it("says the list is not closed only where the grammar ran out of line", () => {
    fc.assert(
      fc.property(anyLine, (line) => {
        const read = scanAttributes(line);
        if (describeAttributeProblem(OPENER, line).includes("are not closed on this line")) expect("problem" in read && read.problem, JSON.stringify(line)).toBe("unclosed");
      }),
      { numRuns: 3000 },
    );
  });
});
