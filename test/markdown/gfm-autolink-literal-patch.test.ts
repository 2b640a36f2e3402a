import fc from "fast-check";
import * as micromark from "micromark";
import type { Construct, Extension } from "micromark-util-types";
import { describe, expect, it } from "vitest";
import { countTokenizerEvents, eventsOf, gekkanParser, runParser, swapTextConstructs } from "../helpers/micromark-events.js";
import { loadPackageFile, packageFile } from "../helpers/patched-packages.js";

/**
 * patches/micromark-extension-gfm-autolink-literal+2.1.0.patch makes the check whether
 * an open `[` or `![` comes before a would-be autolink (www., http://, an email address)
 * remember its "yes" as well as its "no": after one `[` that never closes, each word
 * walked back to it. The oracle is the package as published, installed beside it
 * unpatched; the constructs of each build (`lib/`, `dev/lib/`) are put in the place of
 * the ones gekkan's processor uses in turn, and both must give the same events.
 */
const BUILDS = ["lib", "dev/lib"] as const;

type SyntaxModule = { gfmAutolinkLiteral: () => Extension };

/** The autolink constructs of one build, by name, to put in a parser's place. */
function constructsOf(module: SyntaxModule): Map<string, Construct> {
  const byName = new Map<string, Construct>();
  for (const entry of Object.values(module.gfmAutolinkLiteral().text ?? {})) {
    for (const construct of Array.isArray(entry) ? entry : entry ? [entry] : []) {
      if (construct.name) byName.set(construct.name, construct);
    }
  }
  return byName;
}

const withAutolinks = (module: SyntaxModule) => {
  const constructs = constructsOf(module);
  expect([...constructs.keys()].sort()).toEqual(["emailAutolink", "protocolAutolink", "wwwAutolink"]);
  return (parser: Parameters<typeof swapTextConstructs>[0]) => {
    expect(swapTextConstructs(parser, constructs)).toBeGreaterThan(0);
  };
};

/** Labels opened, closed, made links or left open, and the autolinks and emphasis that check for them. */
const PIECES = [
  "[", "![", "]", "](/a)", "][b]", "[^1]", "(", ")", "word", "a", " ", "\n", "\n\n", "www.", "www.a.b", "http://", "https://c.d", "@", "e@f.g", "_", "*", "~", "`", "\\", "<", ">", "<h@i.j>", "-", ".", "/",
];

/** Mostly words and autolinks after a few labels: many paragraphs where labels stay open over several would-be autolinks. */
const WORDS = ["[", "![", "]", "](/a)", "word ", "word ", "a ", "www.a.b ", "http://c.d ", "e@f.g ", "_a_ ", "*", "\n"];

const markdown = fc
  .oneof(fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }), fc.array(fc.constantFrom(...WORDS), { maxLength: 40 }))
  .map((pieces) => `[b]: /c\n\n${pieces.join("")}`);

describe.each(BUILDS)("micromark-extension-gfm-autolink-literal (%s), patched for linear time", (folder) => {
  const load = (pkg: string) => loadPackageFile<SyntaxModule>(pkg, `${folder}/syntax.js`);

  it("is applied: the installed file is not the published one", () => {
    const syntax = (pkg: string) => packageFile(pkg, `${folder}/syntax.js`);
    expect(syntax("micromark-extension-gfm-autolink-literal")).not.toBe(syntax("micromark-extension-gfm-autolink-literal-unpatched"));
  });

  it("gives the published extension's events for any mix of labels and autolinks", async () => {
    const [patched, upstream] = [withAutolinks(await load("micromark-extension-gfm-autolink-literal")), withAutolinks(await load("micromark-extension-gfm-autolink-literal-unpatched"))];
    fc.assert(
      fc.property(markdown, (text) => {
        expect(eventsOf(micromark, text, patched)).toEqual(eventsOf(micromark, text, upstream));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([["["], ["!["]])("reads a long paragraph after an open %s with work that grows with its words, not their square", async (opener) => {
    const patched = withAutolinks(await load("micromark-extension-gfm-autolink-literal"));
    // The published check walked back over every event to the open label at each word: 32 million reads here.
    const words = 4_000;
    let touches = () => 0;
    const parser = gekkanParser(micromark, (p) => {
      patched(p);
      touches = countTokenizerEvents(p, "text");
    });
    runParser(micromark, parser, opener + "word ".repeat(words));
    expect(touches()).toBeLessThan(words * 20);
  });
});
