import type { VFileMessage } from "vfile-message";
import type { Block } from "../blocks/types.js";
import { warning } from "../diagnostics.js";
import { blockFacts, blockPairs } from "./block-match.js";
import type { SiteIssue } from "./model.js";

/**
 * A block of a published translation that translates a block of its original
 * (matchBlocks) but gives it other facts: the original corrected after the
 * translation was made (a release now "released", a STONITH plugin put
 * right), or a fact typed wrong in the translation. The translated block
 * stands for the original's on the edition's reference and component pages,
 * so the English /releases/ said "planned" where the Japanese one said
 * "released", and nothing told the editor. A warning, at the translated
 * block, naming each fact as the original has it. Not for a draft: it is a
 * translation in progress.
 */
export function translatedFactWarnings(entries: readonly SiteIssue[]): VFileMessage[] {
  return entries.flatMap((entry) => {
    const original = entry.versions[0];
    if (original === undefined || original === entry || entry.issue.draft) return [];
    return [...blockPairs(original, entry)].flatMap(([translated, partner]) => {
      const changed = factChanges(translated, partner);
      if (changed.length === 0) return [];
      const facts = changed.map((fact) => `${fact.name}="${fact.was}"`);
      const reason = `this ${translated.kind} block (#${translated.id}) translates ${original.issue.file}:${partner.line}, which says ${changed.map((fact) => `${fact.name}="${fact.was}", not "${fact.now}"`).join("; ")}: the ${entry.issue.lang} edition's reference and component pages show this block in its place, so they contradict the original; write ${facts.join(" ")} here too`;
      return [warning(entry.issue.file, reason, { line: translated.line, column: translated.column }, "translation-facts")];
    });
  });
}

/** The facts (blockFacts) of `translated` that are not `partner`'s, each as written in both blocks. */
function factChanges(translated: Block, partner: Block): Array<{ name: string; was: string; now: string }> {
  const written = new Map(blockFacts(partner));
  return blockFacts(translated)
    .filter(([name, value]) => written.get(name) !== value)
    .map(([name]) => ({ name, was: attributeText(partner, name), now: attributeText(translated, name) }));
}

/** A fact as its attribute is written (blockFacts compares a device as deviceKey reads it); a list (a Q&A's components) with spaces. */
function attributeText(block: Block, name: string): string {
  const value = (block as unknown as Record<string, unknown>)[name];
  return Array.isArray(value) ? value.join(" ") : String(value ?? "");
}
