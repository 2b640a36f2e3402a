import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countTokenizerEvents, eventsOf, gekkanParser, type Micromark, runParser } from "../helpers/micromark-events.js";
import { loadPackageFile, packageFile } from "../helpers/patched-packages.js";

/**
 * patches/micromark+4.0.3.patch also changes how micromark reads a lazy line (a line
 * without the `>`, `-` or indent of the quote, list item or footnote definition whose
 * paragraph it continues): it walked back over all the events of the open block to find
 * a token still open across the line start, for every such line. It now first checks the
 * one it found for the line before. The oracle is micromark 4.0.3 as published, installed
 * beside it unpatched; both builds (`lib/`, `dev/lib/`) are compared with their twins
 * (the text merge of the same patch has its own test, micromark-text-patch.test.ts).
 */
const BUILDS = [
  ["lib", "index.js"],
  ["dev/lib", "dev/index.js"],
] as const;

/** What may open a line: container starts (none, for a lazy line), and indents. */
const PREFIXES = ["", "", "", "> ", "> > ", ">", "- ", "* ", "1. ", "[^a]: ", "  ", "    ", "> - ", "- > ", "\t"];
/** What may follow: paragraph text, nothing (a blank line), and blocks a lazy line may start, or not. */
const CONTENTS = ["b", "b", "word word", "", "---", "***", "===", "```", "~~~", "# h", "<div>", "<!--", "-->", "| a |", "|-|", ":::qa", ":::", "[a]: /b", "[^a]", "a\\", "- ", "> ", "  b"];

/** Lines of a prefix and a content each, so that many paragraphs have several lazy lines in a row. */
const lazyMarkdown = fc.array(fc.tuple(fc.constantFrom(...PREFIXES), fc.constantFrom(...CONTENTS)), { maxLength: 30 }).chain((lines) =>
  fc.constantFrom("\n", "\r\n").map((eol) => lines.map(([prefix, content]) => prefix + content).join(eol)),
);

describe.each(BUILDS)("micromark's lazy lines (%s), patched for linear time", (folder, entry) => {
  it("is applied: the installed document tokenizer is not the published one", () => {
    const document = (pkg: string) => packageFile(pkg, `${folder}/initialize/document.js`);
    expect(document("micromark")).not.toBe(document("micromark-unpatched"));
  });

  it("gives the published micromark's events for any mix of containers, lazy lines and blocks", async () => {
    const [patched, upstream] = [await loadPackageFile<Micromark>("micromark", entry), await loadPackageFile<Micromark>("micromark-unpatched", entry)];
    fc.assert(
      fc.property(lazyMarkdown, (text) => {
        expect(eventsOf(patched, text)).toEqual(eventsOf(upstream, text));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ["a quote", "> a\n"],
    ["a list item", "- a\n"],
    ["a footnote definition", "[^a]: a\n"],
  ])("reads a paragraph of lazy lines in %s with work that grows with its lines, not their square", async (_, start) => {
    const patched = await loadPackageFile<Micromark>("micromark", entry);
    // About 40 reads and writes a line. The published walk read every event of the paragraph again for each lazy line: 12 million here.
    const lines = 2_000;
    let touches = () => 0;
    const parser = gekkanParser(patched, (p) => (touches = countTokenizerEvents(p, "flow")));
    runParser(patched, parser, start + "b\n".repeat(lines));
    expect(touches()).toBeLessThan(lines * 60);
  });
});
