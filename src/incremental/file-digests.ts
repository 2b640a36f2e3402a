import { createHash } from "node:crypto";
import { fstatSync, readSync, type BigIntStats } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "../write/atomic-file.js";
import { readRegularFile } from "../regular-file.js";

const DIGESTS_FILE = "file-digests.json";

/** The buffer files are read through when the caller has none of its own (the reading is synchronous: never shared at once). */
let ownSlice: Buffer | undefined;

/**
 * How long before its bytes were read a file must have last changed for its
 * digest to be trusted by its state alone. A write lands in the file's
 * ctime at the file system's clock granularity (a few ms on Linux, whole
 * seconds on some), so a file changed just before or while it was read can
 * change again with the same size and times; such a file is read every time
 * (git's "racily clean" entries, the same rule).
 */
const SETTLED_NS = 2_000_000_000n;

/** A file's digest and the state of the file it was read from. */
interface Known {
  dev: string;
  ino: string;
  size: string;
  mtimeNs: string;
  ctimeNs: string;
  /** When its reading began (ns since 1970). */
  takenNs: string;
  digest: string;
}

/**
 * The SHA-256 of large input files (public/'s videos), kept between runs by
 * the file's state: device, inode, size, mtime and ctime. Nothing but a
 * write can change ctime or set it back, so a file with the state recorded
 * holds the bytes that were hashed, if it had settled when they were read
 * (SETTLED_NS); a nothing-changed build then reads none of its gigabytes.
 */
export class FileDigests {
  /** The files asked after in this run: only theirs are kept (a file removed since is forgotten). */
  private readonly used = new Set<string>();
  /** Whether a file was read (its digest made or forgotten) since they were read in. */
  changed = false;

  private constructor(private readonly known: Map<string, Known>) {}

  static empty(): FileDigests {
    return new FileDigests(new Map());
  }

  /** The digests a cache folder keeps; none when the file is missing, damaged or of another form. */
  static read(cacheDir: string): FileDigests {
    try {
      const entries = JSON.parse(readRegularFile(join(cacheDir, DIGESTS_FILE), 64 * 1024 * 1024).toString("utf8")) as unknown;
      if (!Array.isArray(entries)) return FileDigests.empty();
      return new FileDigests(new Map(entries.filter(isEntry).map(([path, known]) => [path, known])));
    } catch {
      return FileDigests.empty();
    }
  }

  /**
   * "sha256:…" of the regular file open at `fd` (at `path`), read in
   * `slice`-sized parts unless its state says it is the file read before;
   * a file that grew or shrank while read gets a name no other state has.
   */
  of(path: string, fd: number, slice: Buffer = (ownSlice ??= Buffer.alloc(1024 * 1024))): string {
    const stat = fstatSync(fd, { bigint: true });
    this.used.add(path);
    const known = this.known.get(path);
    if (known !== undefined && sameState(known, stat) && BigInt(known.ctimeNs) + SETTLED_NS < BigInt(known.takenNs)) return known.digest;
    const takenNs = wallClockNs();
    this.changed = true;
    const hash = createHash("sha256");
    let total = 0n;
    for (let read = readSync(fd, slice); read > 0; read = readSync(fd, slice)) {
      hash.update(slice.subarray(0, read));
      total += BigInt(read);
    }
    const digest = `sha256:${hash.digest("hex")}`;
    if (total !== stat.size) {
      this.known.delete(path);
      return `${digest}:changing ${total}`;
    }
    this.known.set(path, { ...stateOf(stat), takenNs: String(takenNs), digest });
    return digest;
  }

  /** Keeps the digests of this run's files in the cache folder, for the next run. */
  async save(cacheDir: string): Promise<void> {
    const kept = [...this.known].filter(([path]) => this.used.has(path)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    await writeFileAtomic(join(cacheDir, DIGESTS_FILE), JSON.stringify(kept));
  }
}

/**
 * Now, by the clock the process started with and its monotonic time since:
 * the wall clock ctime is compared with, whatever Date is made to say (a
 * test that moves "today" moves Date).
 */
function wallClockNs(): bigint {
  return BigInt(Math.round((performance.timeOrigin + performance.now()) * 1e6));
}

function stateOf(stat: BigIntStats): Omit<Known, "takenNs" | "digest"> {
  return { dev: String(stat.dev), ino: String(stat.ino), size: String(stat.size), mtimeNs: String(stat.mtimeNs), ctimeNs: String(stat.ctimeNs) };
}

function sameState(known: Known, stat: BigIntStats): boolean {
  const now = stateOf(stat);
  return known.dev === now.dev && known.ino === now.ino && known.size === now.size && known.mtimeNs === now.mtimeNs && known.ctimeNs === now.ctimeNs;
}

function isEntry(value: unknown): value is [string, Known] {
  if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== "string") return false;
  const known = value[1] as Record<string, unknown> | null;
  const fields = ["dev", "ino", "size", "mtimeNs", "ctimeNs", "takenNs"].every((field) => typeof known?.[field] === "string" && /^\d+$/.test(known[field] as string));
  return fields && typeof known?.digest === "string" && /^sha256:[0-9a-f]{64}$/.test(known.digest);
}
