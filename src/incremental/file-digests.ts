import { createHash } from "node:crypto";
import { fstatSync, readSync, type BigIntStats } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "../write/atomic-file.js";
import { readRegularFile } from "../regular-file.js";

const DIGESTS_FILE = "file-digests.json";

/** The name the SHA-256 of a file's bytes is kept under, beside the other facts. */
const DIGEST = "sha256";

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

/** A value that survives JSON unchanged: what a fact can be. */
export type FactValue = string | number | boolean | null | readonly FactValue[] | { readonly [key: string]: FactValue };

/** One fact of the bytes and when their reading began (ns since 1970). */
interface Taken {
  takenNs: string;
  value: FactValue;
}

/** The state of a file and the facts read from the bytes it held in that state, by name. */
interface Known {
  dev: string;
  ino: string;
  size: string;
  mtimeNs: string;
  ctimeNs: string;
  facts: Record<string, Taken>;
}

/** What reading a file gave: `keep` false when the file changed under the reading (the value names no state). */
export interface Derived<T extends FactValue> {
  value: T;
  keep: boolean;
}

/**
 * Facts of input files kept between runs by the file's state: device,
 * inode, size, mtime and ctime. The SHA-256 of large files (public/'s
 * videos), and any other fact a stage derives from a file's bytes alone
 * (an image's width), each under its own name. Nothing but a write can
 * change ctime or set it back, so a file with the state recorded holds the
 * bytes a fact was read from, if it had settled when they were read
 * (SETTLED_NS); a nothing-changed build then reads none of its gigabytes,
 * and a build of one new issue opens none of the images it does not link.
 */
export class FileDigests {
  /** The files asked after in this run: only theirs are kept (a file removed since is forgotten). */
  private readonly used = new Set<string>();
  /** Whether a file was read (a fact made or forgotten) since they were read in. */
  changed = false;

  private constructor(private readonly known: Map<string, Known>) {}

  static empty(): FileDigests {
    return new FileDigests(new Map());
  }

  /** The facts a cache folder keeps; none when the file is missing, damaged or of another form. */
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
    return this.hashed(path, fd, slice).digest;
  }

  /**
   * The digest (as `of`) and how many bytes it is of: the size of the
   * file when it was hashed, which a server streaming the file later
   * compares with its size then to tell it has been written to since.
   */
  hashed(path: string, fd: number, slice: Buffer = (ownSlice ??= Buffer.alloc(1024 * 1024))): { digest: string; size: number } {
    const stat = fstatSync(fd, { bigint: true });
    // A kept digest is of a file of the size in its state (one that changed while read is not kept).
    let total = stat.size;
    const digest = this.fact(path, DIGEST, stat, isDigest, () => {
      const hash = createHash("sha256");
      total = 0n;
      for (let read = readSync(fd, slice); read > 0; read = readSync(fd, slice)) {
        hash.update(slice.subarray(0, read));
        total += BigInt(read);
      }
      const value = `sha256:${hash.digest("hex")}`;
      return total === stat.size ? { value, keep: true } : { value: `${value}:changing ${total}`, keep: false };
    });
    return { digest, size: Number(total) };
  }

  /**
   * The fact `name` of the file at `path` whose state is `stat` (the
   * caller's fstat or lstat of it): as kept, when the file is in that state
   * and had settled before the fact was read, else `derive`d now from its
   * bytes and kept for the next run. `derive` reads the file as it is and
   * says `keep: false` when what it read may not be the file in `stat`'s
   * state; `isValue` checks a kept value (the cache file may be damaged).
   */
  fact<T extends FactValue>(path: string, name: string, stat: BigIntStats, isValue: (value: unknown) => value is T, derive: () => Derived<T>): T {
    this.used.add(path);
    const state = stateOf(stat);
    const known = this.known.get(path);
    const same = known !== undefined && sameState(known, state);
    const taken = same ? known.facts[name] : undefined;
    if (taken !== undefined && BigInt(state.ctimeNs) + SETTLED_NS < BigInt(taken.takenNs) && isValue(taken.value)) return taken.value;
    const takenNs = wallClockNs();
    this.changed = true;
    const derived = derive();
    // Another state's facts are of other bytes: all go when one of this state's is read.
    const facts = same ? { ...known.facts } : {};
    if (derived.keep) facts[name] = { takenNs: String(takenNs), value: derived.value };
    else delete facts[name];
    if (Object.keys(facts).length === 0) this.known.delete(path);
    else this.known.set(path, { ...state, facts });
    return derived.value;
  }

  /** Keeps the facts of this run's files in the cache folder, for the next run. */
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

type State = Omit<Known, "facts">;

function stateOf(stat: BigIntStats): State {
  return { dev: String(stat.dev), ino: String(stat.ino), size: String(stat.size), mtimeNs: String(stat.mtimeNs), ctimeNs: String(stat.ctimeNs) };
}

function sameState(known: Known, now: State): boolean {
  return known.dev === now.dev && known.ino === now.ino && known.size === now.size && known.mtimeNs === now.mtimeNs && known.ctimeNs === now.ctimeNs;
}

function isDigest(value: unknown): value is string {
  return typeof value === "string" && /^sha256:[0-9a-f]{64}$/.test(value);
}

function isEntry(value: unknown): value is [string, Known] {
  if (!Array.isArray(value) || value.length !== 2 || typeof value[0] !== "string") return false;
  const known = value[1] as Record<string, unknown> | null;
  const fields = ["dev", "ino", "size", "mtimeNs", "ctimeNs"].every((field) => typeof known?.[field] === "string" && /^\d+$/.test(known[field] as string));
  const facts = known?.facts;
  if (!fields || typeof facts !== "object" || facts === null || Array.isArray(facts)) return false;
  return Object.values(facts).every(isTaken);
}

function isTaken(value: unknown): value is Taken {
  if (typeof value !== "object" || value === null) return false;
  const taken = value as Record<string, unknown>;
  return typeof taken.takenNs === "string" && /^\d+$/.test(taken.takenNs) && "value" in taken;
}
