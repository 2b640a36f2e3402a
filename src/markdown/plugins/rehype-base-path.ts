import type { Root } from "hast";
import { visit } from "unist-util-visit";

const URL_PROPERTIES = ["href", "src"] as const;

/**
 * Root-relative links an author writes (`/issues/2011-04/`) are relative to the
 * site, not the host: under a sub-path (GitHub project pages) they must carry
 * the base path, or they break there and only there.
 */
export function rehypeBasePath(options: { basePath: string }) {
  const base = options.basePath;
  return (tree: Root) => {
    if (base === "/") return;
    visit(tree, "element", (node) => {
      for (const name of URL_PROPERTIES) {
        const value = node.properties[name];
        if (typeof value === "string" && value.startsWith("/") && !value.startsWith("//")) {
          node.properties[name] = base + value.slice(1);
        }
      }
    });
  };
}
