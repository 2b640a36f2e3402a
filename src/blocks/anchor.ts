import type { Root } from "mdast";
import { visit } from "unist-util-visit";
import { BLOCK_KINDS, type BlockKind } from "./types.js";

/** Longest slug part taken from free text (a title): anchors stay readable in a URL. */
const TEXT_PART_MAX = 48;

/**
 * Lowercase words joined by "-": every run of characters that are neither
 * letters nor digits becomes one hyphen, so "1.1.6" → "1-1-6" (the dots stay
 * visible as separators) and "HP  iLO3" → "hp-ilo3". Letters of any script
 * are kept: a Japanese device name stays Japanese.
 */
export function anchorSlug(text: string): string {
  return text.normalize("NFKC").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-+|-+$/g, "");
}

function shortSlug(text: string): string {
  const slug = anchorSlug(text);
  if ([...slug].length <= TEXT_PART_MAX) return slug;
  const cut = [...slug].slice(0, TEXT_PART_MAX).join("");
  const hyphen = cut.lastIndexOf("-");
  return hyphen > TEXT_PART_MAX / 2 ? cut.slice(0, hyphen) : cut;
}

const text = (data: Record<string, unknown>, key: string): string => (typeof data[key] === "string" ? (data[key] as string) : "");
const list = (data: Record<string, unknown>, key: string): string[] => (Array.isArray(data[key]) ? (data[key] as string[]) : []);

/**
 * A block's anchor from its own content, never from its position, so adding
 * a block never moves another block's link:
 * - release: component and version (`release-pacemaker-1-1-6`); without a
 *   version, component and title, else component and date;
 * - qa: its components, then its versions (`qa-python-gui-pacemaker-1-0-1-1`);
 * - stonith: the device (`stonith-hp-ilo3`).
 */
export function defaultAnchor(kind: BlockKind, data: Record<string, unknown>): string {
  if (kind === "release") {
    const component = anchorSlug(text(data, "component"));
    const title = shortSlug(text(data, "title"));
    // "Pacemaker 1.0.11" as the title of a pacemaker entry: name the component once.
    const detail = text(data, "version") || (title.startsWith(`${component}-`) ? title.slice(component.length + 1) : title) || text(data, "date");
    return ["release", component, anchorSlug(detail)].filter(Boolean).join("-");
  }
  if (kind === "qa") return ["qa", ...list(data, "components"), ...list(data, "versions")].map(anchorSlug).filter(Boolean).join("-");
  return ["stonith", anchorSlug(text(data, "device"))].filter(Boolean).join("-");
}

/** Explicit `{#id}`s of the typed blocks in a tree: they are reserved before any default anchor is given out. */
export function explicitAnchors(tree: Root): string[] {
  const ids: string[] = [];
  visit(tree, "containerDirective", (node) => {
    const id = node.attributes?.id;
    if ((BLOCK_KINDS as readonly string[]).includes(node.name) && typeof id === "string" && id !== "") ids.push(id);
  });
  return ids;
}

/**
 * Hands out one anchor per block of an issue. An explicit `#id` wins over a
 * default one wherever the two blocks stand; a repeated anchor gets `-2`,
 * `-3`… in document order (deterministic, and only blocks with the same
 * content share a base, so unrelated insertions never renumber it).
 */
export class BlockAnchors {
  /** Ids in use, each with the `<id>-title` its heading gets. */
  private readonly taken = new Set<string>();
  private readonly reserved = new Set<string>();
  constructor(explicit: Iterable<string> = []) {
    for (const id of explicit) this.reserved.add(id).add(`${id}-title`);
  }
  assign(kind: BlockKind, data: Record<string, unknown>): string {
    const explicit = typeof data.id === "string" && data.id !== "" ? data.id : undefined;
    const base = explicit ?? defaultAnchor(kind, data);
    const free = (id: string) => ![id, `${id}-title`].some((x) => this.taken.has(x) || (explicit === undefined && this.reserved.has(x)));
    let id = base;
    for (let n = 2; !free(id); n++) id = `${base}-${n}`;
    this.taken.add(id).add(`${id}-title`);
    return id;
  }
}
