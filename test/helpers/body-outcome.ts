import { DEFAULT_COMPONENTS } from "../../src/config.js";
import { createMarkdownRenderer } from "../../src/markdown/processor.js";

/** The Markdown stage with gekkan's default components, base path "/". */
export const renderBody = createMarkdownRenderer({ components: DEFAULT_COMPONENTS, basePath: "/" });

/**
 * An issue body through the Markdown stage, as content/issues/x.md with its
 * body starting on line 6: its messages as `line:column reason`, or its HTML
 * when it renders.
 */
export function bodyOutcome(body: string): string[] | string {
  const result = renderBody({ file: "content/issues/x.md", body, bodyLine: 6 });
  return result.ok ? result.body.html : result.messages.map((m) => `${m.line}:${m.column} ${m.reason}`);
}
