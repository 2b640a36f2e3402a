import { closeSync, fstatSync, lstatSync, readFileSync, readSync, type BigIntStats } from "node:fs";
import { join } from "node:path";
import { openRegularFile } from "../regular-file.js";
import { imageWidth } from "../email/image-width.js";
import { isSvgPath, type PublicImage } from "../email/email-images.js";
import { SVG_CHECK_BYTES } from "../limits.js";
import { svgWidth } from "./svg-width.js";
import { sameFileState, type Derived, type FileDigests } from "../incremental/file-digests.js";

/**
 * How much of an image is read for its width: a JPEG's frame header comes
 * after its metadata segments (EXIF, an ICC profile: 64 KB each at most),
 * PNG's and GIF's in the first bytes.
 */
const HEAD_BYTES = 512 * 1024;
const FIRST_BYTES = 16 * 1024;

/**
 * public/'s files as the email asks after them (emailImages), each read
 * once per run: a raster image's pixel width, an SVG's intended width. A path that could step out of public/ ("..", an empty
 * part) names nothing, nor does a symbolic link or a file that cannot be
 * read: the build does not publish those (public-files.ts, which says why).
 * With `facts`, an image as it was when last read is not opened again
 * (file-digests.ts): every email's key asks after its images, so a build of
 * one new issue would otherwise read every image the archive links.
 */
export function publicImages(root: string, facts?: FileDigests): PublicImage {
  const seen = new Map<string, ReturnType<PublicImage>>();
  // One buffer for every file read: a site with thousands of images would otherwise allocate (and zero) half a megabyte for each.
  let head: Buffer | undefined;
  return (path) => {
    if (!seen.has(path)) seen.set(path, lookUp(root, path, () => (head ??= Buffer.allocUnsafe(HEAD_BYTES)), facts));
    return seen.get(path);
  };
}

/** The name an image's width is kept under beside its digest (file-digests.ts). */
const WIDTH_FACT = "email-image-width";

function lookUp(root: string, path: string, head: () => Buffer, facts: FileDigests | undefined): ReturnType<PublicImage> {
  const parts = path.split("/");
  if (parts.some((part) => part === "" || part === "." || part === ".." || part.includes("\\"))) return undefined;
  const file = join(root, "public", ...parts);
  try {
    const stat = lstatSync(file, { bigint: true });
    if (!stat.isFile()) return undefined;
    const read = () => readWidth(file, path, head(), stat);
    const width = facts === undefined ? read().value : facts.fact(file, WIDTH_FACT, stat, isWidth, read);
    return { width: width ?? undefined };
  } catch {
    return undefined;
  }
}

/** The width of the image at `file`, kept only if the file opened is the one `stat` describes (not one renamed over it since). */
function readWidth(file: string, path: string, head: Buffer, stat: BigIntStats): Derived<number | null> {
  const fd = openRegularFile(file);
  try {
    const opened = fstatSync(fd, { bigint: true });
    return { value: widthOf(fd, path, head, opened.size) ?? null, keep: sameFileState(opened, stat) };
  } finally {
    closeSync(fd);
  }
}

function widthOf(fd: number, path: string, head: Buffer, size: bigint): number | undefined {
  // Past the bytes the active-content check reads, an SVG is not parsed here either (svg-width.ts).
  if (isSvgPath(path)) return size > BigInt(SVG_CHECK_BYTES) ? undefined : svgWidth(readFileSync(fd));
  // Most files say their width in the first bytes: the rest of the head is read only for a JPEG whose metadata comes first.
  const first = readSync(fd, head, 0, FIRST_BYTES, 0);
  const width = imageWidth(head.subarray(0, first));
  if (width !== undefined || first < FIRST_BYTES || head[0] !== 0xff || head[1] !== 0xd8) return width;
  return imageWidth(head.subarray(0, first + readSync(fd, head, first, HEAD_BYTES - first, first)));
}

function isWidth(value: unknown): value is number | null {
  return value === null || (typeof value === "number" && Number.isInteger(value) && value > 0);
}
