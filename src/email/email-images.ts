import type { BodyLink } from "../markdown/rendered.js";
import { linkedPath, publishedUrl, routeUrl, type SiteAddress } from "../site/urls.js";

/**
 * Widest an image can be in the email: the 600 px column less the content
 * cell's 24 px padding on each side (templates/email/style.liquid,
 * .email-cell). Outlook for Windows (Word's engine) ignores CSS max-width
 * and lays an image out at its own pixel width, so a wider one pushed the
 * column past 600 px; an explicit width attribute is what it obeys, as
 * MJML's and Campaign Monitor's templates give every image.
 */
export const EMAIL_IMAGE_WIDTH = 552;

/**
 * The formats every mail app shows, in the order a stand-in for an SVG is
 * looked for. Not WebP: Outlook for Windows shows none; not SVG, which
 * Gmail and Outlook leave out.
 */
export const MAIL_RASTER = [".png", ".jpg", ".jpeg", ".gif"] as const;

/** What the email does with one image: show `src` instead (a raster beside an SVG), at `width` pixels. */
export interface EmailImage {
  src?: string;
  width?: number;
}

/**
 * What public/ holds at a site path (decoded, under the base path): nothing
 * (undefined), or a file with its pixel width when it is a PNG, GIF or JPEG
 * (imageWidth). Read by the pipeline, which owns the disk.
 */
export type PublicImage = (path: string) => { width: number | undefined } | undefined;

/**
 * The email's image changes for an issue, by the image's address as its
 * body has it (BodyLink.url): an SVG with a PNG, JPEG or GIF of the same
 * name beside it in public/ is shown as that file (the page keeps the SVG),
 * and every image of the site whose width is known gets a width attribute,
 * its own or EMAIL_IMAGE_WIDTH when wider. Another site's images are left
 * alone: their size is not ours to read.
 */
export function emailImages(links: readonly BodyLink[], site: SiteAddress, route: string, look: PublicImage): Map<string, EmailImage> {
  const images = new Map<string, EmailImage>();
  for (const link of links) {
    if (link.kind !== "image" || images.has(link.url)) continue;
    const linked = linkedPath(site, routeUrl(site.basePath, route), link.url);
    if (linked.kind !== "site") continue;
    const image = isSvgPath(linked.path) ? rasterOf(linked.path, link.url, look) : fitted(look(linked.path)?.width);
    if (image.src !== undefined || image.width !== undefined) images.set(link.url, image);
  }
  return images;
}

/** The first raster file of the SVG's name in public/ (a stand-in only if it is one), as its address is written. */
function rasterOf(path: string, url: string, look: PublicImage): EmailImage {
  for (const extension of MAIL_RASTER.flatMap((e) => [e, e.toUpperCase()])) {
    const found = look(path.replace(/\.svg$/i, extension));
    // Swapped in the address as written: its query (a cache-busting ?v=2) and base path stay.
    if (found !== undefined) return { src: url.replace(/\.svg(?=[?#]|$)/i, extension), ...fitted(found.width) };
  }
  return {};
}

function fitted(width: number | undefined): EmailImage {
  return width === undefined ? {} : { width: Math.min(width, EMAIL_IMAGE_WIDTH) };
}

/** A path (never its query or fragment) that ends in .svg. */
export function isSvgPath(url: string): boolean {
  return /\.svg$/i.test(url.replace(/[?#].*$/s, ""));
}

/**
 * The email body with `images` (by absolute address, as the body now has
 * them) applied to its <img> elements: the stand-in's address, and a width
 * attribute unless the author gave the image a width or height of their
 * own. Textual, as absolutizeHtml: gekkan's serialiser double-quotes every
 * attribute. A <picture>'s <source> is left alone; its <img> is what mail
 * apps show.
 */
export function emailImageHtml(html: string, images: ReadonlyMap<string, EmailImage>): string {
  if (images.size === 0) return html;
  return html.replace(/<img\b[^>]*>/g, (tag) => {
    const written = /\ssrc="([^"]*)"/.exec(tag)?.[1];
    const image = written === undefined ? undefined : images.get(written.replace(/&#x26;|&amp;/g, "&"));
    if (image === undefined) return tag;
    let out = image.src === undefined ? tag : tag.replace(/\ssrc="[^"]*"/, ` src="${image.src.replace(/&/g, "&#x26;")}"`);
    if (image.width !== undefined && !/\s(?:width|height)=/i.test(tag)) out = out.replace(/^<img\b/, `<img width="${image.width}"`);
    return out;
  });
}

/** `images` keyed by their absolute address in the email (absolutizeHtml's rule), the stand-in's made absolute too. */
export function absoluteImages(images: ReadonlyMap<string, EmailImage>, site: SiteAddress, route: string): Map<string, EmailImage> {
  return new Map([...images].map(([url, image]) => [publishedUrl(site, route, url), image.src === undefined ? image : { ...image, src: publishedUrl(site, route, image.src) }]));
}
