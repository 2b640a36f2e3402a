import type { Block } from "../blocks/types.js";

export interface Heading {
  depth: number;
  id: string;
  text: string;
}

export interface PlacedHeading {
  /** As a reader reads it (footnote numbers left out). */
  text: string;
  /** The heading written one level down, as the author typed it where that can be told (`# a[^1]` → `## a[^1]`). */
  asH2: string;
  line: number;
  column: number;
}

/** A piece of text where the author wrote it. */
export interface PlacedText {
  text: string;
  line: number;
  column: number;
}

/**
 * A warning the Markdown stage found in an issue's text, where its cause is
 * written: the build gives it at the file (content/markdown-warnings.ts).
 */
export interface PlacedWarning {
  kind: "table-short-row" | "image-alt";
  reason: string;
  line: number;
  column: number;
}

/** An element of raw HTML the sanitiser removed, where the author wrote it. */
export interface PlacedTag {
  tag: string;
  line: number;
  column: number;
  /** Set when the element stays but the sanitiser drops the address of this attribute (`href="tel:…"`), as written. */
  address?: { attribute: "href" | "src"; url: string } | undefined;
  /** Set when the element stays but the sanitiser drops its `style` attribute (`<span style="color:red">`), as written. */
  style?: string | undefined;
}

/** A link's address as the author wrote it (in Markdown or raw HTML), and the definition that holds it for a reference (`[text][r]`). */
export interface LinkSource {
  /** As the Markdown or the raw HTML reads it: not %-encoded by the build, no base path added (`#見出し`, `#%E8%A6%8B…` as typed). */
  written: string;
  /**
   * The address as it stands in the file's text, when Markdown reads it as
   * another (`/x&amp;y` is `/x&y`, `/a\_b/` is `/a_b/`): what a message quotes,
   * so that searching the file finds it.
   */
  inText?: string;
  /** A reference's definition (`[r]: /address`), where its address is written: label as written there, and its start. */
  definition?: { label: string; line: number; column: number };
  /**
   * Where a raw HTML link's address is written: its `href` or `src`
   * attribute, which can be lines past the tag's `<` (`<img⏎  src="…">`).
   */
  attribute?: { line: number; column: number };
}

export interface BodyLink extends Partial<LinkSource> {
  /** The URL as it appears in the output (base path applied). */
  url: string;
  /** "srcset": one candidate of a <picture> source's srcset, an image the page may load (never its sharing image). */
  kind: "link" | "image" | "srcset";
  line: number;
  column: number;
}

/**
 * Where the author wrote a link's address, which is where a message about
 * it belongs: a reference's definition (`[r]: /x.png`), a raw HTML
 * element's `href` or `src`, else the link itself.
 */
export function writtenAt(link: BodyLink): { line: number; column: number } {
  return link.definition ?? link.attribute ?? { line: link.line, column: link.column };
}

/** One step of a body's outline (see outline.ts): an h2 or h3 heading by id, or a block's placeholder by index. */
export type OutlineItem = { depth: 2 | 3; id: string } | { block: number };

/** Everything the Markdown stage learns about one issue body. Serialisable (cacheable). */
export interface RenderedBody {
  /** Body HTML; each block appears as `<!--gekkan-block:N-->`, filled in by the render stage. */
  html: string;
  blocks: Block[];
  headings: Heading[];
  /** Headings of rank 1 (`# …`, `…\n===`) in the body, with where they are: the page's title is already its <h1>. */
  h1s: PlacedHeading[];
  /** The h2/h3 headings and blocks in the order the HTML has them (for the table of contents). */
  outline: OutlineItem[];
  links: BodyLink[];
  /** Raw HTML elements of tags an issue may not hold, removed from the page (the build warns). */
  removedHtml: PlacedTag[];
  /** Notes to self ("TODO", "FIXME") in what readers see (the build warns; see todo-note.ts). */
  todos: PlacedText[];
  /** What the text holds that may not be meant (a table's row short of cells, a picture with no description), in the order written (the build warns). */
  warnings: PlacedWarning[];
  /** Han/kana characters and whitespace-separated words, for reading time. */
  cjkChars: number;
  words: number;
}

export const BLOCK_COMMENT = /<!--gekkan-block:(\d+)-->/g;
