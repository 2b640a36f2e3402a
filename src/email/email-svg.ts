import type { VFileMessage } from "vfile-message";
import { sortDiagnostics, warning } from "../diagnostics.js";
import { writtenAt, type BodyLink } from "../markdown/rendered.js";
import { placeKey } from "../markdown/link-sources.js";
import { isSvgPath, type EmailImage } from "./email-images.js";

/**
 * A warning at each image of an issue that is an SVG: Gmail and Outlook do
 * not show SVG images in a message (they are left out, for the scripts an
 * SVG can hold), so the email's readers get the image's description in its
 * place, and the page's diagram is lost without a word. Only images the
 * email shows (`![…](x.svg)`, `<img src>`): a <picture>'s SVG source has
 * its <img> to fall back on, which is what those mail apps show. Nor one
 * the email shows as a PNG, JPEG or GIF of the same name (`images`, by the
 * body's address: emailImages).
 */
export function emailSvgWarnings(file: string, links: readonly BodyLink[], images: ReadonlyMap<string, EmailImage>): VFileMessage[] {
  const shown = (link: BodyLink) => images.get(link.url)?.src !== undefined;
  // One warning per place the address is written: a reference definition used twice is corrected once.
  const svgs = new Map(links.filter((link) => link.kind === "image" && isSvgPath(link.url) && !shown(link)).map((link) => [placeKey(writtenAt(link)), link]));
  return sortDiagnostics(
    [...svgs.values()].map((link) => {
      const written = link.written ?? link.url;
      const raster = written.replace(/[?#].*$/s, "").replace(/\.svg$/i, ".png");
      return warning(file, `"${written}" is an SVG image, which Gmail and Outlook do not show in an email: readers of the email see only its description in its place (its alt text, or nothing); for the email, save a PNG or JPEG of it beside it under the same name (${raster} in public/), which the email then shows in its place while the web page keeps the SVG, or stop this warning if the description says enough`, writtenAt(link), "email-svg");
    }),
  );
}
