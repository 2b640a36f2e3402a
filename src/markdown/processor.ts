import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import remarkDirective from "remark-directive";
import remarkRehype from "remark-rehype";
import rehypeSanitize from "rehype-sanitize";
import rehypeAutolinkHeadings from "rehype-autolink-headings";
import rehypeHighlight from "rehype-highlight";
import rehypeStringify from "rehype-stringify";
import { VFile } from "vfile";
import type { VFileMessage } from "vfile-message";
import { createHash } from "node:crypto";
import { remarkBlocks } from "./plugins/remark-blocks.js";
import { remarkNearMissBlocks } from "./plugins/remark-near-miss-blocks.js";
import { remarkDepthLimit } from "./plugins/remark-depth-limit.js";
import { gfmPartsFor, remarkGfmParts, type GfmPart } from "./plugins/remark-gfm-parts.js";
import { rehypeRawIfPresent } from "./plugins/rehype-raw-if-present.js";
import { rehypeBasePath } from "./plugins/rehype-base-path.js";
import { rehypeCollect } from "./plugins/rehype-collect.js";
import { rehypeHeadingIds } from "./plugins/rehype-heading-ids.js";
import { sanitizeSchema } from "./sanitize-schema.js";
import { highlightLanguages } from "./highlight-languages.js";
import type { RenderedBody } from "./rendered.js";

export interface MarkdownOptions {
  components: readonly string[];
  basePath: string;
  /**
   * "parts" (default): each document is parsed with only the GFM parts it
   * can use (see remark-gfm-parts.ts). "all": remark-gfm itself, always;
   * the reference the parts mode is tested against.
   */
  gfm?: "parts" | "all";
  /** The config's limits.nestingDepth (remark-depth-limit). */
  nestingDepth?: number | undefined;
}

export interface MarkdownSource {
  file: string;
  body: string;
  /** File line of the body's first line. */
  bodyLine: number;
}

export type MarkdownResult = { ok: true; body: RenderedBody } | { ok: false; messages: VFileMessage[] };

export type MarkdownRenderer = (source: MarkdownSource) => MarkdownResult;

/**
 * Builds the unified processor once and returns a pure render function:
 * (body, options) → HTML + typed blocks, or located messages.
 */
export function createMarkdownRenderer(options: MarkdownOptions): MarkdownRenderer {
  // Unguessable per renderer, never written to output: marks gekkan's own block placeholders.
  const token = createHash("sha256").update(`${process.pid}:${performance.now()}:${Math.random()}`).digest("hex").slice(0, 16);
  // One frozen processor per set of GFM parts, built the first time a document needs it (at most 32).
  const processors = new Map<string, ReturnType<typeof buildProcessor>>();
  const processorFor = (markdown: string) => {
    const parts = options.gfm === "all" ? undefined : gfmPartsFor(markdown);
    const key = parts === undefined ? "all" : parts.join(",");
    let processor = processors.get(key);
    if (processor === undefined) processors.set(key, (processor = buildProcessor(options, token, parts)));
    return processor;
  };

  return (source) => {
    // Leading newlines make every position a file position: no offset maths later.
    const file = new VFile({ path: source.file, value: "\n".repeat(Math.max(0, source.bodyLine - 1)) + source.body });
    const processor = processorFor(source.body);
    const tree = processor.runSync(processor.parse(file), file);
    const errors = file.messages.filter((m) => m.fatal !== false);
    if (errors.length > 0) return { ok: false, messages: errors };
    const html = processor.stringify(tree, file);
    const rendered = (file.data as { rendered?: RenderedBody }).rendered;
    if (!rendered) throw new Error("gekkan bug: rehypeCollect did not run");
    return { ok: true, body: { ...rendered, html: String(html).trim() } };
  };
}

/** The pipeline; `parts` undefined = remark-gfm, else only those GFM parts. */
function buildProcessor(options: MarkdownOptions, token: string, parts: readonly GfmPart[] | undefined) {
  const base = unified().use(remarkParse);
  const withGfm = parts === undefined ? base.use(remarkGfm) : base.use(remarkGfmParts, { parts });
  return withGfm
    .use(remarkDirective)
    .use(remarkDepthLimit, { limit: options.nestingDepth })
    .use(remarkBlocks, { components: options.components, token })
    .use(remarkNearMissBlocks)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRawIfPresent)
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeHeadingIds)
    .use(rehypeAutolinkHeadings, { behavior: "wrap", properties: { className: ["heading-link"] } })
    .use(rehypeHighlight, { languages: highlightLanguages, aliases: { bash: ["sh", "shell", "console"], ini: ["conf", "cfg"] }, detect: false, plainText: ["text", "txt", "plain"] })
    .use(rehypeBasePath, { basePath: options.basePath })
    .use(rehypeCollect, { token })
    .use(rehypeStringify)
    .freeze();
}
