import { BLOCK_KINDS, type Block } from "../blocks/types.js";
import type { BlockSource, SiteIssue } from "./model.js";
import { deviceKey } from "./device-key.js";

/** A block and where it stands: what reference pages list. */
export interface BlockEntry {
  block: Block;
  source: BlockSource;
}

/**
 * THE facts of a block that a translation keeps, by attribute, as compared:
 * the attributes that are no text to translate (a release's title, a Q&A's
 * question and answer, the notes, a vendor's or a machine's name). A device
 * is compared as deviceKey reads it, so "HP iLO3" is "hp  ilo3".
 */
export function blockFacts(block: Block): Array<[name: string, value: string]> {
  if (block.kind === "release") return [["component", block.component], ["version", block.version], ["status", block.status], ["date", block.date]];
  if (block.kind === "qa") return [["components", block.components.join(" ")], ["versions", block.versions.join(" ")]];
  return [["device", deviceKey(block.device)], ["plugin", block.plugin]];
}

function factKey(block: Block): string {
  return JSON.stringify([block.kind, ...blockFacts(block).map(([, value]) => value)]);
}

/**
 * THE rule for which block of a translation translates which block of its
 * original: the one with the same kind and anchor (an explicit `#id`, or the
 * anchor made from its attributes); else, in order, the one with the same
 * kind and the same facts (see factKey), so a release anchored by its title
 * still finds its original; else, when as many blocks of a kind are left
 * unpaired on both sides, the n-th left in the translation with the n-th left
 * in the original. That last pass is the original corrected after the
 * translation was made (a version put right changes the anchor made from it
 * and a fact): unpaired, the English /releases/ listed the corrected release
 * in Japanese and the old one in English, two rows for one fact, and the
 * translation-facts warning never saw them. Uneven counts (a translation
 * that added or dropped a block) are no evidence of which is which, so they
 * stay unpaired. Returns translated block → original block; a translated
 * block with no partner is the translation's own.
 */
export function matchBlocks(original: readonly Block[], translated: readonly Block[]): Map<Block, Block> {
  const pairs = new Map<Block, Block>();
  const taken = new Set<Block>();
  const pair = (key: (block: Block) => string) => {
    for (const block of translated) {
      if (pairs.has(block)) continue;
      const partner = original.find((o) => !taken.has(o) && key(o) === key(block));
      if (partner === undefined) continue;
      pairs.set(block, partner);
      taken.add(partner);
    }
  };
  pair((block) => `${block.kind}#${block.id}`);
  pair(factKey);
  for (const kind of BLOCK_KINDS) {
    const left = translated.filter((block) => block.kind === kind && !pairs.has(block));
    const partners = original.filter((block) => block.kind === kind && !taken.has(block));
    if (left.length !== partners.length) continue;
    left.forEach((block, i) => pairs.set(block, partners[i] as Block));
  }
  return pairs;
}


const pairsByOriginal = new WeakMap<SiteIssue, WeakMap<SiteIssue, Map<Block, Block>>>();

/**
 * matchBlocks for a translation and its original, worked out once per pair
 * of issues: the reference pages and two warnings all ask for it on every
 * build, and `gekkan dev` keeps issues it did not reparse.
 */
export function blockPairs(original: SiteIssue, translation: SiteIssue): Map<Block, Block> {
  let byTranslation = pairsByOriginal.get(original);
  if (byTranslation === undefined) pairsByOriginal.set(original, (byTranslation = new WeakMap()));
  let pairs = byTranslation.get(translation);
  if (pairs === undefined) byTranslation.set(translation, (pairs = matchBlocks(original.body.blocks, translation.body.blocks)));
  return pairs;
}

function entry(issue: SiteIssue, block: Block): BlockEntry {
  return { block, source: { issue, anchorRoute: `${issue.route}#${block.id}` } };
}

/** An issue's blocks as reference entries, in the order written. */
export function blockEntries(issue: SiteIssue): BlockEntry[] {
  return issue.body.blocks.map((block) => entry(issue, block));
}

/**
 * One entry per block of an issue number, in a translation's language: each
 * block of the original in its translation when it has one, else as the
 * original wrote it (in the original's language), then the blocks only the
 * translation has. A translated block is the same fact, never a second one.
 */
export function translatedEntries(original: SiteIssue, translation: SiteIssue | undefined): BlockEntry[] {
  if (translation === undefined) return blockEntries(original);
  const pairs = blockPairs(original, translation);
  const byOriginal = new Map([...pairs].map(([translated, partner]) => [partner, translated]));
  return [
    ...original.body.blocks.map((block) => {
      const translated = byOriginal.get(block);
      return translated === undefined ? entry(original, block) : entry(translation, translated);
    }),
    ...translation.body.blocks.filter((block) => !pairs.has(block)).map((block) => entry(translation, block)),
  ];
}
