import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";
import { remarkJoinWideLines } from "./plugins/remark-join-wide-lines.js";
import { remarkNearMissLists } from "./plugins/remark-near-miss-lists.js";
import { remarkFullWidthMarks } from "./plugins/remark-full-width-marks.js";
import { rehypeRemovedHtml } from "./plugins/rehype-removed-html.js";
import remarkRehype from "remark-rehype";
import rehypeSanitize from "rehype-sanitize";
import rehypeAutolinkHeadings from "rehype-autolink-headings";
import rehypeHighlight from "rehype-highlight";
import rehypeStringify from "rehype-stringify";
import { VFile } from "vfile";
import type { VFileMessage } from "vfile-message";
import { createHash } from "node:crypto";
import { remarkBlocks } from "./plugins/remark-blocks.js";
import { remarkContainerDirective } from "./plugins/remark-container-directive.js";
import { rehypeRawHtml } from "./plugins/rehype-raw-html.js";
import { rehypeImageAlt } from "./plugins/rehype-image-alt.js";
import { bodyOutline } from "./outline.js";
import { remarkNearMissBlocks } from "./plugins/remark-near-miss-blocks.js";
import { remarkTemplatePlaceholders } from "./plugins/remark-template-placeholders.js";
import { PLACEHOLDER_RULE } from "../placeholder.js";
import { remarkTodoNotes } from "./plugins/remark-todo-notes.js";
import { remarkNearMissLinks } from "./plugins/remark-near-miss-links.js";
import { remarkLinkSchemes } from "./plugins/remark-link-schemes.js";
import { remarkUnterminatedEntities } from "./plugins/remark-unterminated-entities.js";
import { remarkFootnoteMistakes } from "./plugins/remark-footnote-mistakes.js";
import { remarkNearMissHeadings } from "./plugins/remark-near-miss-headings.js";
import { remarkStrandedEmphasis } from "./plugins/remark-stranded-emphasis.js";
import { remarkNearMissTables } from "./plugins/remark-near-miss-tables.js";
import { remarkUnclosedCode } from "./plugins/remark-unclosed-code.js";
import { remarkAddressRunOn } from "./plugins/remark-address-run-on.js";
import { remarkDepthLimit } from "./plugins/remark-depth-limit.js";
import { rehypeBasePath } from "./plugins/rehype-base-path.js";
import { rehypeFootnoteLinks } from "./plugins/rehype-footnote-links.js";
import { rehypeBareUrls } from "./plugins/rehype-bare-urls.js";
import { rehypeCollect } from "./plugins/rehype-collect.js";
import { remarkLinkSources } from "./plugins/remark-link-sources.js";
import { rehypeHeadingIds } from "./plugins/rehype-heading-ids.js";
import { sanitizeSchema } from "./sanitize-schema.js";
import { headingLinkOptions } from "./heading-link.js";
import { highlightLanguages } from "./highlight-languages.js";
import type { RenderedBody } from "./rendered.js";

export interface MarkdownOptions {
  components: readonly string[];
  basePath: string;
  /** The config's limits.nestingDepth (remark-depth-limit). */
  nestingDepth?: number | undefined;
}

export interface MarkdownSource {
  file: string;
  body: string;
  /** File line of the body's first line. */
  bodyLine: number;
  /** A draft may keep template placeholders (`{{ name }}`) while it is written: they are not errors in it. */
  draft?: boolean | undefined;
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
  const processor = buildProcessor(options, token);

  return (source) => {
    // Leading newlines make every position a file position: no offset maths later.
    const file = new VFile({ path: source.file, value: "\n".repeat(Math.max(0, source.bodyLine - 1)) + source.body });
    const tree = processor.runSync(processor.parse(file), file);
    const errors = file.messages.filter((m) => m.fatal !== false && !(source.draft === true && m.ruleId === PLACEHOLDER_RULE));
    if (errors.length > 0) return { ok: false, messages: errors };
    const html = processor.stringify(tree, file);
    const rendered = (file.data as { rendered?: RenderedBody }).rendered;
    if (!rendered) throw new Error("gekkan bug: rehypeCollect did not run");
    const text = String(html).trim();
    return { ok: true, body: { ...rendered, html: text, outline: bodyOutline(text) } };
  };
}

/**
 * The pipeline: CommonMark + GFM + container directives, then sanitised HTML.
 * Exported for bench/markdown-profile.mjs, which times each of its plugins.
 */
export function buildProcessor(options: MarkdownOptions, token: string) {
  return unified()
    .use(remarkParse)
    // One tilde is a range in Japanese and in version numbers (10時~12時, 1.0~1.1): GFM's single-tilde strikethrough struck through the text between two ranges.
    .use(remarkGfm, { singleTilde: false })
    .use(remarkContainerDirective)
    .use(remarkDepthLimit, { limit: options.nestingDepth })
    // Before the blocks become placeholders of gekkan's own: their attributes and text are the author's.
    .use(remarkTemplatePlaceholders)
    .use(remarkTodoNotes)
    .use(remarkLinkSchemes)
    .use(remarkBlocks, { components: options.components, token })
    .use(remarkNearMissBlocks)
    .use(remarkNearMissLinks)
    .use(remarkFootnoteMistakes)
    .use(remarkNearMissHeadings)
    .use(remarkNearMissLists)
    .use(remarkFullWidthMarks)
    .use(remarkUnterminatedEntities)
    .use(remarkStrandedEmphasis)
    .use(remarkNearMissTables)
    .use(remarkUnclosedCode)
    .use(remarkAddressRunOn)
    // Last of the mdast steps: the checks above find mistakes by where text is written in the source.
    .use(remarkJoinWideLines)
    // Each link's address as written and its reference's definition, for `gekkan check`'s messages (rehype-collect joins them to the page's links).
    .use(remarkLinkSources)
    // Footnote ids get the sanitiser's prefix from the sanitiser, once (rehype-footnote-links.ts).
    .use(remarkRehype, { allowDangerousHtml: true, clobberPrefix: "" })
    .use(rehypeRawHtml)
    // Before the sanitiser, which cannot tell a Markdown picture's alt="" from one the author wrote in HTML.
    .use(rehypeImageAlt)
    .use(rehypeRemovedHtml, { allowed: sanitizeSchema.tagNames ?? [] })
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeFootnoteLinks, { prefix: sanitizeSchema.clobberPrefix ?? "" })
    .use(rehypeHeadingIds)
    .use(rehypeAutolinkHeadings, headingLinkOptions)
    .use(rehypeHighlight, { languages: highlightLanguages, aliases: { bash: ["sh", "shell", "console"], ini: ["conf", "cfg"] }, detect: false, plainText: ["text", "txt", "plain"] })
    .use(rehypeBasePath, { basePath: options.basePath })
    // After the sanitiser, which keeps no class an author writes on a link.
    .use(rehypeBareUrls)
    .use(rehypeCollect, { token })
    .use(rehypeStringify)
    .freeze();
}
