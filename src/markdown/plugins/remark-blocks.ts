import type { Root, RootContent, Parent, Text } from "mdast";
import type { ContainerDirective } from "mdast-util-directive";
import type { VFile } from "vfile";
import { SKIP, visit } from "unist-util-visit";
import { diagnostic, type Place } from "../../diagnostics.js";
import { lineAt } from "../reader-text.js";
import { didYouMean, suggest } from "../../suggest.js";
import { reportSchemaIssues } from "../../schema-report.js";
import { blockExpectations, blockSchemas } from "../../blocks/schema.js";
import { BLOCK_KINDS, type BlockKind } from "../../blocks/types.js";
import { BlockAnchors, explicitAnchors } from "../../blocks/anchor.js";
import { blockMarker, type PendingBlock, pendingBlocks } from "../file-data.js";
import { findLeafForms } from "./leaf-forms.js";
import { typographicQuoteProblems } from "./typographic-quotes.js";
import { separatorTypo, separatorTypoReason } from "./qa-separator-typo.js";
import { readAttributes, repeatedAttributes, type WrittenAttribute } from "./attribute-list.js";
import { classShorthandProblems } from "./class-shorthand.js";

export interface RemarkBlocksOptions {
  components: readonly string[];
  /** Secret that marks our placeholders, so raw HTML in a post cannot fake one. */
  token: string;
}

// Only the container form is parsed (remark-container-directive.ts).
type Directive = ContainerDirective;

/**
 * Turns `:::release`, `:::qa` and `:::stonith` containers into validated,
 * typed blocks. The Markdown inside stays Markdown (and is sanitised later);
 * the block itself becomes a placeholder the render stage fills with the
 * block's Liquid partial. Every author mistake is a located message.
 */
export function remarkBlocks(options: RemarkBlocksOptions) {
  const schemas = blockSchemas(options.components);
  const expectations = blockExpectations(options.components);
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    const blocks = pendingBlocks(file);
    const anchors = new BlockAnchors(explicitAnchors(tree));

    const where = String(file.path);
    for (const leaf of findLeafForms(tree, source)) {
      if (isBlockKind(leaf.name)) file.messages.push(diagnostic(where, leafFormReason(leaf.name), leaf.place, "block-form"));
      else if (leaf.hasAttributes && suggest(leaf.name, BLOCK_KINDS) !== undefined) file.messages.push(diagnostic(where, unknownBlockReason(leaf.name), leaf.place, "unknown-directive"));
    }

    visit(tree, (node, index, parent) => {
      if (!isDirective(node) || parent === undefined || index === undefined) return;
      const place = startOf(node);
      if (!isBlockKind(node.name)) {
        file.messages.push(diagnostic(where, unknownBlockReason(node.name), place, "unknown-directive"));
        return SKIP;
      }
      const kind = node.name;
      if (!isClosed(node, source)) {
        file.messages.push(diagnostic(where, `":::${kind}" is never closed: add a line with only ::: where the block ends (otherwise it runs to the end of the issue)`, place, "block-unclosed"));
        return SKIP;
      }
      let nested: ContainerDirective | undefined;
      visit(node, (inner) => {
        if (inner !== node && isDirective(inner)) nested ??= inner;
      });
      if (nested !== undefined) {
        // The ::: meant for the inner block closed the outer one (micromark closes outer blocks first): the outer was never closed.
        if (!isClosed(nested, source)) {
          file.messages.push(diagnostic(where, `":::${kind}" opened at line ${place.line} is never closed: add a line with only ::: before ":::${nested.name}" (line ${startOf(nested).line})`, place, "block-unclosed"));
          return SKIP;
        }
        // Pointed at the inner block: that is the line to move.
        file.messages.push(diagnostic(where, `blocks cannot be nested: ":::${nested.name}" sits inside ":::${kind}" (line ${place.line}); close the outer block first`, startOf(nested), "block-nested"));
        return SKIP;
      }
      const attributes = node.attributes ?? {};
      const written = writtenProblems(kind, node, source);
      file.messages.push(...written.map(({ reason, place: at }) => diagnostic(where, reason, at, "block-attribute")));
      if (written.some((problem) => problem.stops)) return SKIP;
      const result = schemas[kind].safeParse(attributes, { reportInput: true });
      if (!result.success) {
        file.messages.push(...reportSchemaIssues(result.error, {
          file: where,
          noun: `:::${kind} attribute`,
          expectations: expectations[kind] ?? {},
          locate: (path) => locateAttribute(source, node, String(path[0] ?? "")),
          assignment: (key, value) => `${key}="${value}"`,
          start: place,
          ruleId: "block-attribute",
        }));
        return SKIP;
      }
      const data = result.data as Record<string, unknown>;
      const parts = kind === "qa" ? splitQuestion(node, source) : undefined;
      if (kind === "qa" && (parts === undefined || parts.question.length === 0 || parts.answer.length === 0)) {
        // A separator mistyped (`--`, `ーーー`) is named at its own line, with the line to type there.
        const typo = parts === undefined ? separatorTypo(node.children as RootContent[], source) : undefined;
        if (typo !== undefined) file.messages.push(diagnostic(where, separatorTypoReason(typo.written), typo.place, "qa-parts"));
        else file.messages.push(diagnostic(where, "a :::qa block needs a question and an answer: write the question, then a line with only ---, then the answer", place, "qa-parts"));
        return SKIP;
      }
      const id = anchors.assign(kind, data);
      const pending: PendingBlock = { kind, id, attributes: data, line: place.line, column: place.column };
      const marker = blockMarker(options.token, blocks.length);
      blocks.push(pending);
      node.data = { hName: "div", hProperties: { dataGekkanBlock: marker } };
      if (parts) {
        node.children = [part("question", parts.question), part("answer", parts.answer)] as ContainerDirective["children"];
      }
      return SKIP;
    });
  };
}

