import type { Root } from "hast";
import { visit } from "unist-util-visit";
import { mapSrcsetUrls } from "../srcset.js";

// Every URL property the sanitiser lets through: a quotation's `cite`, a <picture> source's `srcSet` too.
const URL_PROPERTIES = ["href", "src", "cite"] as const;

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
        if (typeof value === "string") node.properties[name] = withBasePath(base, value);
      }
      // A srcset is a list of candidates, each "url descriptor".
      const srcSet = node.properties.srcSet;
      if (typeof srcSet === "string") node.properties.srcSet = mapSrcsetUrls(srcSet, (url) => withBasePath(base, url));
    });
  };
}

/** A URL as written in Markdown → as published: root-relative ones gain the base path. */
export function withBasePath(basePath: string, url: string): string {
  return isRootRelative(url) ? basePath + url.slice(1) : url;
}

/**
 * A published URL → as the author writes it in Markdown: the inverse of
 * withBasePath (every root-relative URL in a body gained the base path, so
 * one that starts with it lost exactly that). Messages quote links and
 * suggest fixes in this form: a suggestion that already carries the base
 * path would gain it a second time.
 */
export function asWritten(basePath: string, url: string): string {
  const path = isRootRelative(url) && url.startsWith(basePath) ? `/${url.slice(basePath.length)}` : url;
  // The Markdown stage %-encoded what is not ASCII (#設定例 → #%E8%A8%AD…); the author typed the characters.
  return readable(path);
}

/**
 * A URL with its escapes of characters that are not ASCII decoded
 * (`#%E8%A8%AD…` → `#設定…`): what a reader sees in it. ASCII escapes
 * (%20, %2F) are left: they are read, and written, that way.
 */
export function readable(url: string): string {
  return url.replace(/(?:%[c-f][0-9a-f](?:%[89ab][0-9a-f]){1,3})+/gi, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

export function isRootRelative(url: string): boolean {
  return url.startsWith("/") && !url.startsWith("//");
}
