/** A record key: a sha256, named by its lowercase hex. */
export const KEY_BYTES = 32;

/** Where a record's payload is in its pack, and its checksum. */
export interface PackSlot {
  start: number;
  end: number;
  checksum: number;
}

/** One slot in a table: [32-byte key][f64 start][u32 length][u32 checksum]. */
export const ENTRY_BYTES = KEY_BYTES + 16;

/**
 * The slots of a pack by key. A pack holds tens of thousands of records and
 * a build looks up only some of them, so the slots from its index stay one
 * buffer of entries sorted by key, looked up in place, instead of a map of
 * as many strings and objects made at every open. Keys are sha256s, evenly
 * spread, so a directory of the keys' first bits narrows a lookup to one or
 * two entries. What changes after that (records scanned or appended, a
 * damaged one dropped) is a small map over the table; writing the index
 * merges the two back into one sorted table.
 */
export class SlotTable {
  private readonly changes = new Map<string, PackSlot | null>();
  private lastKey = "";
  private lastAt = -1;
  private live: number;
  private readonly shift: number;
  private readonly buckets: Uint32Array;

  /** `sorted`: entries in strictly increasing key order (see SlotTable.of). */
  private constructor(private readonly sorted: Buffer) {
    const count = sorted.length / ENTRY_BYTES;
    this.live = count;
    const bits = Math.min(16, Math.max(1, Math.ceil(Math.log2(count + 1))));
    this.shift = 32 - bits;
    this.buckets = new Uint32Array((1 << bits) + 1);
    let at = 0;
    for (let bucket = 0; bucket < 1 << bits; bucket++) {
      this.buckets[bucket] = at;
      while (at < count && sorted.readUInt32BE(at * ENTRY_BYTES) >>> this.shift === bucket) at++;
    }
    this.buckets[1 << bits] = count;
  }

  static empty(): SlotTable {
    return new SlotTable(Buffer.alloc(0));
  }

  /** A table over `sorted` (not copied), or undefined when its keys do not rise strictly: a lookup relies on the order. */
  static of(sorted: Buffer): SlotTable | undefined {
    for (let at = ENTRY_BYTES; at < sorted.length; at += ENTRY_BYTES) {
      // Mostly told apart by their first four bytes; only equal ones are compared whole.
      const before = sorted.readUInt32BE(at - ENTRY_BYTES);
      const first = sorted.readUInt32BE(at);
      if (first < before || (first === before && sorted.compare(sorted, at - ENTRY_BYTES, at - ENTRY_BYTES + KEY_BYTES, at, at + KEY_BYTES) <= 0)) return undefined;
    }
    return new SlotTable(sorted);
  }

  get size(): number {
    return this.live;
  }

  get(key: string): PackSlot | undefined {
    const changed = this.changed(key);
    if (changed !== undefined) return changed ?? undefined;
    const at = this.find(key);
    return at < 0 ? undefined : slotAt(this.sorted, at);
  }

  has(key: string): boolean {
    const changed = this.changed(key);
    return changed === undefined ? this.find(key) >= 0 : changed !== null;
  }

  set(key: string, slot: PackSlot): void {
    assertKey(key);
    if (!this.has(key)) this.live++;
    this.changes.set(key, slot);
  }

  delete(key: string): void {
    if (!this.has(key)) return;
    this.live--;
    this.changes.set(key, null);
  }

  /** Every key, in key order. */
  *keys(): Generator<string> {
    const table = this.table();
    for (let at = 0; at < table.length; at += ENTRY_BYTES) yield table.toString("hex", at, at + KEY_BYTES);
  }

  /** Every slot as one sorted table (the index's body). */
  table(): Buffer {
    if (this.changes.size === 0) return this.sorted;
    const out = Buffer.allocUnsafe(this.sorted.length + this.changes.size * ENTRY_BYTES);
    let written = 0;
    let from = 0;
    for (const key of [...this.changes.keys()].sort()) {
      parse(key);
      const at = this.lowerBound();
      written += this.sorted.copy(out, written, from * ENTRY_BYTES, at * ENTRY_BYTES);
      from = this.holds(at) ? at + 1 : at;
      const slot = this.changes.get(key);
      if (slot) written = writeEntry(out, written, key, slot);
    }
    written += this.sorted.copy(out, written, from * ENTRY_BYTES);
    return out.subarray(0, written);
  }

