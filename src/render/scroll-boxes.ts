/**
 * What can be wider than the text column scrolls inside its own box, so a
 * phone never scrolls the whole page sideways, and every such box can be
 * reached and scrolled with the keyboard:
 * - each table is wrapped in a labelled, focusable region carrying the hint
 *   the stylesheet shows while it overflows;
 * - each code block (`<pre>`, which scrolls on its own) is made focusable.
 *
 * The input is HTML gekkan serialised itself (hast-util-to-html, after
 * sanitising): text never holds a raw "<", and attribute values are always
 * double-quoted. A tag is therefore `<` … `>` with quoted values skipped,
 * which this tokenizer follows, so `<table` inside an attribute value is
 * never taken for a tag.
 */
import { fill } from "./locale.js";
import { escapeXml } from "../escape.js";

const TOKEN = /<!--[\s\S]*?-->|<[^>"]*(?:"[^"]*"[^>"]*)*>|[^<]+|</g;

export interface TableScrollText {
  /** Accessible name: "{columns}" is filled with the header cells' text. */
  label: string;
  /** Used when a table has no header cells: "{n}" is its position on the page. */
  fallbackLabel: string;
  /** Shown while the table can be scrolled sideways. */
  hint: string;
}

export function scrollBoxes(html: string, text: TableScrollText, counter = { n: 0 }): string {
  if (!html.includes("<table") && !html.includes("<pre")) return html;
  const out: string[] = [];
  // Open wrappers per nesting level: a raw-HTML table inside a cell gets its own box.
  const open: Array<{ at: number; n: number }> = [];
  for (const [token] of html.matchAll(TOKEN)) {
    if (/^<pre[\s>]/i.test(token) && !/\stabindex=/i.test(token)) {
      out.push(token.replace(/^<pre/i, '<pre tabindex="0"'));
      continue;
    }
    if (/^<table[\s>]/i.test(token)) {
      open.push({ at: out.length, n: ++counter.n });
      out.push("", token);
      continue;
    }
    out.push(token);
    if (/^<\/table\s*>$/i.test(token)) {
      const table = open.pop();
      if (table === undefined) continue;
      const start = table.at;
      const columns = headerText(out.slice(start + 1).join(""));
      const name = columns === "" ? fill(text.fallbackLabel, { n: table.n }) : fill(text.label, { columns });
      out[start] = `<div class="table-scroll" role="region" tabindex="0" aria-label="${attribute(name)}" data-scroll-hint="${attribute(text.hint)}">`;
      out.push("</div>");
    }
  }
  return out.join("");
}

/** The first row's header cells as plain text, " / "-separated. */
function headerText(table: string): string {
  const cells: string[] = [];
  let cell: string[] | undefined;
  for (const [token] of table.matchAll(TOKEN)) {
    if (/^<\/tr\s*>$/i.test(token)) break;
    if (/^<th[\s>]/i.test(token)) cell = [];
    else if (/^<\/th\s*>$/i.test(token) && cell) {
      cells.push(decode(cell.join("")).replace(/\s+/g, " ").trim());
      cell = undefined;
    } else if (cell && !token.startsWith("<")) cell.push(token);
  }
  return cells.filter((c) => c !== "").join(" / ");
}

const NAMED: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: "\"", apos: "'", nbsp: "\u00a0" };

/** Character references as hast-util-to-html writes them (numeric), plus the common named ones. */
function decode(html: string): string {
  return html.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(\w+));/gi, (whole, hex?: string, dec?: string, name?: string) =>
    hex !== undefined ? String.fromCodePoint(parseInt(hex, 16)) : dec !== undefined ? String.fromCodePoint(Number(dec)) : NAMED[name ?? ""] ?? whole,
  );
}

/** Plain text inside a double-quoted attribute. */
function attribute(value: string): string {
  return escapeXml(value);
}
