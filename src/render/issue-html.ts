import type { Liquid } from "liquidjs";
import type { Block } from "../blocks/types.js";
import { BLOCK_COMMENT } from "../markdown/rendered.js";
import type { SiteIssue } from "../site/model.js";
import type { Locale } from "./locale.js";
import { scrollBoxes, type TableScrollText } from "./scroll-boxes.js";
import { footnoteText, headingText, localizeFootnotes, shownContents } from "./footnote-text.js";
import { componentLink, releaseTitle, type ComponentLink, type ViewContext } from "./views.js";
import { mapBlockHtml, markOtherEditionLinks, type LinkLanguage } from "./other-edition-links.js";

export interface BlockView {
  /** The block, its HTML fields with tables in scroll boxes. */
  block: Block;
  /** Heading level of the block's title: one below the heading it follows (2 before any), so the outline never skips a level. */
  level: number;
  statusLabel: string;
  /** The release's own date in the locale's format ("" when the block gives none). */
  dateLabel: string;
  /** The components the block names, with display names and links. */
  components: ComponentLink[];
  /** A release's name (releaseTitle); "" for other kinds, whose partials show their own fields. */
  title: string;
  anchorUrl: string;
}

/** The scroll-box wording of a locale (see table-scroll.ts). */
export function tableText(locale: Locale): TableScrollText {
  const t = locale.pack.strings;
  return { label: t.tableLabel ?? "{columns}", fallbackLabel: t.tableFallback ?? "{n}", hint: t.tableScrollHint ?? "" };
}

/** A block with every HTML field's tables put in scroll boxes, and its links to another edition marked. */
function authoredBlock(block: Block, text: TableScrollText, counter: { n: number }, languageOf: LinkLanguage): Block {
  return mapBlockHtml(block, (html) => scrollBoxes(markOtherEditionLinks(html, languageOf), text, counter));
}

/**
 * Fills each `<!--gekkan-block:N-->` in an issue body with the block's own
 * partial (`partials/block-<kind>.liquid`), in the issue's language
 * (`view.locale`), puts every table in a scroll box and the footnotes'
 * words in that language. The author's links to a page of another edition
 * say its language (`languageOf`, other-edition-links.ts); the partials'
 * own links are left as the templates make them.
 */
export function issueBodyHtml(liquid: Liquid, entry: SiteIssue, view: ViewContext, issueUrl: string, languageOf: LinkLanguage): string {
  const { locale } = view;
  const t = locale.pack.strings;
  const text = tableText(locale);
  const counter = { n: 0 };
  const levels = blockLevels(entry.body.html);
  const own = markOtherEditionLinks(entry.body.html, languageOf);
  // Tables are numbered in page order: the body's own first, then each block's as it is filled in.
  return scrollBoxes(localizeFootnotes(own, footnoteText(locale)), text, counter).replace(BLOCK_COMMENT, (whole, n: string) => {
    const found = entry.body.blocks[Number(n)];
    if (!found) return whole;
    const block = authoredBlock(found, text, counter, languageOf);
    const data: BlockView = {
      block,
      level: levels.get(Number(n)) ?? 2,
      statusLabel: block.kind === "release" ? locale.status(block.status) : "",
      dateLabel: block.kind === "release" && block.date !== "" ? locale.formatDate(block.date) : "",
      components: (block.kind === "release" ? [block.component] : block.kind === "qa" ? block.components : []).map((name) => componentLink(name, view)),
      title: block.kind === "release" ? releaseTitle(block, componentLink(block.component, view).label) : "",
      anchorUrl: `${issueUrl}#${block.id}`,
    };
    return liquid.renderFileSync(`partials/block-${block.kind}`, { ...data, t }).trim();
  });
}

/** Each block placeholder's title level: one below the last heading before it (the page's h1 counts as 1). */
function blockLevels(html: string): Map<number, number> {
  const levels = new Map<number, number>();
  let last = 1;
  for (const [, depth, block] of html.matchAll(/<h([1-6])[\s>]|<!--gekkan-block:(\d+)-->/g)) {
    if (depth !== undefined) last = Number(depth);
    else levels.set(Number(block), Math.min(6, last + 1));
  }
  return levels;
}

export interface TocEntry {
  id: string;
  text: string;
  /** "heading", or the block kind ("release", "qa", "stonith"). */
  kind: string;
  /** The block kind's name ("Q&A"), "" for headings. */
  kindLabel: string;
  children: TocEntry[];
}

/** What a block is called in the contents: its title, question, or device → plugin. */
export function blockTocText(b: Block, view: ViewContext): string {
  if (b.kind === "release") return releaseTitle(b, componentLink(b.component, view).label);
  return b.kind === "qa" ? b.questionText : `${b.device} → ${b.plugin}`;
}

/**
 * One table of contents in document order: h2 headings, the h3 headings under
 * them, and each block under the heading it follows (a block before any
 * heading stands at the top level).
 */
export function issueToc(entry: SiteIssue, view: ViewContext): TocEntry[] {
  const t = view.locale.pack.strings;
  const kindLabel = { release: t.releaseShort, qa: t.qaShort, stonith: t.stonithShort } as Record<string, string | undefined>;
  const headings = new Map(entry.body.headings.map((h) => [h.id, h]));
  const top: TocEntry[] = [];
  let h2: TocEntry | undefined;
  let h3: TocEntry | undefined;
  for (const step of entry.body.outline) {
    if ("block" in step) {
      const block = entry.body.blocks[step.block];
      if (block) ((h3 ?? h2)?.children ?? top).push(tocBlock(block, view, kindLabel));
      continue;
    }
    const heading = headings.get(step.id);
    if (!heading) continue;
    const item: TocEntry = { id: heading.id, text: headingText(heading, view.locale), kind: "heading", kindLabel: "", children: [] };
    if (step.depth === 2 || h2 === undefined) {
      top.push(item);
      [h2, h3] = [item, undefined];
    } else {
      h2.children.push(item);
      h3 = item;
    }
  }
  return shownContents(top);
}

function tocBlock(block: Block, view: ViewContext, kindLabel: Record<string, string | undefined>): TocEntry {
  return { id: block.id, text: blockTocText(block, view), kind: block.kind, kindLabel: kindLabel[block.kind] ?? block.kind, children: [] };
}

