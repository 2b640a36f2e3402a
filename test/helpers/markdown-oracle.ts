import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import remarkRehype from "remark-rehype";
import rehypeStringify from "rehype-stringify";
import { DEFAULT_COMPONENTS } from "../../src/config.js";
import { createMarkdownRenderer } from "../../src/markdown/processor.js";

/** The oracle of author-error checks: remark-gfm as anyone would use it, its HTML what a reader would see. */
const plain = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeStringify);

export function gfmHtml(markdown: string): string {
  return String(plain.processSync(markdown));
}

const render = createMarkdownRenderer({ components: DEFAULT_COMPONENTS, basePath: "/" });

/** gekkan's messages on an issue body, as `line:column  reason`. */
export function bodyMessages(markdown: string): string[] {
  const result = render({ file: "content/issues/x.md", body: markdown, bodyLine: 1 });
  return result.ok ? [] : result.messages.map((m) => `${m.line}:${m.column}  ${m.reason}`);
}

/** gekkan's warnings on an issue body that renders, as `line:column  kind  reason`. */
export function bodyWarnings(markdown: string): string[] {
  const result = render({ file: "content/issues/x.md", body: markdown, bodyLine: 1 });
  return result.ok ? result.body.warnings.map((w) => `${w.line}:${w.column}  ${w.kind}  ${w.reason}`) : [];
}
