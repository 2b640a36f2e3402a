import type { Liquid } from "liquidjs";
import type { Block } from "../blocks/types.js";
import { BLOCK_COMMENT } from "../markdown/rendered.js";
import type { SiteIssue } from "../site/model.js";
import type { Locale } from "./locale.js";

export interface BlockView {
  block: Block;
  statusLabel: string;
  anchorUrl: string;
}

/**
 * Fills each `<!--gekkan-block:N-->` in an issue body with the block's own
 * partial (`partials/block-<kind>.liquid`), in the issue's language.
 */
export function issueBodyHtml(liquid: Liquid, entry: SiteIssue, locale: Locale, issueUrl: string): string {
  const t = locale.pack.strings;
  return entry.body.html.replace(BLOCK_COMMENT, (whole, n: string) => {
    const block = entry.body.blocks[Number(n)];
    if (!block) return whole;
    const view: BlockView = { block, statusLabel: block.kind === "release" ? locale.status(block.status) : "", anchorUrl: `${issueUrl}#${block.id}` };
    return liquid.renderFileSync(`partials/block-${block.kind}`, { ...view, t }).trim();
  });
}

export interface SectionToc {
  kind: string;
  label: string;
  items: Array<{ id: string; text: string }>;
}

/** News / compatibility / STONITH, in that order, from the blocks. */
export function sectionToc(entry: SiteIssue, locale: Locale): SectionToc[] {
  const t = locale.pack.strings;
  const label = (b: Block): string =>
    b.kind === "release" ? b.title || [b.component, b.version].filter(Boolean).join(" ") : b.kind === "qa" ? b.questionText : `${b.device} → ${b.plugin}`;
  const kinds = [
    ["release", t.releaseNews],
    ["qa", t.compatibility],
    ["stonith", t.stonithNotes],
  ] as const;
  return kinds
    .map(([kind, name]) => ({ kind, label: name ?? kind, items: entry.body.blocks.filter((b) => b.kind === kind).map((b) => ({ id: b.id, text: label(b) })) }))
    .filter((s) => s.items.length > 0);
}
