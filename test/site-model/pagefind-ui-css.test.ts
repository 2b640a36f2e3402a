/**
 * Pagefind's stylesheet as the build publishes it: every size of the search
 * box and results in rem, so it follows the reader's text size in every
 * browser (test/browser/search-text-size.test.ts measures that in Chromium,
 * with and without typed arithmetic). This catches a Pagefind upgrade that
 * writes its sizes in a shape the rewrite does not know, which would leave
 * them in px again without a word.
 */
import * as pagefind from "pagefind";
import { afterAll, describe, expect, it } from "vitest";
import { closeSearch, indexPart } from "../../src/site/search-index.js";

afterAll(async () => {
  await closeSearch();
});

/** Each calc() of a stylesheet that uses Pagefind's scale, nested parentheses included. */
function scaledCalcs(css: string): string[] {
  const found: string[] = [];
  for (let at = css.indexOf("calc("); at !== -1; at = css.indexOf("calc(", at + 1)) {
    let depth = 0;
    let end = at + 4;
    do depth += css[end] === "(" ? 1 : css[end] === ")" ? -1 : 0;
    while (depth > 0 && ++end < css.length);
    const calc = css.slice(at, end + 1);
    if (calc.includes("--pagefind-ui-scale")) found.push(calc);
  }
  return found;
}

async function published(): Promise<string> {
  const files = await indexPart({ dir: "", pages: [{ url: "/issues/1/", html: "<html lang=\"ja\"><body><main data-pagefind-body><p>本文</p></main></body></html>", number: 1 }] }, "ja");
  const css = files.find(([path]) => path === "pagefind-ui.css");
  expect(css, "the bundle has pagefind-ui.css").toBeDefined();
  return Buffer.from(css![1]).toString("utf8");
}

describe("Pagefind's stylesheet as published", () => {
  it("sizes the box and results in rem times the scale, none in px", async () => {
    const calcs = scaledCalcs(await published());
    // Pagefind 1.x sizes some seventy things this way; far fewer means its stylesheet changed shape.
    expect(calcs.length).toBeGreaterThan(50);
    expect(calcs.filter((calc) => /\dpx/.test(calc))).toEqual([]);
  }, 60_000);

  it("keeps Pagefind's own sizes at the default text size (16 px)", async () => {
    const raw = await pagefind.createIndex({ forceLanguage: "ja" });
    await raw.index!.addHTMLFile({ url: "/issues/1/", content: "<html lang=\"ja\"><body><main><p>本文</p></main></body></html>" });
    const own = (await raw.index!.getFiles()).files.find((file) => file.path === "pagefind-ui.css")!;
    await raw.index!.deleteIndex();
    const px = scaledCalcs(Buffer.from(own.content).toString("utf8"));
    const rem = scaledCalcs(await published());
    expect(rem).toHaveLength(px.length);
    // The same calc, each px number read as rem at 16 px.
    const asPx = (calc: string) => calc.replace(/(\d*\.?\d+)rem/g, (_, n: string) => `${Number(n) * 16}px`);
    expect(rem.map(asPx)).toEqual(px.map((calc) => calc.replace(/(\d*\.?\d+)px/g, (_, n: string) => `${Number(n)}px`)));
  }, 60_000);
});
