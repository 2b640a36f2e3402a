import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";

/**
 * Opens a file of the cache for reading, only if it is a regular file. The
 * cache is gekkan's own, but it is restored from CI caches and copied about:
 * opening a named pipe there waited for a writer forever, and reading a
 * link to /dev/zero never ended, so a build hung before it began. Opened
 * without blocking, then checked; anything but a file is an error, which
 * the callers take as "no usable cache" (the file is replaced when saved).
 */
export function openCacheFile(path: string): number {
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  if (fstatSync(fd).isFile()) return fd;
  closeSync(fd);
  throw Object.assign(new Error(`${path} is not a regular file`), { code: "ENOTREG", path });
}

/** A cache file's bytes, read as far as its size when opened (see openCacheFile); throws when it cannot be used. */
export function readCacheFile(path: string): Buffer {
  const fd = openCacheFile(path);
  try {
    const size = fstatSync(fd).size;
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
