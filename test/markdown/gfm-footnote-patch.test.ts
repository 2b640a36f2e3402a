import fc from "fast-check";
import * as micromark from "micromark";
import type { Construct, Extension } from "micromark-util-types";
import { describe, expect, it } from "vitest";
import { countTokenizerEvents, eventsOf, gekkanParser, runParser, swapTextConstructs } from "../helpers/micromark-events.js";
import { loadPackageFile, packageFile } from "../helpers/patched-packages.js";

/**
 * patches/micromark-extension-gfm-footnote+2.1.0.patch makes the check at each `]` for
 * a footnote call written as an image (`![^a]`) walk back only over the events added
 * since the last `]`, when what it found then still holds: each `]` walked back to the
 * last label or link, or to the start of the paragraph. The oracle is the package as
 * published, installed beside it unpatched; the footnote constructs of each build
 * (`lib/`, `dev/lib/`) are put in the place of the ones gekkan uses in turn, and both
 * must give the same events.
 */
const BUILDS = ["lib", "dev/lib"] as const;

type SyntaxModule = { gfmFootnote: () => Extension };

/** The inline footnote constructs of one build, by name, to put in a parser's place. */
function constructsOf(module: SyntaxModule): Map<string, Construct> {
  const byName = new Map<string, Construct>();
  for (const entry of Object.values(module.gfmFootnote().text ?? {})) {
    for (const construct of Array.isArray(entry) ? entry : entry ? [entry] : []) {
      if (construct.name) byName.set(construct.name, construct);
    }
  }
  return byName;
}

const withFootnotes = (module: SyntaxModule) => {
  const constructs = constructsOf(module);
  expect([...constructs.keys()].sort()).toEqual(["gfmFootnoteCall", "gfmPotentialFootnoteCall"]);
  return (parser: Parameters<typeof swapTextConstructs>[0]) => {
    expect(swapTextConstructs(parser, constructs)).toBeGreaterThan(0);
  };
};

/** Closing brackets with and without labels, images, links and footnote calls (defined and not) before them. */
const PIECES = ["]", "]", "a] ", "[", "![", "![^1]", "![^x]", "[^1]", "[^", "^1", "^", "](/a)", "][b]", "[]", "a", " ", "\n", "\n\n", "*", "`", "\\", "<", ">"];

/** Mostly closing brackets with nothing to close: the walks the patch shortens, with now and then a label, link or call between them. */
const BRACKETS = ["a] ", "a] ", "] ", "a", " ", "\n", "[x] ", "![x] ", "![^1]", "[^1]", "[a](/b)"];

const markdown = fc
  .oneof(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), fc.array(fc.constantFrom(...BRACKETS), { maxLength: 40 }))
  .map((pieces) => `[^1]: n\n[b]: /c\n\n${pieces.join("")}`);

describe.each(BUILDS)("micromark-extension-gfm-footnote (%s), patched for linear time", (folder) => {
  const load = (pkg: string) => loadPackageFile<SyntaxModule>(pkg, `${folder}/syntax.js`);

  it("is applied: the installed file is not the published one", () => {
    const syntax = (pkg: string) => packageFile(pkg, `${folder}/syntax.js`);
    expect(syntax("micromark-extension-gfm-footnote")).not.toBe(syntax("micromark-extension-gfm-footnote-unpatched"));
  });

  it("gives the published extension's events for any mix of brackets, labels, links and calls", async () => {
    const [patched, upstream] = [withFootnotes(await load("micromark-extension-gfm-footnote")), withFootnotes(await load("micromark-extension-gfm-footnote-unpatched"))];
    fc.assert(
      fc.property(markdown, (text) => {
        expect(eventsOf(micromark, text, patched)).toEqual(eventsOf(micromark, text, upstream));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([[""], ["[x] "]])("reads a paragraph of `a] ` after %j with work that grows with its brackets, not their square", async (before) => {
    const patched = withFootnotes(await load("micromark-extension-gfm-footnote"));
    // About 28 reads and writes a bracket. The published check walked back to the start of the paragraph, or to the `[x]`, at every `]`: 32 million here.
    const brackets = 4_000;
    let touches = () => 0;
    const parser = gekkanParser(micromark, (p) => {
      patched(p);
      touches = countTokenizerEvents(p, "text");
    });
    runParser(micromark, parser, before + "a] ".repeat(brackets));
    expect(touches()).toBeLessThan(brackets * 40);
  });
});
