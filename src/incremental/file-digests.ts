import { createHash } from "node:crypto";
import { fstat, fstatSync, read, readSync, type BigIntStats } from "node:fs";
import { promisify } from "node:util";
import { join } from "node:path";
import { writeFileAtomic } from "../write/atomic-file.js";
import { readRegularFile } from "../regular-file.js";

const DIGESTS_FILE = "file-digests.json";

const fstatAsync = promisify(fstat);
const readAsync = promisify(read);

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

/** How much of a file is read at once: little memory, and few enough reads that the calls cost nothing beside the hash. */
const SLICE_BYTES = 1024 * 1024;

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

/** A file's digest and how many bytes it is of. */
export interface Hashed {
  digest: string;
  size: number;
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

  private constructor(
    private readonly known: Map<string, Known>,
    private readonly yielding = false,
  ) {}

  static empty(): FileDigests {
    return new FileDigests(new Map());
  }

  /**
   * Empty, and hashing with the event loop free between slices
   * (`hashedAsync`): for `gekkan dev`, whose server must keep answering
   * while a changed video is hashed. A build has nothing else to run, and
   * the awaits would slow its hashing a little for nothing.
   */
  static yielding(): FileDigests {
    return new FileDigests(new Map(), true);
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
  of(path: string, fd: number, slice: Buffer = (ownSlice ??= Buffer.alloc(SLICE_BYTES))): string {
    return this.hashed(path, fd, slice).digest;
  }

  /**
   * The digest (as `of`) and how many bytes it is of: the size of the
   * file when it was hashed, which a server streaming the file later
   * compares with its size then to tell it has been written to since.
   */
  hashed(path: string, fd: number, slice: Buffer = (ownSlice ??= Buffer.alloc(SLICE_BYTES))): Hashed {
    const stat = fstatSync(fd, { bigint: true });
    const asked = this.ask(path, DIGEST, stat, isDigest);
    if ("kept" in asked) return { digest: asked.kept, size: Number(stat.size) };
    const hashing = sha256Slices(slice, stat.size);
    let step = hashing.next();
    while (!step.done) step = hashing.next(readSync(fd, slice, 0, slice.length, step.value));
    return { digest: asked.record(step.value), size: step.value.size };
  }

  /**
   * `hashed`, for a caller that can wait: from a store made `yielding`,
   * each slice's read is awaited, so the event loop runs between slices
   * (a second per gigabyte); from another, the same loop runs at once.
   * Yielding, it reads through its own slice: another file may be hashing meanwhile.
   */
  async hashedAsync(path: string, fd: number, given?: Buffer): Promise<Hashed> {
    if (!this.yielding) return this.hashed(path, fd, given);
    const slice = given ?? Buffer.alloc(SLICE_BYTES);
    const stat = await fstatAsync(fd, { bigint: true });
    const asked = this.ask(path, DIGEST, stat, isDigest);
    if ("kept" in asked) return { digest: asked.kept, size: Number(stat.size) };
    const hashing = sha256Slices(slice, stat.size);
    let step = hashing.next();
    while (!step.done) step = hashing.next((await readAsync(fd, slice, 0, slice.length, step.value)).bytesRead);
    return { digest: asked.record(step.value), size: step.value.size };
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
    const asked = this.ask(path, name, stat, isValue);
    return "kept" in asked ? asked.kept : asked.record(derive());
  }

  /**
   * The fact as kept (see `fact`), or how to record it once derived: the
   * time its reading began is taken now, before the caller reads a byte.
   */
  private ask<T extends FactValue>(path: string, name: string, stat: BigIntStats, isValue: (value: unknown) => value is T): { kept: T } | { record: (derived: Derived<T>) => T } {
    this.used.add(path);
    const state = stateOf(stat);
    const known = this.known.get(path);
    const taken = known !== undefined && sameState(known, state) ? known.facts[name] : undefined;
    if (taken !== undefined && BigInt(state.ctimeNs) + SETTLED_NS < BigInt(taken.takenNs) && isValue(taken.value)) return { kept: taken.value };
    const takenNs = wallClockNs();
    this.changed = true;
    return { record: (derived) => this.record(path, name, state, takenNs, derived) };
  }

  private record<T extends FactValue>(path: string, name: string, state: State, takenNs: bigint, derived: Derived<T>): T {
    // Looked up again: another fact of the file may have been recorded while this one was read.
    const known = this.known.get(path);
    // Another state's facts are of other bytes: all go when one of this state's is read.
    const facts = known !== undefined && sameState(known, state) ? { ...known.facts } : {};
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
 * Now, by the wall clock ctime is stamped with (the system's real-time
 * clock), in ns. Not the process's start time plus its monotonic time: the
 * two clocks part whenever the wall clock is stepped or slewed (NTP, a VM
 * resumed), by up to seconds over a long `gekkan dev`, and a "now" ahead of
 * the wall clock would trust a file written less than SETTLED_NS ago. Date.now
 * as it was when this module loaded, so that a test moving "today" (faking
 * Date after its imports) does not move it.
 */
function wallClockNs(): bigint {
  return BigInt(realNow()) * 1_000_000n;
}

const realNow = Date.now;

/**
 * The one way a file is hashed, whoever reads it: yields where to read the
 * next slice from and is given how many bytes the read put in `slice` (0 at
 * the end), so `hashed` drives it with readSync and `hashedAsync` with
 * awaited reads. `expected`: the size the file's state gave.
 */
function* sha256Slices(slice: Buffer, expected: bigint): Generator<number, Derived<string> & { size: number }, number> {
  const hash = createHash("sha256");
  let total = 0;
  for (let read = yield total; read > 0; read = yield total) {
    hash.update(slice.subarray(0, read));
    total += read;
  }
  const value = `sha256:${hash.digest("hex")}`;
  return BigInt(total) === expected ? { value, keep: true, size: total } : { value: `${value}:changing ${total}`, keep: false, size: total };
}

type State = Omit<Known, "facts">;

function stateOf(stat: BigIntStats): State {
  return { dev: String(stat.dev), ino: String(stat.ino), size: String(stat.size), mtimeNs: String(stat.mtimeNs), ctimeNs: String(stat.ctimeNs) };
}

/** Whether two stats are of one file in one state (as a fact is kept by): a file renamed over it, or a write, tells them apart. */
export function sameFileState(a: BigIntStats, b: BigIntStats): boolean {
  return sameState(stateOf(a), stateOf(b));
}

function sameState(known: State, now: State): boolean {
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
