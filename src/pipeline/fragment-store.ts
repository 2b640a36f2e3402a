import { DamagedCacheError, type Memo } from "../incremental/memo.js";
import { ByteEmitter, liquidText } from "../render/byte-emitter.js";
import type { Emitter } from "liquidjs";

/** How an object in a fragment's arguments is named in its key (a card by its digest, the locale strings by name), or undefined. */
export type StandIn = (object: object) => string | undefined;

export interface FragmentStore {
  /** A fragment as text: made in this run, or stored (decoded once). */
  get: (key: string) => string | undefined;
  /** A stored fragment as its bytes, unless this run made or decoded it (then `get`). */
  bytes: (key: string) => Uint8Array | undefined;
  /** Keeps a fragment made in this run: as text, or as the UTF-8 a page's emitter made of it. */
  set: (key: string, html: string | Uint8Array) => void;
}

/** Fragments of this run in memory, over the memo's stored ones (read synchronously: Liquid renders pages synchronously). */
export function fragmentStore(memo: Memo | undefined): FragmentStore {
  const run = new Map<string, string>();
  const read = new Map<string, Uint8Array>();
  const stored = (key: string): Uint8Array | undefined => {
    const known = read.get(key);
    if (known !== undefined) return known;
    const reader = memo?.stored?.(key);
    if (reader === undefined) return undefined;
    try {
      const bytes = reader();
      read.set(key, bytes);
      return bytes;
    } catch (error) {
      // A damaged fragment is made again (and replaced), like any miss.
      if (error instanceof DamagedCacheError) return undefined;
      throw error;
    }
  };
  return {
    get(key) {
      const made = run.get(key);
      if (made !== undefined) return made;
      const bytes = stored(key);
      if (bytes === undefined) return undefined;
      const html = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
      run.set(key, html);
      return html;
    },
    bytes: (key) => (run.has(key) ? undefined : stored(key)),
    set(key, html) {
      if (typeof html === "string") run.set(key, html);
      else read.set(key, html);
      // A fragment that cannot be kept only makes the next build slower.
      void memo?.(key, () => (typeof html === "string" ? Buffer.from(html, "utf8") : html), { replace: true }).catch(() => undefined);
    },
  };
}

/**
 * A fragment under `key` into `emitter`: into a page's own output (not a
 * capture) a stored fragment goes as its bytes, and one made by `make` on a
 * miss is made as bytes too; into a capture it goes as its text.
 */
export function* memoised(fragments: FragmentStore, key: string, emitter: Emitter, make: (capture: Emitter) => unknown): Generator<unknown, void, unknown> {
  if (emitter instanceof ByteEmitter && spliced(emitter, fragments.bytes(key))) return;
  let html = fragments.get(key);
  if (html === undefined && emitter instanceof ByteEmitter) {
    // Made as a page makes its output: stored fragments inside it stay bytes.
    const capture = new ByteEmitter();
    yield make(capture);
    const bytes = capture.bytes();
    fragments.set(key, bytes);
    emitter.writeBytes(bytes);
    return;
  }
  if (html === undefined) {
    const capture: Emitter = { buffer: "", write(value: unknown) { this.buffer += liquidText(value); } };
    yield make(capture);
    html = capture.buffer;
    fragments.set(key, html);
  }
  emitter.write(html);
}

/** Writes a stored fragment's bytes; false when there are none to write. */
function spliced(emitter: ByteEmitter, bytes: Uint8Array | undefined): boolean {
  if (bytes !== undefined) emitter.writeBytes(bytes);
  return bytes !== undefined;
}

