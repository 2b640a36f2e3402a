import fc from "fast-check";
import type * as MicromarkModule from "micromark";
import type { Event, Extension } from "micromark-util-types";
import { describe, expect, it } from "vitest";
import { DEFAULT_COMPONENTS } from "../../src/config.js";
import { buildProcessor } from "../../src/markdown/processor.js";
import { growth } from "../helpers/growth.js";
import { loadPackageFile, packageFile } from "../helpers/patched-packages.js";

/**
 * patches/micromark+4.0.3.patch rewrites how micromark merges adjacent text events
 * (one pass instead of one splice per run). The oracle is micromark 4.0.3 as published,
 * installed beside it unpatched: both must produce the same events, event for event, with
 * the syntax extensions gekkan's own processor uses. micromark ships two builds, both
 * patched: `lib/` (what Node and the bundle load) and `dev/lib/` (what the tests' module
 * loader picks by its "development" condition); each is compared with its published twin.
 * Both twins use the one micromark-util-edit-map installed, patched too (its own test,
 * edit-map-patch.test.ts, compares it with its published twin).
 */
const BUILDS = [
  ["lib", "index.js"],
  ["dev/lib", "dev/index.js"],
] as const;

type Micromark = Pick<typeof MicromarkModule, "parse" | "postprocess" | "preprocess">;

const extensions = (buildProcessor({ components: DEFAULT_COMPONENTS, basePath: "/" }, "t").freeze().data() as { micromarkExtensions: Extension[] }).micromarkExtensions;

function eventsOf(micromark: Micromark, markdown: string): string[] {
  const events: Event[] = micromark.postprocess(micromark.parse({ extensions }).document().write(micromark.preprocess()(markdown, undefined, true)));
  return events.map(([kind, token]) => `${kind} ${token.type} ${token.start.offset}-${token.end.offset}`);
}

/** Pieces that start a construct and fail (so text splits into many data runs), and the tokens between them. */
const PIECES = [
  "word", " ", "  ", "\t", "\n", "  \n", "\n\n", "あ", "。", "<", ">", "<b>", "</b>", "<br>", "<!--", "-->", "&", "&a", "&amp;", "&#123;", "\\", "\\*", "!", "![", "`", "``", "*", "**", "_", "~", "~~",
  "[", "]", "(", ")", "[a](/b)", "[^1]", "http://a", "https://b.c/d", "www.e.f", "g@h.i", "mailto:j@k.l", ":::qa", ":::", ":x[y]{z=1}", "{", "}", "|", "---", "> ", "- ", "1. ", "    ", "```", "#", "=", "\r\n",
];

const markdown = fc.array(fc.constantFrom(...PIECES), { maxLength: 120 }).map((pieces) => pieces.join(""));

describe.each(BUILDS)("micromark's text merge (%s), patched for linear time", (folder, entry) => {
  it("is applied: the installed resolver is not the published one", () => {
    const resolver = (pkg: string) => packageFile(pkg, `${folder}/initialize/text.js`);
    expect(resolver("micromark")).not.toBe(resolver("micromark-unpatched"));
  });

  it("gives the published micromark's events for any mix of failed constructs and tokens", async () => {
    const [patched, upstream] = [await loadPackageFile<Micromark>("micromark", entry), await loadPackageFile<Micromark>("micromark-unpatched", entry)];
    fc.assert(
      fc.property(markdown, (text) => {
        expect(eventsOf(patched, text)).toEqual(eventsOf(upstream, text));
      }),
      { numRuns: 3000 },
    );
  });

  it("parses a paragraph in time that grows with its length, not its square", async () => {
    const patched = await loadPackageFile<Micromark>("micromark", entry);
    // Prose with code spans, raw HTML and failed references and address starts: every piece splits the text into another data run.
    const paragraph = (n: number) => "word `b` &a <http://a !a ".repeat(n);
    // The published one: ~50.
    expect(growth((n) => eventsOf(patched, paragraph(n)), 5_000, 60_000)).toBeLessThan(25);
  });
});
