import type { VFile } from "vfile";
import type { BlockKind } from "../blocks/types.js";
import type { PlacedWarning } from "./rendered.js";

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
  warnings: PlacedWarning[];
}

function gekkanData(file: VFile): GekkanData {
  const data = file.data as { gekkan?: GekkanData };
  data.gekkan ??= { blocks: [], warnings: [] };
  return data.gekkan;
}

/** Typed access to what remark plugins leave for the rehype side. */
export function pendingBlocks(file: VFile): PendingBlock[] {
  return gekkanData(file).blocks;
}

/**
 * Warnings the plugins found in the text, for rehype-collect to pass on: a
 * warning left in file.messages is dropped with the rest of the render's
 * vfile, and the rendered body is what the build keeps (and caches).
 */
export function placedWarnings(file: VFile): PlacedWarning[] {
  return gekkanData(file).warnings;
}

export function blockMarker(token: string, index: number): string {
  return `${token}:${index}`;
}

export function parseBlockMarker(token: string, value: unknown): number | undefined {
  if (typeof value !== "string" || !value.startsWith(`${token}:`)) return undefined;
  const n = Number(value.slice(token.length + 1));
  return Number.isInteger(n) ? n : undefined;
}
