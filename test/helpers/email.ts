/** Shared helpers for the email tests: the fixture site, its URL, and independent readings of the output. */
import { fixtureInput } from "./fixtures.js";

/** test/fixtures/email: a Japanese and an English issue, a draft (3) and a future issue (4). */
export const EMAIL_FIXTURE = "email";
export const EMAIL_SITE = fixtureInput(EMAIL_FIXTURE);
/** The fixture config's `url`: every site link in an email starts here. */
export const SITE_URL = "https://news.example.org/letters/";
/** Gmail clips a message whose HTML is larger than this ("102 KB"; counted in decimal here, the stricter reading). */
export const GMAIL_CLIP_BYTES = 102_000;

/**
 * Columns a line takes in a monospaced reader, written independently of
 * src/email/display-width.ts: Han, kana, CJK punctuation and full-width
 * forms are two columns wide, everything else in these fixtures one.
 */
export function columns(text: string): number {
  let width = 0;
  for (const char of text) width += /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\u3000-\u303f\uff01-\uff60]/u.test(char) ? 2 : 1;
  return width;
}

/** The CSS left after removing comments and every @media block: what a `<style>` holds besides media queries. */
export function cssOutsideMedia(css: string): string {
  let rest = css.replace(/\/\*[\s\S]*?\*\//g, "");
  for (;;) {
    const at = rest.indexOf("@media");
    if (at === -1) return rest;
    const open = rest.indexOf("{", at);
    let depth = 0;
    let end = open;
    for (; end < rest.length; end++) {
      if (rest[end] === "{") depth++;
      else if (rest[end] === "}" && --depth === 0) break;
    }
    rest = rest.slice(0, at) + rest.slice(end + 1);
  }
}
