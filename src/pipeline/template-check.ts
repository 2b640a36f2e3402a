import { readFileSync } from "node:fs";
import type { Liquid } from "liquidjs";
import type { VFileMessage } from "vfile-message";
import { diagnostic, siteFile } from "../diagnostics.js";
import { decodeUtf8 } from "../text-encoding.js";
import { unreadable } from "../content/source-problems.js";
import { effectiveTemplates } from "../render/template-dirs.js";
import { templateCaseProblems } from "./template-case.js";
import { templateDiagnostic } from "./template-error.js";
import { syntaxErrors } from "./template-syntax.js";

/**
 * Every template the site would use (a site's own over gekkan's, file by
 * file), parsed before any page is rendered: a syntax error or an unknown
 * filter in a template no page needs yet (the issue page before the first
 * issue is published, an email template) is found now, not the month it is
 * first used, and every broken template is reported at once, not one per
 * build; so is every syntax error of one template (template-syntax.ts).
 * (Rendering parses them again: Liquid caches a template under the name a
 * page asks for, which only rendering knows; parsing is a small part of
 * the time a page takes.)
 */
export function templateProblems(liquid: Liquid, dirs: readonly string[], root: string): VFileMessage[] {
  const { files, folders, names } = effectiveTemplates(dirs);
  // Liquid takes anything of a template's name for the template, and reading a folder ended the build as a bug.
  const messages = folders.map((folder) => diagnostic(siteFile(root, folder), "this is a folder, but its name ends in .liquid, so it stands where a template of that name would be read; rename the folder", { line: 1, column: 1 }, "template"));
  messages.push(...templateCaseProblems(root, names));
  for (const file of files) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (error) {
      // Permission denied and the like: named as an author's problem, where it ended the build as a bug.
      messages.push(unreadable(siteFile(root, file), error, "file", "templates/"));
      continue;
    }
    // Liquid reads a template as UTF-8 with U+FFFD for what is not: a template saved in Shift_JIS printed "����" on every page.
    const decoded = decodeUtf8(siteFile(root, file), bytes);
    if (!decoded.ok) {
      messages.push(decoded.message);
      continue;
    }
    const text = decoded.text;
    for (const error of syntaxErrors(liquid, text, file)) {
      const message = templateDiagnostic(error, root);
      if (message === undefined) throw error;
      messages.push(message);
    }
  }
  return messages;
}
