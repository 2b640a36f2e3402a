import type { VFileMessage } from "vfile-message";
import { diagnostic } from "../diagnostics.js";
import { plural } from "../plural.js";
import { EXAMPLE_BLOCKS, exampleId, placeholderTexts, type ExampleBlock } from "./skeleton.js";

const PLACEHOLDERS = new Set(placeholderTexts());
const KINDS = Object.keys(EXAMPLE_BLOCKS) as ExampleBlock[];

interface Leftover {
  line: number;
  column: number;
  /** The example block's kind, or undefined for a placeholder sentence. */
  block: ExampleBlock | undefined;
}

/**
 * A non-draft issue that still holds `gekkan new`'s example text or an
 * example block: one message at the first leftover, saying what to do and
 * how many more there are. Pure; the examples come from skeleton.ts, so the
 * check follows whatever `gekkan new` writes.
 */
export function skeletonLeftover(file: string, body: string, bodyLine: number): VFileMessage | undefined {
  const found = leftovers(body);
  const first = found[0];
  if (first === undefined) return undefined;
  const more = found.length > 1 ? `; ${plural(found.length - 1, "more example")} further down` : "";
  const reason = first.block === undefined
    ? `this is still the example text from gekkan new; write the issue's own text here or delete the line before publishing (or keep draft: true)${more}`
    : `this is still gekkan new's example :::${first.block} block (#${exampleId(first.block)}); replace its attributes and text with your own and remove #${exampleId(first.block)}, or delete the block, before publishing (or keep draft: true)${more}`;
  return diagnostic(file, reason, { line: bodyLine + first.line - 1, column: first.column }, "skeleton-leftover");
}

function leftovers(body: string): Leftover[] {
  const found: Leftover[] = [];
  body.split("\n").forEach((text, i) => {
    const trimmed = text.trim();
    const column = text.length - text.trimStart().length + 1;
    if (PLACEHOLDERS.has(trimmed)) found.push({ line: i + 1, column, block: undefined });
    else {
      const block = KINDS.find((kind) => opensExample(trimmed, kind));
      if (block !== undefined) found.push({ line: i + 1, column, block });
    }
  });
  return found;
}

/** `:::release{#example-release …}`: an opening line that still carries the example's id. */
function opensExample(line: string, kind: ExampleBlock): boolean {
  if (!line.startsWith(":::")) return false;
  const id = `#${exampleId(kind)}`;
  const at = line.indexOf(id);
  return at !== -1 && /^[\s}]/.test(line.slice(at + id.length));
}
