import { closeSync, lstatSync, readSync } from "node:fs";
import { join } from "node:path";
import { openRegularFile } from "../regular-file.js";
import { imageWidth } from "../email/image-width.js";
import type { PublicImage } from "../email/email-images.js";

/**
 * How much of an image is read for its width: a JPEG's frame header comes
 * after its metadata segments (EXIF, an ICC profile: 64 KB each at most),
 * PNG's and GIF's in the first bytes.
 */
const HEAD_BYTES = 512 * 1024;

/**
 * public/'s files as the email asks after them (emailImages), each read
 * once per run. A path that could step out of public/ ("..", an empty
 * part) names nothing, nor does a symbolic link or a file that cannot be
 * read: the build does not publish those (public-files.ts, which says why).
 */
export function publicImages(root: string): PublicImage {
  const seen = new Map<string, ReturnType<PublicImage>>();
  return (path) => {
    if (!seen.has(path)) seen.set(path, lookUp(root, path));
    return seen.get(path);
  };
}

function lookUp(root: string, path: string): ReturnType<PublicImage> {
  const parts = path.split("/");
  if (parts.some((part) => part === "" || part === "." || part === ".." || part.includes("\\"))) return undefined;
  const file = join(root, "public", ...parts);
  try {
    if (!lstatSync(file).isFile()) return undefined;
    const fd = openRegularFile(file);
    try {
      const head = Buffer.alloc(HEAD_BYTES);
      return { width: imageWidth(head.subarray(0, readSync(fd, head, 0, HEAD_BYTES, 0))) };
    } finally {
      closeSync(fd);
    }
  } catch {
    return undefined;
  }
}
