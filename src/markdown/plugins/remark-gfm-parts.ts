import type { Processor } from "unified";
import type { Extension as MicromarkExtension } from "micromark-util-types";
import type { Extension as FromMarkdownExtension } from "mdast-util-from-markdown";
import { gfmAutolinkLiteral } from "micromark-extension-gfm-autolink-literal";
import { gfmFootnote } from "micromark-extension-gfm-footnote";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { gfmTable } from "micromark-extension-gfm-table";
import { gfmTaskListItem } from "micromark-extension-gfm-task-list-item";
import { gfmAutolinkLiteralFromMarkdown } from "mdast-util-gfm-autolink-literal";
import { gfmFootnoteFromMarkdown } from "mdast-util-gfm-footnote";
import { gfmStrikethroughFromMarkdown } from "mdast-util-gfm-strikethrough";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTaskListItemFromMarkdown } from "mdast-util-gfm-task-list-item";

/** The parts of GFM, in remark-gfm's order (the order decides which construct tries first). */
export const GFM_PARTS = ["autolinkLiteral", "footnote", "strikethrough", "table", "taskList"] as const;
export type GfmPart = (typeof GFM_PARTS)[number];

/**
 * Characters without which a part can never match. Each is a necessary
 * condition of the part's syntax (a table row needs "|", an email autolink
 * "@", a footnote "[^"…), so leaving a part out when its trigger is absent
 * parses the document exactly as full GFM does; a test checks that claim.
 */
const TRIGGERS: Record<GfmPart, RegExp> = {
  autolinkLiteral: /www\.|https?:\/\/|@/i,
  footnote: /\[\^/,
  strikethrough: /~/,
  table: /\|/,
  taskList: /\[[\s\u00a0xX]\]/,
};

/** The GFM parts a document can use. Autolink literals alone cost ~20% of parsing a 4 KB issue. */
export function gfmPartsFor(markdown: string): GfmPart[] {
  return GFM_PARTS.filter((part) => TRIGGERS[part].test(markdown));
}

const MICROMARK: Record<GfmPart, () => MicromarkExtension> = {
  autolinkLiteral: gfmAutolinkLiteral,
  footnote: gfmFootnote,
  strikethrough: () => gfmStrikethrough(),
  table: gfmTable,
  taskList: gfmTaskListItem,
};

const FROM_MARKDOWN: Record<GfmPart, () => FromMarkdownExtension> = {
  autolinkLiteral: gfmAutolinkLiteralFromMarkdown,
  footnote: gfmFootnoteFromMarkdown,
  strikethrough: gfmStrikethroughFromMarkdown,
  table: gfmTableFromMarkdown,
  taskList: gfmTaskListItemFromMarkdown,
};

/** remark-gfm (parsing only) limited to `parts`. */
export function remarkGfmParts(this: Processor, options: { parts: readonly GfmPart[] }): void {
  const data = this.data() as { micromarkExtensions?: MicromarkExtension[]; fromMarkdownExtensions?: FromMarkdownExtension[] };
  const parts = GFM_PARTS.filter((part) => options.parts.includes(part));
  (data.micromarkExtensions ??= []).push(...parts.map((part) => MICROMARK[part]()));
  (data.fromMarkdownExtensions ??= []).push(...parts.map((part) => FROM_MARKDOWN[part]()));
}
