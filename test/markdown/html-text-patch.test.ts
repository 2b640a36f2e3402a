import fc from "fast-check";
import * as micromark from "micromark";
import type { Construct } from "micromark-util-types";
import { describe, expect, it } from "vitest";
import { countTokenizerEvents, eventsOf, gekkanParser, runParser, swapTextConstructs } from "../helpers/micromark-events.js";
import { loadPackageFile, packageFile } from "../helpers/patched-packages.js";

/**
 * patches/micromark-core-commonmark+2.0.4.patch makes inline HTML remember, for each
 * paragraph, the first `<!--`, `<?`, `<!X` (declaration) and `<![CDATA[` whose closer it
 * looked for to the end of the text and did not find: a later one of the same kind fails
 * at once, where each read to the end of the paragraph again. The oracle is the package
 * as published, installed beside it unpatched; the construct of each build (`lib/`,
 * `dev/lib/`) is put in micromark's place for `<` in turn, and both must give the same
 * events with the syntax extensions gekkan's own processor uses.
 */
const BUILDS = ["lib", "dev/lib"] as const;

type HtmlTextModule = { htmlText: Construct };

const withHtmlText = (module: HtmlTextModule) => (parser: Parameters<typeof swapTextConstructs>[0]) => {
  expect(swapTextConstructs(parser, new Map([["htmlText", module.htmlText]]))).toBeGreaterThan(0);
};

/** Openers, closers and the pieces of closers, for every kind of inline HTML, and the text, code and lines between them. */
const PIECES = [
  "<!--", "-->", "--", "-", "<!-->", "<!--->", "<?", "?>", "?", "<!X", "<!x y", "<![CDATA[", "<![CDATA", "]]>", "]]", "]", ">", "<", "<a", "<a b=\"", "\"", "'", "</a>",
  "word", " ", "\t", "\n", "\r\n", "\n\n", "`", "``", "\\", "&", "*", "_", "[", "](/a)", "> ", "- ", "    ", "<div>", "http://a", "www.b.c",
];

/** One kind of opener, half the pieces, with the pieces of its closer: many paragraphs where one finds no closer and others follow. */
const KINDS = [
  ["<!--", "-", "--", "->", "-->"],
  ["<?", "?", "?>", ">"],
  ["<!X", "<!x y", ">"],
  ["<![CDATA[", "]", "]]", "]]>", ">"],
] as const;

const oneKind = fc
  .constantFrom(...KINDS)
  .chain(([opener, ...closers]) => fc.array(fc.oneof(fc.constant(opener), fc.constantFrom(...closers, "a", " ", "\n", "`")), { maxLength: 40 }));

const markdown = fc.oneof(fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }), oneKind).map((pieces) => pieces.join(""));

describe.each(BUILDS)("micromark-core-commonmark's inline HTML (%s), patched for linear time", (folder) => {
  const load = (pkg: string) => loadPackageFile<HtmlTextModule>(pkg, `${folder}/html-text.js`);

  it("is applied: the installed construct is not the published one", () => {
    const htmlText = (pkg: string) => packageFile(pkg, `${folder}/html-text.js`);
    expect(htmlText("micromark-core-commonmark")).not.toBe(htmlText("micromark-core-commonmark-unpatched"));
  });

  it("gives the published construct's events for any mix of unclosed and closed inline HTML", async () => {
    const [patched, upstream] = [withHtmlText(await load("micromark-core-commonmark")), withHtmlText(await load("micromark-core-commonmark-unpatched"))];
    fc.assert(
      fc.property(markdown, (text) => {
        expect(eventsOf(micromark, text, patched)).toEqual(eventsOf(micromark, text, upstream));
      }),
      { numRuns: 3000 },
    );
  });

  // Reads and writes of the paragraph's events per line, patched: 112, 85, 108 and 275 (`![` and `[` start labels too). Published: 11,000, 9,000, 10,000 and 16,000, growing with the lines.
  it.each([
    ["<!--", 150],
    ["<?", 150],
    ["<!X", 150],
    ["<![CDATA[", 400],
  ])("tries a paragraph of unclosed %s with work that grows with its lines, not their square", async (opener, perLine) => {
    const patched = withHtmlText(await load("micromark-core-commonmark"));
    // The published construct scanned from every opener to the end, writing four events a line on the way (dropped when it failed).
    const lines = 2_000;
    let touches = () => 0;
    const parser = gekkanParser(micromark, (p) => {
      patched(p);
      touches = countTokenizerEvents(p, "text");
    });
    runParser(micromark, parser, `a ${opener}\n`.repeat(lines));
    expect(touches()).toBeLessThan(lines * perLine);
  });
});
