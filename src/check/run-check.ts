import type { VFileMessage } from "vfile-message";
import { generate, type BuildOptions } from "../pipeline/generate.js";
import { isError, sortDiagnostics } from "../diagnostics.js";
import { checkLinks } from "./check-links.js";
import { numberingGaps } from "./numbering.js";
import { validateHtmlPages } from "./vnu.js";

export interface CheckOptions extends Pick<BuildOptions, "root" | "drafts" | "future" | "now"> {
  /** Also run the Nu Html Checker over every page. */
  html?: boolean;
}

export interface CheckReport {
  errors: VFileMessage[];
  warnings: VFileMessage[];
  files: number;
  pages: number;
  links: number;
  linksFromMarkdown: number;
  /** Pages the Nu Html Checker validated (0 without --html). */
  validated: number;
}

/**
 * `gekkan check`: the build's own validation (generate throws ContentError),
 * then what only the finished site shows: links, anchors, images, numbering,
 * and optionally HTML validity. Entirely in memory.
 */
export async function runCheck(options: CheckOptions): Promise<CheckReport> {
  const generated = await generate({ root: options.root, drafts: options.drafts, future: options.future, now: options.now });
  const { config, output, site } = generated;
  const links = checkLinks(site, output, { origin: config.origin, basePath: config.basePath });
  const html = options.html ? await validateHtmlPages(output, config.basePath) : { messages: [], pages: 0 };
  const all = sortDiagnostics([...generated.warnings, ...numberingGaps(generated.issues), ...links.messages, ...html.messages]);
  return {
    errors: all.filter(isError),
    warnings: all.filter((m) => !isError(m)),
    files: output.size,
    pages: output.paths().filter((p) => p.endsWith(".html")).length,
    links: links.checked,
    linksFromMarkdown: links.fromMarkdown,
    validated: html.pages,
  };
}
