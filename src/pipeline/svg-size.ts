import sax, { type QualifiedTag } from "sax";
import { decoded, unpacked } from "./svg-bytes.js";

/** CSS pixels in one unit of each absolute length an SVG's width can be written in (CSS Values 4: 1in = 96px). */
const PIXELS: Readonly<Record<string, number>> = { "": 1, px: 1, pt: 96 / 72, pc: 16, in: 96, cm: 96 / 2.54, mm: 96 / 25.4, q: 96 / 101.6 };

/** How large an SVG is meant to be shown, in CSS pixels; its height may be unknown where its width is not. */
export interface SvgSize {
  width: number;
  height: number | undefined;
  /**
   * Its size is its viewBox's alone (no width or height in an absolute
   * unit): a proportion more than a size. A browser shows such an SVG in an
   * <img> as wide as the column it is in, not at the viewBox's numbers.
   */
  scalable: boolean;
}

/**
 * How large an SVG is meant to be shown, in CSS pixels, as a browser sizes
 * it in an <img>: each of its root's `width` and `height` in an absolute
 * unit; else the other one times the viewBox's proportions; else the
 * viewBox's own. Undefined for a relative width alone (a percentage, em),
 * no root <svg>, or a file past SVG_CHECK_BYTES (after unzipping), which is
 * not parsed (svg-bytes.ts). Read as the XML it is (sax), the same reading
 * as the check for active content (svg-active-content.ts), stopping at the
 * root element.
 */
export function svgSize(bytes: Buffer): SvgSize | undefined {
  const xml = unpacked(bytes);
  if (typeof xml === "string") return undefined;
  const parser = sax.parser(false, { xmlns: true, lowercase: true });
  let root: QualifiedTag | undefined;
  parser.onopentag = (tag) => {
    root = tag;
    throw new RootFound();
  };
  // A malformed prolog (an undeclared entity, a slip before the root): the root may still follow, as a browser reads it.
  parser.onerror = () => {
    parser.error = null;
  };
  try {
    parser.write(decoded(xml)).close();
  } catch (error) {
    if (!(error instanceof RootFound)) return undefined;
  }
  return root === undefined || root.local !== "svg" ? undefined : rootSize(root);
}

class RootFound extends Error {}

function rootSize(root: QualifiedTag): SvgSize | undefined {
  // Keyed by the name as written (in lower case): an unprefixed "width", not an "xlink:width".
  const attribute = (name: string) => root.attributes[name]?.value;
  const width = length(attribute("width"));
  const height = length(attribute("height"));
  const box = viewBox(attribute("viewbox"));
  const across = positive(width ?? (box === undefined ? undefined : height === undefined ? box.width : (height * box.width) / box.height));
  if (across === undefined) return undefined;
  const down = positive(height ?? (box === undefined ? undefined : width === undefined ? box.height : (width * box.height) / box.width));
  return { width: across, height: down, scalable: width === undefined && height === undefined };
}

/** An absolute length in CSS pixels ("360", "360px", "4in"); undefined for a relative one or none. */
function length(value: string | undefined): number | undefined {
  const match = /^\s*([+]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)(px|pt|pc|in|cm|mm|q)?\s*$/i.exec(value ?? "");
  if (match === null) return undefined;
  return Number(match[1]) * (PIXELS[(match[2] ?? "").toLowerCase()] ?? Number.NaN);
}

/** The viewBox's width and height when both are positive: four numbers, parted by spaces and/or a comma. */
function viewBox(value: string | undefined): { width: number; height: number } | undefined {
  const parts = (value ?? "").trim().split(/\s*,\s*|\s+/).map(Number);
  const [, , width, height] = parts;
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n)) || width === undefined || height === undefined || width <= 0 || height <= 0) return undefined;
  return { width, height };
}

function positive(size: number | undefined): number | undefined {
  if (size === undefined) return undefined;
  const rounded = Math.round(size);
  return Number.isFinite(rounded) && rounded > 0 ? rounded : undefined;
}
