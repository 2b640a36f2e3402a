import type { Definition, ImageReference, LinkReference, Root } from "mdast";
import type { VFile } from "vfile";
import { visit } from "unist-util-visit";
import type { LinkSource } from "../rendered.js";

/** Where the sources land in `file.data`, by where each link starts (rehype-collect puts them on the body's links). */
export const LINK_SOURCES = "gekkanLinkSources";

/** A link's start in the file, as its element on the page keeps it: the key that joins the two. */
export function placeKey(place: { line: number; column: number }): string {
  return `${place.line}:${place.column}`;
}

/**
 * Each link and picture as the author wrote it, before the page changes it:
 * its address as the Markdown holds it (the build %-encodes what is not
 * ASCII and adds the base path), and, for a reference (`[text][r]`), the
 * definition line that holds that address. `gekkan check` quotes the one and
 * reports a broken address at the other: that is where it is corrected.
 */
export function remarkLinkSources() {
  return (tree: Root, file: VFile) => {
    const sources = new Map<string, LinkSource>();
    const definitions = new Map<string, Definition>();
    const references: Array<[key: string, node: LinkReference | ImageReference]> = [];
    // One walk: a definition may come after its uses, so references are resolved once it is done.
    visit(tree, (node) => {
      if (node.type === "definition") {
        // As mdast-util-to-hast picks a reference's definition: the first of its label, labels compared in upper case.
        const id = node.identifier.toUpperCase();
        if (!definitions.has(id)) definitions.set(id, node);
        return;
      }
      if (!node.position) return;
      const key = placeKey(node.position.start);
      if (node.type === "link" || node.type === "image") sources.set(key, { written: node.url });
      else if (node.type === "linkReference" || node.type === "imageReference") references.push([key, node]);
    });
    for (const [key, node] of references) {
      const definition = definitions.get(node.identifier.toUpperCase());
      if (definition?.position) sources.set(key, { written: definition.url, definition: { label: definition.label ?? definition.identifier, ...placeOf(definition.position.start) } });
    }
    (file.data as Record<string, unknown>)[LINK_SOURCES] = sources;
  };
}

function placeOf(point: { line: number; column: number }): { line: number; column: number } {
  return { line: point.line, column: point.column };
}
