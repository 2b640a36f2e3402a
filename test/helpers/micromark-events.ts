import type * as MicromarkModule from "micromark";
import type { Construct, Event, Extension, ParseContext } from "micromark-util-types";
import { DEFAULT_COMPONENTS } from "../../src/config.js";
import { buildProcessor } from "../../src/markdown/processor.js";
import { countedArray } from "./touch-count.js";

/**
 * For the tests of patches/ to micromark and its constructs: the events micromark gives
 * for a text with the syntax extensions gekkan's own processor uses, written as
 * `kind type start-end` so two parses compare line for line, and ways to swap one
 * construct for its published twin or to count the work a tokenizer does on its events.
 */
export type Micromark = Pick<typeof MicromarkModule, "parse" | "postprocess" | "preprocess">;

export const gekkanExtensions = (buildProcessor({ components: DEFAULT_COMPONENTS, basePath: "/" }, "t").freeze().data() as { micromarkExtensions: Extension[] }).micromarkExtensions;

/** A parser with gekkan's extensions; `prepare` may change its constructs or tokenizers before it reads anything. */
export function gekkanParser(micromark: Micromark, prepare?: (parser: ParseContext) => void): ParseContext {
  const parser = micromark.parse({ extensions: gekkanExtensions });
  prepare?.(parser);
  return parser;
}

/** All the events of `markdown`, after micromark's postprocessing (which tokenizes text inside blocks). */
export function eventsOf(micromark: Micromark, markdown: string, prepare?: (parser: ParseContext) => void): string[] {
  return runParser(micromark, gekkanParser(micromark, prepare), markdown).map(([kind, token]) => `${kind} ${token.type} ${token.start.offset}-${token.end.offset}`);
}

/**
 * Puts `replacements` (by construct name) in place of the inline constructs of those
 * names, wherever the parser lists them. Returns how many places it changed, so a test
 * can check that the construct under test was found at all.
 */
export function swapTextConstructs(parser: ParseContext, replacements: ReadonlyMap<string, Construct>): number {
  let swapped = 0;
  const record = parser.constructs.text;
  for (const code of Object.keys(record)) {
    const entry = record[code];
    const list = Array.isArray(entry) ? entry : entry ? [entry] : [];
    const next = list.map((construct) => {
      const replacement = construct.name === undefined ? undefined : replacements.get(construct.name);
      if (replacement) swapped++;
      return replacement ?? construct;
    });
    record[code] = Array.isArray(entry) ? next : next[0];
  }
  return swapped;
}

/**
 * Makes every tokenizer of one kind (`flow`: the blocks inside a container; `text`:
 * a paragraph's inline content) keep its events in a counted array. Returns the reads
 * and writes of all of them so far.
 */
export function countTokenizerEvents(parser: ParseContext, kind: "flow" | "text"): () => number {
  const create = parser[kind];
  const counts: Array<() => number> = [];
  parser[kind] = (from) => {
    const tokenizer = create(from);
    const { array, touches } = countedArray(tokenizer.events);
    tokenizer.events = array;
    counts.push(touches);
    return tokenizer;
  };
  return () => counts.reduce((sum, touches) => sum + touches(), 0);
}

/** Runs a parser made by `gekkanParser` over `markdown` to the end, postprocessing included. */
export function runParser(micromark: Micromark, parser: ParseContext, markdown: string): Event[] {
  return micromark.postprocess(parser.document().write(micromark.preprocess()(markdown, undefined, true)));
}
