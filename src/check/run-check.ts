import type { VFileMessage } from "vfile-message";
import { generate, type BuildOptions } from "../build.js";
import { renderAll } from "../content/render-all.js";
import type { RenderedIssue } from "../content/render-issue.js";
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
  let rendered: readonly RenderedIssue[] = [];
  const generated = await generate(
    { root: options.root, drafts: options.drafts, future: options.future, now: options.now },
    {
      // Numbering spans every issue, drafts too, not only the published ones.
      renderAll: async (sources, context, renderOptions) => {
        const result = await renderAll(sources, context, renderOptions);
        rendered = result.rendered;
        return result;
      },
    },
  );
  const { config, output, site } = generated;
  const links = checkLinks(site, output, { origin: config.origin, basePath: config.basePath });
  const html = options.html ? await validateHtmlPages(output, config.basePath) : { messages: [], pages: 0 };
  const all = sortDiagnostics([...generated.warnings, ...numberingGaps(rendered), ...links.messages, ...html.messages]);
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
