import { readFileSync } from "node:fs";
import { join, sep } from "node:path";
import type { Liquid } from "liquidjs";
import type { VFileMessage } from "vfile-message";
import { listTree } from "../file-tree.js";
import { templateDiagnostic } from "./template-error.js";

/**
 * Every template the site would use (a site's own over gekkan's, file by
 * file), parsed before any page is rendered: a syntax error or an unknown
 * filter in a template no page needs yet (the issue page before the first
 * issue is published, an email template) is found now, not the month it is
 * first used, and every broken template is reported at once, not one per
 * build. (Rendering parses them again: Liquid caches a template under the
 * name a page asks for, which only rendering knows; parsing is a small
 * part of the time a page takes.)
 */
export function templateProblems(liquid: Liquid, dirs: readonly string[], root: string): VFileMessage[] {
  const messages: VFileMessage[] = [];
  for (const file of effectiveTemplates(dirs)) {
    try {
      liquid.parse(readFileSync(file, "utf8"), file);
    } catch (error) {
      const message = templateDiagnostic(error, root);
      if (message === undefined) throw error;
      messages.push(message);
    }
  }
  return messages;
}

/** The .liquid files in `dirs`, the first folder's file winning over a later one of the same name (as Liquid looks them up). */
function effectiveTemplates(dirs: readonly string[]): string[] {
  const byName = new Map<string, string>();
  for (const dir of dirs) {
    for (const name of listTree(dir, false)) {
      const key = name.split(sep).join("/");
      if (key.endsWith(".liquid") && !byName.has(key)) byName.set(key, join(dir, name));
    }
  }
  return [...byName.values()];
}
