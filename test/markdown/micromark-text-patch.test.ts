import fc from "fast-check";
import type * as MicromarkModule from "micromark";
import type { Event, Extension, Token, TokenizeContext } from "micromark-util-types";
import { describe, expect, it } from "vitest";
import { DEFAULT_COMPONENTS } from "../../src/config.js";
import { buildProcessor } from "../../src/markdown/processor.js";
import { loadPackageFile, packageFile } from "../helpers/patched-packages.js";
import { countedArray } from "../helpers/touch-count.js";

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
type TextModule = { resolver: { resolveAll: (events: Event[], context: TokenizeContext) => Event[] } };

/** Enter and exit events of one token; the resolver reads only types and points. */
function tokenEvents(type: string, start: number, end: number): Event[] {
  const point = (offset: number) => ({ line: 1, column: offset + 1, offset, _index: 0, _bufferIndex: -1 });
  const token = { type, start: point(start), end: point(end) } as Token;
  return [["enter", token, {} as TokenizeContext], ["exit", token, {} as TokenizeContext]];
}

/** `count` adjacent data tokens of four characters each from `start`. */
const dataEvents = (start: number, count: number) => Array.from({ length: count }, (_, i) => tokenEvents("data", start + 4 * i, start + 4 * i + 4)).flat();

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

  it("merges the data runs of a long paragraph in one pass: work that grows with the events, not their square", async () => {
    const { resolver } = await loadPackageFile<TextModule>("micromark", `${folder}/initialize/text.js`);
    // What prose with code spans gives: two data events (one run to merge) before each code span. The published merge moved every later event once per run: about 36 million touches here.
    const runs = 2_000;
    const { array, touches } = countedArray(Array.from({ length: runs }, (_, i) => [...dataEvents(i * 10, 2), ...tokenEvents("codeText", i * 10 + 8, 10)]).flat());
    const merged = resolver.resolveAll(array, {} as TokenizeContext);
    expect(merged).toHaveLength(runs * 4);
    expect(touches()).toBeLessThan(runs * 6 * 4);
  });
});
