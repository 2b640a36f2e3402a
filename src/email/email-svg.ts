import type { VFileMessage } from "vfile-message";
import { sortDiagnostics, warning } from "../diagnostics.js";
import { writtenAt, type BodyLink } from "../markdown/rendered.js";
import { placeKey } from "../markdown/link-sources.js";

/** An address whose file is an SVG image: its path (never its query or fragment) ends in .svg. */
function isSvg(url: string): boolean {
  return /\.svg$/i.test(url.replace(/[?#].*$/s, ""));
}

/**
 * A warning at each image of an issue that is an SVG: Gmail and Outlook do
 * not show SVG images in a message (they are left out, for the scripts an
 * SVG can hold), so the email's readers get the image's description in its
 * place, and the page's diagram is lost without a word. Only images the
 * email shows (`![…](x.svg)`, `<img src>`): a <picture>'s SVG source has
 * its <img> to fall back on, which is what those mail apps show.
 */
export function emailSvgWarnings(file: string, links: readonly BodyLink[]): VFileMessage[] {
  // One warning per place the address is written: a reference definition used twice is corrected once.
  const svgs = new Map(links.filter((link) => link.kind === "image" && isSvg(link.url)).map((link) => [placeKey(writtenAt(link)), link]));
  return sortDiagnostics(
    [...svgs.values()].map((link) => {
      const written = link.written ?? link.url;
      const raster = written.replace(/\.svg((?:[?#].*)?)$/is, ".png$1");
      return warning(file, `"${written}" is an SVG image, which Gmail and Outlook do not show in an email: readers of the email see only its description in its place (its alt text, or nothing); for the email, show a PNG or JPEG of it (saved as ${raster}, say, and linked instead), or keep the SVG for the web page if the description says enough`, writtenAt(link), "email-svg");
    }),
  );
}
