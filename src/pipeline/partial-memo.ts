import { Hash, RenderTag, Tag, type Context, type Emitter, type Liquid, type TagToken, type TopLevelToken } from "liquidjs";
import { digest } from "../incremental/digest.js";
import { exactJson } from "../incremental/exact-json.js";
import { DamagedCacheError, type Memo } from "../incremental/memo.js";
import { dataDigest } from "./render-pages.js";
import { ByteEmitter, liquidText } from "../render/byte-emitter.js";

type Parser = ConstructorParameters<typeof RenderTag>[3];

/**
 * `{% render "partial", name: value, … %}` through a memo. Liquid's
 * `render` gives the partial a scope of its own: it sees the arguments and
 * nothing else, so its output is a function of the partial's files (in the
 * page fingerprint) and the argument values. A page listing every issue
 * renders the issue-card partial once per issue, and the same cards recur
 * on many pages; each card's HTML is made once, and kept for the next run.
 * A reference page renders each of its rows through a partial: when one
 * issue is added, only the new rows are made.
 *
 * Only what can be named exactly is memoised: a quoted partial name with
 * `name: value` arguments (no `with`/`for`), whose values are plain data
 * named by their exact JSON (exact-json.ts), cards and rows a view made
 * (named by their digest, shared with the page keys) or the locale strings
 * (`known`). Any other call, or one whose arguments Liquid cannot evaluate,
 * renders as Liquid renders it.
 */
export function memoisePartials(liquid: Liquid, fingerprint: string, memo: Memo | undefined, known: ReadonlyMap<object, string>): void {
  const fragments = fragmentStore(memo);
  keepUnderFingerprint(memo, fingerprint);
  liquid.registerTag("render", class extends Tag {
    private readonly plain: RenderTag;
    private readonly file: string | undefined;
    private readonly hash: Hash | undefined;

    constructor(token: TagToken, remainTokens: TopLevelToken[], engine: Liquid, parser: Parser) {
      super(token, remainTokens, engine);
      this.plain = new RenderTag(token, remainTokens, engine, parser);
      const simple = SIMPLE_CALL.exec(token.args);
      this.file = simple?.[1];
      this.hash = simple === null ? undefined : new Hash(simple[2] ?? "", engine.options.keyValueSeparator);
    }

    *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      let args: Record<string, unknown> | undefined;
      try {
        args = this.hash === undefined ? undefined : ((yield this.hash.render(ctx)) as Record<string, unknown>);
      } catch {
        // An argument Liquid cannot evaluate: the plain tag fails with Liquid's own message and place in the template.
        args = undefined;
      }
      const key = args === undefined || this.file === undefined ? undefined : fragmentKey(fingerprint, this.file, args, known);
      if (key === undefined) {
        yield this.plain.render(ctx, emitter);
        return;
      }
      // Into a page's own output (not a capture), a stored fragment goes as its bytes.
      if (emitter instanceof ByteEmitter && spliced(emitter, fragments.bytes(key))) return;
      let html = fragments.get(key);
      if (html === undefined) {
        const capture: Emitter = { buffer: "", write(value: unknown) { this.buffer += liquidText(value); } };
        yield this.plain.render(ctx, capture);
        html = capture.buffer;
        fragments.set(key, html);
      }
      emitter.write(html);
    }
  });
}

/** Writes a stored fragment's bytes; false when there are none to write. */
function spliced(emitter: ByteEmitter, bytes: Uint8Array | undefined): boolean {
  if (bytes !== undefined) emitter.writeBytes(bytes);
  return bytes !== undefined;
}

/** A quoted partial name, then only `name: value` pairs whose values are one simple token (a variable path, a number, a word). */
const SIMPLE_CALL = /^\s*"([^"{}\\]+)"\s*((?:,\s*[A-Za-z_][\w-]*\s*:\s*[\w.-]+\s*)*)$/;

/** The fragment's key, or undefined when an argument cannot be named exactly. */
function fragmentKey(fingerprint: string, file: string, args: Record<string, unknown>, known: ReadonlyMap<object, string>): string | undefined {
  const parts = [fingerprint, file];
  const standIn = (object: object) => {
    const name = known.get(object);
    return name === undefined ? dataDigest(object) : `\u0000${name}`;
  };
  for (const [name, value] of Object.entries(args)) {
    // A card or row stands in by its digest (shared with the page keys); other plain values by their exact JSON.
    const named = exactJson(value, standIn);
    if (named === undefined) return undefined;
    parts.push(name, named);
  }
  return digest("gekkan-partial-2", ...parts);
}

/**
 * Every fragment kept under this fingerprint is still good: kept even by a
 * run that reuses whole pages and reads none of them (a pack store prunes
 * what a run did not use, and the next month's build would render every
 * row again). Under a new fingerprint the old fragments can never be read
 * again: the first run leaves the marker and drops them.
 */
function keepUnderFingerprint(memo: Memo | undefined, fingerprint: string): void {
  if (memo === undefined) return;
  const marker = digest("gekkan-partials-of", fingerprint);
  if (memo.stored?.(marker) !== undefined) {
    memo.unused?.("keep");
    return;
  }
  memo.unused?.("drop");
  void memo(marker, () => new Uint8Array([1])).catch(() => undefined);
}

interface FragmentStore {
  /** A fragment as text: made in this run, or stored (decoded once). */
  get: (key: string) => string | undefined;
  /** A stored fragment as its bytes, unless this run made or decoded it (then `get`). */
  bytes: (key: string) => Uint8Array | undefined;
  set: (key: string, html: string) => void;
}

/** Fragments of this run in memory, over the memo's stored ones (read synchronously: Liquid renders pages synchronously). */
function fragmentStore(memo: Memo | undefined): FragmentStore {
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
      run.set(key, html);
      // A fragment that cannot be kept only makes the next build slower.
      void memo?.(key, () => Buffer.from(html, "utf8"), { replace: true }).catch(() => undefined);
    },
  };
}
