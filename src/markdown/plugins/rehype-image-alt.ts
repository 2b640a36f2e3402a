import type { Element, Root } from "hast";
import type { VFile } from "vfile";
import { visit } from "unist-util-visit";
import { placedWarnings } from "../file-data.js";

/**
 * A picture with no description: `![](/images/zu.png)` (or `![ ](…)`) is
 * published with alt="", which tells screen readers to skip it, and an
 * email shown without pictures puts nothing in its place; a raw `<img>`
 * with no alt at all gets its file name read out. A warning, not an error:
 * a picture only for decoration is rightly skipped, and its issue can stop
 * the warning. A raw `<img alt="">` says so of one picture, and is not warned.
 * Blocks' text is looked at too: it is Markdown of the same tree.
 */
export function rehypeImageAlt() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    visit(tree, "element", (node: Element) => {
      const start = node.position?.start;
      if (node.tagName !== "img" || start?.offset === undefined) return;
      const reason = missingAlt(node, source.slice(start.offset, node.position?.end.offset));
      if (reason !== undefined) placedWarnings(file).push({ kind: "image-alt", reason, line: start.line, column: start.column });
    });
  };
}

/** Why readers who cannot see the picture `written` (as the Markdown or raw HTML has it) are told nothing of it, if they are not. */
function missingAlt(node: Element, written: string): string | undefined {
  const alt = node.properties.alt;
  const unshown = "an email shown without pictures leaves nothing in its place";
  if (written.startsWith("<")) {
    if (alt !== undefined && alt !== null) return undefined;
    const src = typeof node.properties.src === "string" ? node.properties.src : "…";
    return `<img src="${src}"> has no alt: a screen reader reads out its file name instead of what it shows, and ${unshown}; add alt="what it shows", or alt="" for a picture only for decoration`;
  }
  if (!written.startsWith("!") || String(alt ?? "").trim() !== "") return undefined;
  const described = written.replace(/^!\[[^\]]*\]/, "![what it shows]");
  return `"${written}" is a picture with no description: a screen reader skips it, and ${unshown}; describe it between the brackets, "${described}"; a picture only for decoration can stop the warning`;
}
