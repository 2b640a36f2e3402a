import type { Element, ElementContent, Root } from "hast";
import type { VFile } from "vfile";
import { toHtml } from "hast-util-to-html";
import { toString } from "hast-util-to-string";
import { headingRank } from "hast-util-heading-rank";
import { visit, SKIP } from "unist-util-visit";
import { placedWarnings, parseBlockMarker, pendingBlocks, type PendingBlock } from "../file-data.js";
import type { Block } from "../../blocks/types.js";
import type { BodyLink, Heading, LinkSource, PlacedHeading, PlacedTag, PlacedText, RenderedBody } from "../rendered.js";
import { linkAddress, linkSources, placeKey } from "../link-sources.js";
import { REMOVED_HTML } from "./rehype-removed-html.js";
import { TODO_NOTES } from "./remark-todo-notes.js";
import { readableText } from "../readable-text.js";
import { srcsetUrls } from "../srcset.js";

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/gu;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;

/**
 * Last step of the tree: lifts blocks out into typed data (their HTML is
 * sanitised by now), and records headings, links and text statistics.
 * The result lands in `file.data.rendered`.
 */
export function rehypeCollect(options: { token: string }) {
  return (tree: Root, file: VFile) => {
    const pending = pendingBlocks(file);
    const blocks: Block[] = [];
    const headings: Heading[] = [];
    const h1s: PlacedHeading[] = [];
    const links: BodyLink[] = [];
    // Kept by remark-link-sources (Markdown) and rehype-raw-html (raw HTML); absent for a link the build made.
    const sources: ReadonlyMap<string, LinkSource> = linkSources(file);
    const source = String(file.value);
    const collectOne = (node: Element) => collectNode(node, { headings, h1s, links, sources, source });

    visit(tree, "element", (node, index, parent) => {
      const marker = node.properties.dataGekkanBlock;
      if (marker !== undefined) {
        const n = parseBlockMarker(options.token, marker);
        const meta = n === undefined ? undefined : pending[n];
        if (meta && parent && index !== undefined && n !== undefined) {
          visit(node, "element", collectOne);
          blocks.push(toBlock(meta, node));
          parent.children.splice(index, 1, { type: "comment", value: `gekkan-block:${blocks.length - 1}` });
          return [SKIP, index + 1];
        }
        delete node.properties.dataGekkanBlock; // an author's imitation
      }
      delete node.properties.dataGekkanPart;
      collectOne(node);
      return undefined;
    });

    const text = toString(tree);
    const rendered: RenderedBody = {
      html: "",
      blocks,
      headings,
      h1s,
      outline: [],
      links,
      removedHtml: ((file.data as Record<string, unknown>)[REMOVED_HTML] as PlacedTag[] | undefined) ?? [],
      todos: ((file.data as Record<string, unknown>)[TODO_NOTES] as PlacedText[] | undefined) ?? [],
      warnings: [...placedWarnings(file)].sort((a, b) => a.line - b.line || a.column - b.column),
      cjkChars: (text.match(CJK) ?? []).length,
      words: (text.replace(CJK, " ").match(WORD) ?? []).length,
    };
    (file.data as { rendered?: RenderedBody }).rendered = rendered;
  };
}

interface Collected {
  headings: Heading[];
  h1s: PlacedHeading[];
  links: BodyLink[];
  sources: ReadonlyMap<string, LinkSource>;
  /** The Markdown the tree was parsed from (lines before the body blank, so offsets are the file's). */
  source: string;
}

function collectNode(node: Element, { headings, h1s, links, sources, source }: Collected): void {
  const rank = headingRank(node);
  if (rank !== undefined && rank >= 2 && rank <= 3 && typeof node.properties.id === "string") {
    headings.push({ depth: rank, id: node.properties.id, text: readableText(node) });
  }
  if (rank === 1 && node.position) h1s.push(placedH1(node, source));
  const href = linkAddress(node);
  if (href !== undefined && node.position) {
    const { line, column } = node.position.start;
    links.push({ url: href, kind: node.tagName === "img" ? "image" : "link", line, column, ...sources.get(placeKey({ line, column })) });
  }
  // A <picture>'s <source srcset> in raw HTML (the one srcset the sanitiser keeps): checked at the Markdown, where it is written, not only in the built page.
  const srcset = node.tagName === "source" ? node.properties.srcSet : undefined;
  if (srcset !== undefined && srcset !== null && node.position) {
    const { line, column } = node.position.start;
    for (const url of srcsetUrls(Array.isArray(srcset) ? srcset.join(", ") : String(srcset))) links.push({ url, kind: "srcset", line, column });
  }
}

/**
 * A heading 1 and its fix. An ATX heading (`# …`) gets one more `#` on the
 * line as typed, so a footnote reference or emphasis in it stays; a `===`
 * heading or raw `<h1>` gets its text after `## ` (its line cannot simply
 * take a mark).
 */
function placedH1(node: Element, source: string): PlacedHeading {
  const { start, end } = node.position!;
  const text = readableText(node);
  const typed = start.offset === undefined || end.offset === undefined ? "" : source.slice(start.offset, end.offset);
  const asH2 = /^#[ \t]/.test(typed) && !typed.includes("\n") ? `#${typed.trimEnd()}` : `## ${text}`;
  return { text, asH2, line: start.line, column: start.column };
}

function part(node: Element, name: string): ElementContent[] {
  const found = node.children.find((c): c is Element => c.type === "element" && c.properties.dataGekkanPart === name);
  if (found) delete found.properties.dataGekkanPart;
  return found?.children ?? [];
}

/**
 * A question's first block as its title's text (its heading, the lists on
 * reference pages, feeds), and the HTML of the rest, shown under it: a
 * question may carry the configuration it asks about. Read as one text, two
 * paragraphs ran together in the heading with no space, and code and lists
 * lost their form.
 */
function questionParts(question: ElementContent[]): [title: string, detailHtml: string] {
  const index = question.findIndex((child) => child.type === "element");
  if (index === -1) return [readableText({ type: "root", children: question }), ""];
  const title = readableText(question[index] as Element);
  const rest = question.slice(index + 1);
  return [title, rest.some((child) => child.type === "element") ? toHtml(rest).trim() : ""];
}

function toBlock(meta: PendingBlock, node: Element): Block {
  const a = meta.attributes;
  const str = (key: string) => (typeof a[key] === "string" ? (a[key] as string) : "");
  const base = { id: meta.id, line: meta.line, column: meta.column };
  switch (meta.kind) {
    case "release":
      return { ...base, kind: "release", component: str("component"), version: str("version"), status: a.status as never, title: str("title"), date: str("date"), bodyHtml: toHtml(node.children) };
    case "qa": {
      const question = part(node, "question");
      const versions = Array.isArray(a.versions) ? (a.versions as string[]) : [];
      const [first, rest] = questionParts(question);
      return { ...base, kind: "qa", components: a.components as string[], versions, questionHtml: toHtml(question), questionText: first, questionDetailHtml: rest, answerHtml: toHtml(part(node, "answer")) };
    }
    case "stonith":
      return { ...base, kind: "stonith", device: str("device"), plugin: str("plugin"), vendor: str("vendor"), hardware: str("hardware"), bodyHtml: toHtml(node.children) };
  }
}
