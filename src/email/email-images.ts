import type { BodyLink } from "../markdown/rendered.js";
import { linkedPath, publishedUrl, routeUrl, type SiteAddress } from "../site/urls.js";
import { bodyImages } from "./body-images.js";
import type { ImageLook } from "../render/page-images.js";

/**
 * The formats every mail app shows, in the order a stand-in for an SVG is
 * looked for. Not WebP: Outlook for Windows shows none; not SVG, which
 * Gmail and Outlook leave out.
 */
export const MAIL_RASTER = [".png", ".jpg", ".jpeg", ".gif"] as const;

/** What the email does with one image: show `src` instead (a raster beside an SVG), `width` pixels wide at most (less where its box is narrower). */
export interface EmailImage {
  src?: string;
  width?: number;
}

/**
 * What public/ holds at a site path (decoded, under the base path): nothing
 * (undefined), or a file with its pixel width and height when it is a PNG,
 * GIF, JPEG or WebP (image-size.ts), the size it is meant to be shown at
 * when an SVG (its width and height, else its viewBox's: svg-size.ts).
 * Read by the pipeline, which owns the disk; the pages ask the same.
 */
export type PublicImage = ImageLook;

/**
 * The email's image changes for an issue, by the image's address as its
 * body has it (BodyLink.url): an SVG with a PNG, JPEG or GIF of the same
 * name beside it in public/ is shown as that file (the page keeps the SVG),
 * and every image of the site whose width is known gets the width it is
 * meant to be shown at (displayWidth), for a stand-in the SVG's, which a
 * stand-in drawn at twice the size would otherwise double; emailImageHtml
 * narrows it to its box. Another site's images are left alone: their size
 * is not ours to read.
 */
export function emailImages(links: readonly BodyLink[], site: SiteAddress, route: string, look: PublicImage): Map<string, EmailImage> {
  const images = new Map<string, EmailImage>();
  for (const link of links) {
    if (link.kind !== "image" || images.has(link.url)) continue;
    const linked = linkedPath(site, routeUrl(site.basePath, route), link.url);
    if (linked.kind !== "site") continue;
    const image = isSvgPath(linked.path) ? rasterOf(linked.path, link.url, look) : sized(displayWidth(linked.path, look(linked.path)?.width));
    if (image.src !== undefined || image.width !== undefined) images.set(link.url, image);
  }
  return images;
}

/** The first raster file of the SVG's name in public/ (a stand-in only if it is one), as its address is written, at the SVG's width when it says one. */
function rasterOf(path: string, url: string, look: PublicImage): EmailImage {
  for (const extension of MAIL_RASTER.flatMap((e) => [e, e.toUpperCase()])) {
    const raster = path.replace(/\.svg$/i, extension);
    const found = look(raster);
    // Swapped in the address as written: its query (a cache-busting ?v=2) and base path stay.
    if (found !== undefined) return { src: url.replace(/\.svg(?=[?#]|$)/i, extension), ...sized(look(path)?.width ?? displayWidth(raster, found.width)) };
  }
  return {};
}

function sized(width: number | undefined): EmailImage {
  return width === undefined ? {} : { width };
}

/**
 * The width a raster image is meant to be shown at: its pixel width, divided
 * by the density its name says (`chart@2x.png`, `logo@3x.jpg`). The name is
 * Apple's convention for high-density ("Retina") images, which web tools
 * (retina.js, srcset generators) read too; mail tools do not read it (MJML
 * and Mailchimp take the width the author types), but Litmus's guidance for
 * such images in email is this very rule: save at 2×, set the width
 * attribute to half, or Outlook shows it at twice the size.
 */
export function displayWidth(path: string, width: number | undefined): number | undefined {
  if (width === undefined) return undefined;
  const density = Number(/@([1-9])x\.[^./]+$/i.exec(path)?.[1] ?? 1);
  return Math.max(1, Math.round(width / density));
}

/** A path (never its query or fragment) that ends in .svg. */
export function isSvgPath(url: string): boolean {
  return /\.svg$/i.test(url.replace(/[?#].*$/s, ""));
}

/**
 * The email body with `images` (by absolute address, as the body now has
 * them) applied to its <img> elements: the stand-in's address, and a width
 * attribute, the image's own at most the width of the box it is in (a
 * block, a quote, a list or a table cell is narrower than the column:
 * bodyImages), unless the author gave the image a width or height of their
 * own. Spliced into the text where the parser found each tag: the rest of
 * the body is left as gekkan's serialiser wrote it.
 */
export function emailImageHtml(html: string, images: ReadonlyMap<string, EmailImage>): string {
  if (images.size === 0) return html;
  const edits: Array<{ start: number; end: number; text: string }> = [];
  for (const found of bodyImages(html)) {
    const image = images.get(found.src);
    if (image === undefined || found.tagStart < 0) continue;
    if (image.width !== undefined && !found.sized) edits.push({ start: found.tagStart + "<img".length, end: found.tagStart + "<img".length, text: ` width="${Math.min(image.width, found.box)}"` });
    if (image.src !== undefined && found.srcSpan !== undefined) edits.push({ ...found.srcSpan, text: `src="${image.src.replace(/&/g, "&#x26;").replace(/"/g, "&#x22;")}"` });
  }
  let out = html;
  // From the end, so the offsets of the edits still to make stay true.
  for (const edit of edits.sort((x, y) => y.start - x.start)) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}

/** `images` keyed by their absolute address in the email (absolutizeHtml's rule), the stand-in's made absolute too. */
export function absoluteImages(images: ReadonlyMap<string, EmailImage>, site: SiteAddress, route: string): Map<string, EmailImage> {
  return new Map([...images].map(([url, image]) => [publishedUrl(site, route, url), image.src === undefined ? image : { ...image, src: publishedUrl(site, route, image.src) }]));
}
