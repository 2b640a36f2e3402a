import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";

/**
 * Opens a file gekkan made for itself (a cache file, a build's lock) for
 * reading, only if it is a regular file. Such files are restored from CI
 * caches and copied about: opening a named pipe there waited for a writer
 * forever, and reading a link to /dev/zero never ended, so a build hung
 * before it began. Opened without blocking, then checked; anything but a
 * file is an error with the code ENOTREG (EISDIR for a folder).
 */
export function openRegularFile(path: string): number {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  const stats = fstatSync(fd);
  if (stats.isFile()) return fd;
  closeSync(fd);
  throw Object.assign(new Error(`${path} is not a regular file`), { code: stats.isDirectory() ? "EISDIR" : "ENOTREG", path });
}

/**
 * A file's bytes, read as far as its size when opened (see openRegularFile);
 * throws when it is no regular file, or (EFBIG) when it is over `maxBytes`.
 */
export function readRegularFile(path: string, maxBytes = Infinity): Buffer {
  const fd = openRegularFile(path);
  try {
    const size = fstatSync(fd).size;
    if (size > maxBytes) throw Object.assign(new Error(`${path} is over ${maxBytes} bytes`), { code: "EFBIG", path });
    const buffer = Buffer.allocUnsafe(size);
    let done = 0;
    while (done < size) {
      const got = readSync(fd, buffer, done, size - done, done);
      if (got === 0) break;
      done += got;
    }
    return buffer.subarray(0, done);
  } finally {
    closeSync(fd);
  }
}

/** A regular file's text, or undefined (no such file, not a regular file, over `maxBytes`): for code frames in messages. */
export function readRegularText(path: string, maxBytes = 1024 * 1024): string | undefined {
  try {
    return readRegularFile(path, maxBytes).toString("utf8");
  } catch {
    return undefined;
  }
}
