import type { VFileMessage } from "vfile-message";
import { warning } from "../diagnostics.js";

/**
 * Names that start with a dot, published from public/ as they are: most
 * such files hold someone's private settings (`.env` with passwords,
 * `.npmrc` with a token, `.ssh/`) and land in public/ with a folder copied
 * in whole, where a static host serves them to anyone who asks. Two are
 * meant for readers and stay silent: `.well-known/` (RFC 8615: security.txt,
 * domain verification) and `.nojekyll` (for a host that runs Jekyll).
 * One warning per dotted name, at the file or folder; a site that means
 * them can stop the kind.
 *
 * `published`: the public files' paths, with "/".
 */
export function dotNameWarnings(published: readonly string[]): VFileMessage[] {
  const named = new Set<string>();
  for (const route of published) {
    const parts = route.split("/");
    const at = parts.findIndex((part) => part.startsWith(".") && !MEANT.has(part));
    if (at !== -1) named.add(parts.slice(0, at + 1).join("/") + (at < parts.length - 1 ? "/" : ""));
  }
  return [...named].sort().map((name) => {
    const reason = `this name starts with a dot, and such files usually hold private settings (passwords in .env, a token in .npmrc), yet it is published at /${name} for anyone to read; move it out of public/ unless readers are meant to have it`;
    return warning(`public/${name}`, reason, { line: 1, column: 1 }, "public-dot-name");
  });
}

const MEANT = new Set([".well-known", ".nojekyll"]);
