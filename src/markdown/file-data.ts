import type { VFile } from "vfile";
import type { BlockKind } from "../blocks/types.js";

/** A block as validated in the Markdown tree, before its HTML exists. */
export interface PendingBlock {
  kind: BlockKind;
  id: string;
  attributes: Record<string, unknown>;
  line: number;
  column: number;
}

interface GekkanData {
  blocks: PendingBlock[];
}

/** Typed access to what remark plugins leave for the rehype side. */
export function pendingBlocks(file: VFile): PendingBlock[] {
  const data = file.data as { gekkan?: GekkanData };
  data.gekkan ??= { blocks: [] };
  return data.gekkan.blocks;
}

export function blockMarker(token: string, index: number): string {
  return `${token}:${index}`;
}

export function parseBlockMarker(token: string, value: unknown): number | undefined {
  if (typeof value !== "string" || !value.startsWith(`${token}:`)) return undefined;
  const n = Number(value.slice(token.length + 1));
  return Number.isInteger(n) ? n : undefined;
}
