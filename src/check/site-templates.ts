import { isAbsolute, relative, sep } from "node:path";
import { effectiveTemplates, templateDirs } from "../render/template-dirs.js";
import { readUtf8File } from "../text-encoding.js";
import type { MarkupSource } from "./written-markup.js";

/**
 * The site's own templates (those in its folder), as the build uses them:
 * where check looks for what a built page's markup or address was written
 * as. gekkan's built-in templates are left out: they are not the author's
 * to fix, and a message in them stays at the page.
 */
export function siteTemplates(root: string): MarkupSource[] {
  return effectiveTemplates(templateDirs(root)).files.flatMap((path) => {
    const file = relative(root, path);
    if (file.startsWith("..") || isAbsolute(file)) return [];
    const name = file.split(sep).join("/");
    return [{ file: name, text: readUtf8File(path, name), template: true }];
  });
}
