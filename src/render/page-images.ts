import { parseFragment, type DefaultTreeAdapterTypes } from "parse5";
import type { BodyLink } from "../markdown/rendered.js";
import { linkedPath, routeUrl, type SiteAddress } from "../site/urls.js";

/** What public/ holds at a site path: nothing, or a file and its size where it says one (the pipeline reads it: public-images.ts). */
export type ImageLook = (path: string) => { width: number | undefined; height: number | undefined; scalable?: boolean } | undefined;

/** An image's address as its body has it, with the width and height of its file in public/, and 1 for an SVG sized by its viewBox alone. */
export type PageImageSize = [url: string, width: number, height: number] | [url: string, width: number, height: number, scalable: 1];

/**
 * The size of each of an issue's images whose file is in public/ and says
 * both its width and height (public-images.ts), in the order the body links
 * them, each address once: the page writes them on its <img> elements
 * (pageImageHtml). Another site's images are left alone: their size is not
 * ours to read, and may change under the page.
 */
export function pageImageSizes(links: readonly BodyLink[], site: SiteAddress, route: string, look: ImageLook): PageImageSize[] {
  const sizes = new Map<string, PageImageSize>();
  for (const link of links) {
    if (link.kind !== "image" || sizes.has(link.url)) continue;
    const linked = linkedPath(site, routeUrl(site.basePath, route), link.url);
    if (linked.kind !== "site") continue;
    const found = look(linked.path);
    if (found?.width === undefined || found.height === undefined) continue;
    sizes.set(link.url, found.scalable === true ? [link.url, found.width, found.height, 1] : [link.url, found.width, found.height]);
  }
  return [...sizes.values()];
}

/**
 * An issue page's body with its <img> elements given what a browser needs
 * to lay the page out before they arrive, as Hugo, Eleventy Image and
 * Astro's <Image> write them: the file's own `width` and `height` (`sizes`),
 * so the box is reserved and the text below does not jump when it loads
 * (the stylesheet's `max-width: 100%; height: auto` still narrows a wide
 * one to a phone, keeping its proportions); none where the author wrote a
 * width or height of their own, which wins. Every image but the body's
 * first is `loading="lazy" decoding="async"`: fetched only as the reader
 * nears it, which spares a phone the archive's pictures it never scrolls
 * to. The first is left to load at once, as it may be the largest thing on
 * the first screen, which a lazy one would show late. Spliced into the text
 * where the parser found each tag: the rest is left byte for byte.
 */
export function pageImageHtml(html: string, sizes: readonly PageImageSize[]): string {
  // Most issues show no picture: their body is not parsed at all.
  if (!/<img/i.test(html)) return html;
  const bySrc = new Map(sizes.map(([url, width, height, scalable]) => [url, { width, height, scalable: scalable === 1 }]));
  const edits: Array<{ at: number; text: string }> = [];
  imageTags(html).forEach((found, i) => {
    if (found.tagStart < 0) return;
    const looked = found.sized ? undefined : bySrc.get(found.src);
    // A class of a template's own (a block partial's <img>; an author's is removed) is not written twice: such an SVG keeps no size, as before.
    const size = looked?.scalable === true && found.classed ? undefined : looked;
    // An SVG sized by its viewBox alone filled the column before it had a size, as a browser shows one: its numbers are a proportion, kept by the class (the stylesheet's img.scalable).
    const sized = size === undefined ? "" : ` width="${size.width}" height="${size.height}"${size.scalable ? ' class="scalable"' : ""}`;
    const lazy = i === 0 ? "" : ' loading="lazy" decoding="async"';
    if (sized + lazy !== "") edits.push({ at: found.tagStart + "<img".length, text: sized + lazy });
  });
  let out = html;
  // From the end, so the offsets of the edits still to make stay true.
  for (const edit of edits.reverse()) out = out.slice(0, edit.at) + edit.text + out.slice(edit.at);
  return out;
}

type ParentNode = DefaultTreeAdapterTypes.ParentNode;

/** One <img> start tag: its address (character references read), where it begins in the text, and whether the author sized it. */
interface ImageTag {
  src: string;
  tagStart: number;
  sized: boolean;
  classed: boolean;
}

/** The body's <img> elements in document order, read as the HTML it is (parse5), with where each tag is in the text. */
function imageTags(html: string): ImageTag[] {
  const found: ImageTag[] = [];
  const walk = (parent: ParentNode): void => {
    for (const node of parent.childNodes) {
      if (!("tagName" in node)) continue;
      if (node.tagName === "img") {
        const has = (name: string) => node.attrs.some((a) => a.name === name);
        found.push({ src: node.attrs.find((a) => a.name === "src")?.value ?? "", tagStart: node.sourceCodeLocation?.startOffset ?? -1, sized: has("width") || has("height"), classed: has("class") });
      }
      walk(node);
    }
  };
  walk(parseFragment(html, { sourceCodeLocationInfo: true }));
  return found;
}
