import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { trimLineEnds, trimNewlinesEnd, trimSpacesEnd } from "../../src/trim-end.js";
import { endsInOpenAddress } from "../../src/markdown/plugins/remark-stranded-emphasis.js";
import { hasLinkText } from "../../src/content/list-after-fields.js";
import { isDelimiter } from "../../src/markdown/plugins/remark-near-miss-tables.js";
import { opensParagraphWithColons } from "../../src/markdown/plugins/remark-near-miss-blocks.js";
import { cssReferences } from "../../src/check/html-refs.js";
import { ENTRY_LINE } from "../../src/site/feeds.js";

/**
 * Hand-written scans that replaced patterns which backtrack over long runs
 * (test/reliability/hostile-input.test.ts runs those runs through the CLI):
 * each must answer exactly as the pattern it replaced, which is the oracle
 * here, on short strings made of the characters that matter to it.
 */
const text = (pieces: readonly string[]) => fc.array(fc.constantFrom(...pieces), { maxLength: 16 }).map((parts) => parts.join(""));
const RUNS = { numRuns: 20_000 };

describe("linear scans answer as the patterns they replaced", () => {
  it("trailing spaces and tabs of a line, of every line, and trailing newlines", () => {
    const blanks = text([" ", "\t", "\n", "\r", "\u2028", "\u2029", "\r\n", "a", "　", "\u00a0"]);
    fc.assert(fc.property(blanks, (s) => {
      expect(trimSpacesEnd(s)).toBe(s.replace(/[ \t]+$/, ""));
      expect(trimLineEnds(s)).toBe(s.replace(/[ \t]+$/gm, ""));
      expect(trimNewlinesEnd(s)).toBe(s.replace(/\n+$/, ""));
    }), RUNS);
  });

  it("a written-out address running to the end of the text", () => {
    const pattern = /(?:[A-Za-z][A-Za-z0-9+.-]*:\/\/|www\.)[^\s<>]*$/u;
    const pieces = text(["h", "w", "www.", "1", "+", ".", "-", ":", "/", "://", " ", "\t", "<", ">", "_", "あ", "𠮷", "\u2028"]);
    fc.assert(fc.property(pieces, (s) => {
      expect(endsInOpenAddress(s)).toBe(pattern.test(s));
    }), RUNS);
  });

  it("a table's line of ---", () => {
    const pattern = /^\|?(?:\s*:?-+:?\s*\|)+\s*:?-*:?\s*$/;
    fc.assert(fc.property(text(["|", "-", "---", ":", " ", "\t", "x", "\u3000"]), (s) => {
      expect(isDelimiter(s)).toBe(pattern.test(s) && s.includes("-"));
    }), RUNS);
  });

  it("url() and @import in a stylesheet, comments skipped", () => {
    const before = (css: string) => {
      const blanked = css.replace(/\/\*[\s\S]*?\*\//g, (c) => " ".repeat(c.length));
      const urls = [...blanked.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/gi)].map((m) => ({ via: "css url()", url: m[1] ?? m[2] ?? m[3] ?? "", offset: m.index }));
      const imports = [...blanked.matchAll(/@import\s+(?:"([^"]*)"|'([^']*)')/gi)].map((m) => ({ via: "css @import", url: m[1] ?? m[2] ?? "", offset: m.index }));
      return [...urls, ...imports].filter((r) => r.url !== "");
    };
    fc.assert(fc.property(text(["url(", "URL(", "/*", "*/", "/", "*", "\"", "'", " ", "\t", ")", "a", "@import ", "\n"]), (s) => {
      expect(cssReferences(s)).toEqual(before(s));
    }), RUNS);
  });

  it("raw HTML that opens a paragraph with three colons", () => {
    const pattern = /<p(?:\s[^>]*)?>\s*[:：]{3}/i;
    fc.assert(fc.property(text(["<p", "<P", ">", " ", "\t", "\n", ":", "：", ":::", "a", "<", "p"]), (s) => {
      expect(opensParagraphWithColons(s)).toBe(pattern.test(s));
    }), RUNS);
  });

  it("a feed's <entry> lines and their indent", () => {
    const mark = (pattern: RegExp) => (s: string) => {
      let n = 0;
      return s.replace(pattern, (_line, indent: string) => `${indent}<entry n="${n++}">`);
    };
    const before = mark(/^(\s*)<entry>$/gm);
    const after = mark(ENTRY_LINE);
    fc.assert(fc.property(text(["<entry>", " ", "\t", "\n", "\r", "\r\n", "\u2028", "\u00a0", "x"]), (s) => {
      expect(after(s)).toBe(before(s));
    }), RUNS);
  });

  it("link text followed by a parenthesis", () => {
    const pattern = /\[[^\]]*\]\(/u;
    fc.assert(fc.property(text(["[", "]", "(", ")", "](", "a", " ", "\n"]), (s) => {
      expect(hasLinkText(s)).toBe(pattern.test(s));
    }), RUNS);
  });
});
