import { closeSync, fstatSync, lstatSync, readFileSync, readSync, type BigIntStats } from "node:fs";
import { join } from "node:path";
import { openRegularFile } from "../regular-file.js";
import { imageSize } from "./image-size.js";
import { isSvgPath, type PublicImage } from "../email/email-images.js";
import { SVG_CHECK_BYTES } from "../limits.js";
import { svgSize } from "./svg-size.js";
import { sameFileState, type Derived, type FileDigests } from "../incremental/file-digests.js";

/**
 * How much of an image is read for its size: a JPEG's frame header comes
 * after its metadata segments (EXIF, an ICC profile: 64 KB each at most),
 * PNG's and GIF's in the first bytes.
 */
const HEAD_BYTES = 512 * 1024;
const FIRST_BYTES = 16 * 1024;

/**
 * public/'s files as the email (emailImages) and the pages (pageImageSizes)
 * ask after them, each read once per run: a raster image's pixel width and
 * height, an SVG's intended ones (svg-size.ts). A path that could step out of public/ ("..", an empty
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

/**
 * The name an image's size is kept under beside its digest
 * (file-digests.ts): [width, height] (height null when unknown), with a
 * third item, 1, for an SVG sized by its viewBox alone (svg-size.ts); or
 * null.
 */
const SIZE_FACT = "image-size";

type SizeFact = [number, number | null] | [number, number | null, 1] | null;

function lookUp(root: string, path: string, head: () => Buffer, facts: FileDigests | undefined): ReturnType<PublicImage> {
  const parts = path.split("/");
  if (parts.some((part) => part === "" || part === "." || part === ".." || part.includes("\\"))) return undefined;
  const file = join(root, "public", ...parts);
  try {
    const stat = lstatSync(file, { bigint: true });
    if (!stat.isFile()) return undefined;
    const read = () => readSize(file, path, head(), stat);
    const size = facts === undefined ? read().value : facts.fact(file, SIZE_FACT, stat, isSize, read);
    return { width: size?.[0], height: size?.[1] ?? undefined, scalable: size?.[2] === 1 };
  } catch {
    return undefined;
  }
}

/** The size of the image at `file`, kept only if the file opened is the one `stat` describes (not one renamed over it since). */
function readSize(file: string, path: string, head: Buffer, stat: BigIntStats): Derived<SizeFact> {
  const fd = openRegularFile(file);
  try {
    const opened = fstatSync(fd, { bigint: true });
    const size = sizeOf(fd, path, head, opened.size);
    const value: SizeFact = size === undefined ? null : size.scalable === true ? [size.width, size.height ?? null, 1] : [size.width, size.height ?? null];
    return { value, keep: sameFileState(opened, stat) };
  } finally {
    closeSync(fd);
  }
}

function sizeOf(fd: number, path: string, head: Buffer, size: bigint): { width: number; height: number | undefined; scalable?: boolean } | undefined {
  // Past the bytes the active-content check reads, an SVG is not parsed here either (svg-size.ts).
  if (isSvgPath(path)) return size > BigInt(SVG_CHECK_BYTES) ? undefined : svgSize(readFileSync(fd));
  // Most files say their size in the first bytes: the rest of the head is read only for a JPEG whose metadata comes first.
  const first = readSync(fd, head, 0, FIRST_BYTES, 0);
  const found = imageSize(head.subarray(0, first));
  if (found !== undefined || first < FIRST_BYTES || head[0] !== 0xff || head[1] !== 0xd8) return found;
  return imageSize(head.subarray(0, first + readSync(fd, head, first, HEAD_BYTES - first, first)));
}

/** A kept fact as this code writes it: one kept by an older gekkan (a width alone) is read again. */
function isSize(value: unknown): value is SizeFact {
  if (value === null) return true;
  if (!Array.isArray(value) || (value.length !== 2 && !(value.length === 3 && value[2] === 1))) return false;
  const [width, height] = value as unknown[];
  return isPixels(width) && (height === null || isPixels(height));
}

function isPixels(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value > 0;
}