  /** What changed for `key` since the table was read: a slot, null when dropped, undefined when nothing did. */
  private changed(key: string): PackSlot | null | undefined {
    // Most lookups are in a table nothing has changed yet: an empty map need not hash the key.
    return this.changes.size === 0 ? undefined : this.changes.get(key);
  }

  private get count(): number {
    return this.sorted.length / ENTRY_BYTES;
  }

  /** The entry holding `key` in the sorted table, or -1. */
  private find(key: string): number {
    // A store asks whether it holds a key, then reads it: the sorted table never changes, so the last answer stands.
    if (key === this.lastKey) return this.lastAt;
    const at = this.count === 0 || !parse(key) ? -1 : this.lowerBound();
    this.lastKey = key;
    this.lastAt = at >= 0 && this.holds(at) ? at : -1;
    return this.lastAt;
  }

  /** The first entry whose key is not below the parsed key (see parse), searched within the directory bucket of its first bits. */
  private lowerBound(): number {
    const bucket = (WORDS[0] as number) >>> this.shift;
    let low = this.buckets[bucket] as number;
    let high = this.buckets[bucket + 1] as number;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.order(mid) < 0) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private holds(at: number): boolean {
    return at < this.count && this.order(at) === 0;
  }

  /** How entry `at` compares with the parsed key: negative when it comes before. */
  private order(at: number): number {
    for (let word = 0; word < WORDS.length; word++) {
      const mine = this.sorted.readUInt32BE(at * ENTRY_BYTES + word * 4);
      const theirs = WORDS[word] as number;
      if (mine !== theirs) return mine < theirs ? -1 : 1;
    }
    return 0;
  }
}

/**
 * The key last parsed, as eight big-endian words: a lookup compares numbers
 * in plain arithmetic, with no buffer or native call per key.
 */
const WORDS = new Uint32Array(KEY_BYTES / 4);

/** Each character's value as a lowercase hex digit, -1 if it is none. */
const HEX_DIGITS = Int8Array.from({ length: 128 }, (_, code) => (code >= 48 && code <= 57 ? code - 48 : code >= 97 && code <= 102 ? code - 87 : -1));

/** Parses a sha256 in lowercase hex into WORDS; false (WORDS then meaningless) when `key` is not one. */
function parse(key: string): boolean {
  if (key.length !== KEY_BYTES * 2) return false;
  for (let word = 0; word < WORDS.length; word++) {
    let value = 0;
    for (let i = word * 8; i < word * 8 + 8; i++) {
      const digit = HEX_DIGITS[key.charCodeAt(i)] ?? -1;
      if (digit < 0) return false;
      value = (value << 4) | digit;
    }
    WORDS[word] = value;
  }
  return true;
}

/** A record key is a sha256 in lowercase hex: the one rule for pack records and their index. */
export function assertKey(key: string): void {
  if (!parse(key)) throw new Error(`gekkan bug: cache key is not a sha256: ${key}`);
}

function slotAt(table: Buffer, at: number): PackSlot {
  const offset = at * ENTRY_BYTES + KEY_BYTES;
  const start = table.readDoubleLE(offset);
  return { start, end: start + table.readUInt32LE(offset + 8), checksum: table.readUInt32LE(offset + 12) };
}

function writeEntry(out: Buffer, at: number, key: string, slot: PackSlot): number {
  out.write(key, at, KEY_BYTES, "hex");
  out.writeDoubleLE(slot.start, at + KEY_BYTES);
  out.writeUInt32LE(slot.end - slot.start, at + KEY_BYTES + 8);
  out.writeUInt32LE(slot.checksum, at + KEY_BYTES + 12);
  return at + ENTRY_BYTES;
}
