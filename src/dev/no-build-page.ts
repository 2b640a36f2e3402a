import { escapeXml } from "../escape.js";
import type { Problem } from "./problems.js";

/**
 * The page `gekkan dev` serves while there has never been a good build.
 * The overlay (client-script.ts) shows the errors too, but only with
 * JavaScript: a browser without it, a terminal browser or a screen reader
 * would read "the site has errors" and not which, so they are in the page's
 * own HTML as well, each place and message (and its lines) escaped, as a
 * message quotes the author's file names and front matter values.
 */
export function noBuildPage(problems: readonly Problem[]): string {
  const items = problems.map((problem) => {
    const place = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}:${problem.column ?? 1}`;
    const lines = problem.excerpt === "" ? "" : `<pre>${escapeXml(problem.excerpt)}</pre>`;
    return `<li><p><code>${escapeXml(place)}</code>  ${escapeXml(problem.message)}</p>${lines}</li>`;
  });
  const list = items.length === 0 ? "" : `<ol>${items.join("")}</ol>`;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>gekkan: build failed</title></head><body><main><h1>The site has errors</h1>${list}<p>Fix them and this page reloads by itself.</p></main></body></html>`;
}