/**
 * What is wrong with a block's attributes as typed, before they are read as
 * values: one given twice, typographic quotes, a `.class` or a dotted `#id`.
 * `stops`: the values cannot be read as meant, so no schema error is added.
 */
function writtenProblems(kind: string, node: ContainerDirective, source: string): Array<{ reason: string; place: { line: number; column: number }; stops: boolean }> {
  const written = writtenAttributes(source, node);
  const repeated = repeatedAttributes(written).map(({ reason, attribute }) => ({ reason, place: attribute.place, stops: false }));
  const curly = typographicQuoteProblems(node.attributes ?? {}, openingLine(source, node)).map(({ key, reason }) => ({ reason, place: locateAttribute(source, node, key), stops: true }));
  if (curly.length > 0) return [...repeated, ...curly];
  const classes = classShorthandProblems(kind, written).map(({ reason, place }) => ({ reason, place, stops: true }));
  return [...repeated, ...classes];
}

/** remark-directive lets an unclosed container run to the end of the document; authors mean otherwise. */
function isClosed(node: ContainerDirective, source: string): boolean {
  const end = node.position?.end.offset;
  if (end === undefined) return true;
  const lineStart = source.lastIndexOf("\n", end - 1) + 1;
  return /^[\s>]*:{3,}\s*$/.test(source.slice(lineStart, end));
}

function isDirective(node: unknown): node is Directive {
  return (node as { type?: string }).type === "containerDirective";
}

function isBlockKind(name: string): name is BlockKind {
  return (BLOCK_KINDS as readonly string[]).includes(name);
}

function startOf(node: { position?: { start: { line: number; column: number } } | undefined }): Place {
  return { line: node.position?.start.line ?? 1, column: node.position?.start.column ?? 1 };
}

function unknownBlockReason(name: string): string {
  const hint = didYouMean(name, BLOCK_KINDS, (k) => `:::${k}`) || `; gekkan knows ${BLOCK_KINDS.map((k) => `:::${k}`).join(", ")}`;
  return `unknown block ":::${name}"${hint}`;
}

function leafFormReason(name: string): string {
  return `"::${name}" must be written as a container: ":::${name}{…}" on its own line, its text, then ":::"`;
}

/** The block's opening line as written (`:::name{…}`). */
function openingLine(source: string, node: Directive): string {
  const from = node.position?.start.offset;
  if (from === undefined) return "";
  return lineAt(source, from);
}

/**
 * The block's attributes as written, each with its place. The list starts
 * after the colons and the name, or after a `[label]`, which may hold a brace.
 */
function writtenAttributes(source: string, node: Directive): Array<WrittenAttribute & { place: Place }> {
  const start = node.position?.start;
  if (start?.offset === undefined) return [];
  const opening = openingLine(source, node);
  const first = node.children[0];
  const label = first?.type === "paragraph" && first.data?.directiveLabel === true ? first.position?.end.offset : undefined;
  const at = label === undefined ? (/^:+/.exec(opening)?.[0].length ?? 0) + node.name.length : label - start.offset;
  const list = readAttributes(opening.slice(at))?.attributes ?? [];
  return list.map((attribute) => ({ ...attribute, place: { line: start.line, column: start.column + at + attribute.index } }));
}

/** Points at `key=` on the directive's opening line (a scan, not a search: `title="new status"` is not `status`), or at the directive. */
function locateAttribute(source: string, node: Directive, key: string): Place {
  return writtenAttributes(source, node).find((attribute) => attribute.key === key)?.place ?? startOf(node);
}

interface QuestionParts {
  question: RootContent[];
  answer: RootContent[];
}

/**
 * Question and answer are split at the first `---` line. Written without a
 * blank line before it, `---` turns the question into a setext heading;
 * that is what authors mean by it too, so it is read the same way.
 */
function splitQuestion(node: ContainerDirective, source: string): QuestionParts | undefined {
  const children = node.children as RootContent[];
  const rule = children.findIndex((child) => child.type === "thematicBreak");
  const setext = children.findIndex((child) => child.type === "heading" && isSetextRule(child, source));
  if (rule !== -1 && (setext === -1 || rule < setext)) {
    return { question: children.slice(0, rule), answer: children.slice(rule + 1) };
  }
  if (setext !== -1) {
    const heading = children[setext] as Parent;
    const question: RootContent = { type: "paragraph", children: heading.children as Text[] };
    return { question: [...children.slice(0, setext), question], answer: children.slice(setext + 1) };
  }
  return undefined;
}

function isSetextRule(node: RootContent, source: string): boolean {
  const end = node.position?.end.offset;
  if (node.type !== "heading" || node.depth !== 2 || end === undefined) return false;
  const lineStart = source.lastIndexOf("\n", end - 1) + 1;
  return /^\s*-{2,}\s*$/.test(source.slice(lineStart, end));
}

function part(name: "question" | "answer", children: RootContent[]): Parent & { data: object } {
  return { type: "gekkanPart", children, data: { hName: "div", hProperties: { dataGekkanPart: name } } } as unknown as Parent & { data: object };
}
