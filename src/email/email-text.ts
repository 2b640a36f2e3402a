import { compile, type HtmlToTextOptions } from "html-to-text";
import { FORMATTERS, UNWRAPPED, type TextState } from "./text-formatters.js";
import { trimLineEnds } from "../trim-end.js";
import { hasScheme } from "../url-scheme.js";

const block = (selector: string, leadingLineBreaks = 1, trailingLineBreaks = 1) => ({ selector, format: "block", options: { leadingLineBreaks, trailingLineBreaks } });
const heading = { uppercase: false, leadingLineBreaks: 2, trailingLineBreaks: 1 };

/**
 * How the email's HTML reads as plain text. The layout tables are just
 * blocks; links get reference numbers (listed under the text). html-to-text
 * selectors have no combinators, so the template marks its own links by class.
 */
function options(wordwrap: number): HtmlToTextOptions {
  return {
    wordwrap,
    formatters: FORMATTERS,
    selectors: [
      { selector: "div.email-preheader", format: "skip" },
      { selector: "a", format: "numberedLink" },
      // The template's own links: "view in browser" and the footer show their URL in place; the title and site name are just text.
      { selector: "a.email-url", format: "anchor", options: { linkBrackets: ["<", ">"], pathRewrite: mailtoWhole } },
      { selector: "a.email-plain", format: "inline" },
      // A footnote call reads as "word(1)", numbered as its note is (brackets are the links' numbers); the note's way back (↩) has no place in text.
      { selector: "a[data-footnote-ref]", format: "inlineSurround", options: { prefix: "(", suffix: ")" } },
      { selector: "a[data-footnote-backref]", format: "skip" },
      { selector: "h1", format: "title" },
      { selector: "h2", format: "section" },
      ...["h3", "h4", "h5", "h6"].map((selector) => ({ selector, options: heading })),
      { selector: "table", format: "table" },
      block("table.email-outer", 0, 0),
      block("table.email-container", 0, 0),
      ...["tr", "td.email-outer-cell", "td.email-topbar", "td.email-header", "td.email-content"].map((s) => block(s)),
      block("td.email-footer", 2, 1),
      { selector: "section.block", format: "framedBlock" },
      { selector: "span.block-kind", format: "inlineSurround", options: { prefix: "[", suffix: "]" } },
      block("dl", 1, 2),
      { selector: "dt", format: "inlineSurround", options: { prefix: "", suffix: ": " } },
      { selector: "ul", options: { itemPrefix: " - " } },
      { selector: "pre", format: "codeBlock" },
      { selector: "input", format: "checkbox" },
      // Struck-through text is text taken back (a date corrected: ~~4月~~ 5月); as plain words it would read as still meant.
      ...["del", "s"].map((selector) => ({ selector, format: "inlineSurround", options: { prefix: "~~", suffix: "~~" } })),
      // A summary is the line that opens what it folds, not the start of its first sentence.
      block("details"),
      block("summary"),
      { selector: "img", format: "image", options: { linkBrackets: ["[", "]"] } },
      // A rule is as long as the wrapped line; unwrapped text keeps html-to-text's own 40 rather than UNWRAPPED dashes.
      ...(wordwrap === UNWRAPPED ? [{ selector: "hr", format: "horizontalLine", options: { length: 40 } }] : []),
    ],
  };
}

/**
 * html-to-text shows a mailto: link as its address alone, which is right for
 * `mailto:leave@example.org`; one with a subject or body
 * (`mailto:leave@example.org?subject=unsubscribe`, as a list's unsubscribe
 * address often is) became `<leave@example.org?subject=unsubscribe>`, no
 * address at all. Such a link keeps its scheme, which mail apps open as
 * a link with the subject filled in.
 */
function mailtoWhole(shown: string): string {
  // Given with its mailto: taken off already; any other link here is absolute (https://…).
  return !hasScheme(shown) && shown.includes("@") && shown.includes("?") ? `mailto:${shown}` : shown;
}

type Converter = (html: string, state: TextState) => string;
const converters = new Map<string, Converter>();

/** Lines are wrapped for languages written with spaces; CJK text has no spaces to wrap at, so its paragraphs stay whole. */
export function wrapsLines(lang: string): boolean {
  return !/^(?:ja|zh|ko)(?:-|$)/i.test(lang);
}

/**
 * The plain-text twin of an email's HTML: the same content, links as
 * numbered references with their URLs listed at the end under `linksLabel`.
 */
export function emailText(html: string, lang: string, linksLabel: string): string {
  const key = wrapsLines(lang) ? "wrap" : "nowrap";
  let convert = converters.get(key);
  if (convert === undefined) converters.set(key, (convert = compile(options(key === "wrap" ? 72 : UNWRAPPED)) as Converter));
  const state: TextState = { numbers: new Map() };
  const text = trimLineEnds(convert(html, state));
  const list = [...state.numbers].map(([href, n]) => `[${n}] ${href}`);
  return `${text}${list.length > 0 ? `\n\n${linksLabel}:\n${list.join("\n")}` : ""}\n`;
}
