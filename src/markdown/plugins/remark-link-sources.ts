import type { Definition, Image, ImageReference, Link, LinkReference, Root } from "mdast";
import type { Data, Processor } from "unified";
import type { VFile } from "vfile";
import { visit } from "unist-util-visit";
import type { LinkSource } from "../rendered.js";
import { linkSources, placeKey } from "../link-sources.js";

type FromMarkdownExtension = Exclude<NonNullable<Data["fromMarkdownExtensions"]>[number], unknown[]>;
type Handle = NonNullable<NonNullable<FromMarkdownExtension["exit"]>[string]>;
type Addressed = Link | Image | Definition;

/**
 * Each link and picture as the author wrote it, before the page changes it:
 * its address as the Markdown holds it (the build %-encodes what is not
 * ASCII and adds the base path), and, for a reference (`[text][r]`), the
 * definition line that holds that address. `gekkan check` quotes the one and
 * reports a broken address at the other: that is where it is corrected.
 */
export function remarkLinkSources(this: Processor) {
  // The address as the file's text has it, by node: Markdown's reading of it decodes `&amp;` and `\_`, which the author finds nowhere.
  const inText = new WeakMap<object, string>();
  const data = this.data();
  (data.fromMarkdownExtensions ??= []).push(addressTexts(inText));
  return (tree: Root, file: VFile) => {
    const sources = linkSources(file);
    const definitions = new Map<string, Definition>();
    const references: Array<[key: string, node: LinkReference | ImageReference]> = [];
    const sourceOf = (node: Addressed): LinkSource => {
      const text = inText.get(node);
      return text === undefined || text === node.url ? { written: node.url } : { written: node.url, inText: text };
    };
    // One walk: a definition may come after its uses, so references are resolved once it is done.
    visit(tree, (node) => {
      if (node.type === "definition") {
        // As mdast-util-to-hast picks a reference's definition: the first of its label, labels compared in upper case.
        const id = node.identifier.toUpperCase();
        if (!definitions.has(id)) definitions.set(id, node);
        return;
      }
      if (!node.position) return;
      const key = placeKey(node.position.start);
      if (node.type === "link" || node.type === "image") sources.set(key, sourceOf(node));
      else if (node.type === "linkReference" || node.type === "imageReference") references.push([key, node]);
    });
    for (const [key, node] of references) {
      const definition = definitions.get(node.identifier.toUpperCase());
      if (definition?.position) sources.set(key, { ...sourceOf(definition), definition: { label: definition.label ?? definition.identifier, ...placeOf(definition.position.start) } });
    }
  };
}

/**
 * Records, on leaving a link's, picture's or definition's destination, its
 * text as the tokenizer found it in the file: the bounds are micromark's
 * own, so a title, a `<…>` form or a label with brackets in it cannot be
 * mistaken for the address. The destination's string has handlers of its
 * own (they set `url`); the raw and `<…>` tokens around it have none.
 */
function addressTexts(inText: WeakMap<object, string>): FromMarkdownExtension {
  const record = (text: string, node: object | undefined) => {
    if (node !== undefined) inText.set(node, text);
  };
  const raw: Handle = function (token) {
    record(this.sliceSerialize(token), this.stack.at(-1));
  };
  // Without the angle brackets: the address is what is between them.
  const literal: Handle = function (token) {
    record(this.sliceSerialize(token).slice(1, -1), this.stack.at(-1));
  };
  return { exit: { resourceDestinationRaw: raw, resourceDestinationLiteral: literal, definitionDestinationRaw: raw, definitionDestinationLiteral: literal } };
}

function placeOf(point: { line: number; column: number }): { line: number; column: number } {
  return { line: point.line, column: point.column };
}
