import { Hash, RenderTag, Tag, type Context, type Emitter, type Liquid, type TagToken, type TopLevelToken } from "liquidjs";
import { digest } from "../incremental/digest.js";
import { exactJson } from "../incremental/exact-json.js";
import type { Memo } from "../incremental/memo.js";
import { dataDigest } from "./render-pages.js";
import { fragmentStore, memoised, type FragmentStore, type StandIn } from "./fragment-store.js";
import { memoLoopTag, type SimpleCall } from "./loop-memo.js";

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
  const standIn = (object: object) => {
    const name = known.get(object);
    return name === undefined ? dataDigest(object) : `\u0000${name}`;
  };
  const render = memoRenderTag(fingerprint, fragments, standIn);
  liquid.registerTag("render", render);
  liquid.registerTag("for", memoLoopTag(fingerprint, fragments, standIn, (template) => (template instanceof render ? template.call : undefined)));
}

/** The memoising `render` tag; `call` says what a simple call passes (see memoLoopTag). */
function memoRenderTag(fingerprint: string, fragments: FragmentStore, standIn: StandIn) {
  return class MemoRender extends Tag {
    readonly call: SimpleCall | undefined;
    private readonly plain: RenderTag;
    private readonly hash: Hash | undefined;

    constructor(token: TagToken, remainTokens: TopLevelToken[], engine: Liquid, parser: Parser) {
      super(token, remainTokens, engine);
      this.plain = new RenderTag(token, remainTokens, engine, parser);
      this.call = simpleCall(token.args);
      this.hash = this.call === undefined ? undefined : new Hash(this.call.argsText, engine.options.keyValueSeparator);
    }

    *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
      let args: Record<string, unknown> | undefined;
      try {
        args = this.hash === undefined ? undefined : ((yield this.hash.render(ctx)) as Record<string, unknown>);
      } catch {
        // An argument Liquid cannot evaluate: the plain tag fails with Liquid's own message and place in the template.
        args = undefined;
      }
      const key = args === undefined || this.call === undefined ? undefined : fragmentKey(fingerprint, this.call.file, args, standIn);
      if (key === undefined) {
        yield this.plain.render(ctx, emitter);
        return;
      }
      yield memoised(fragments, key, emitter, (capture) => this.plain.render(ctx, capture));
    }
  };
}

/** A simple call's partial and arguments (`name: value`, each value one token), or undefined for any other call. */
function simpleCall(args: string): SimpleCall | undefined {
  const simple = SIMPLE_CALL.exec(args);
  if (simple === null) return undefined;
  const argsText = simple[2] ?? "";
  const values = [...argsText.matchAll(/([A-Za-z_][\w-]*)\s*:\s*([\w.-]+)/g)].map((m) => ({ name: m[1] as string, value: m[2] as string }));
  return { file: simple[1] as string, argsText, values };
}

/** A quoted partial name, then only `name: value` pairs whose values are one simple token (a variable path, a number, a word). */
const SIMPLE_CALL = /^\s*"([^"{}\\]+)"\s*((?:,\s*[A-Za-z_][\w-]*\s*:\s*[\w.-]+\s*)*)$/;

/** The fragment's key, or undefined when an argument cannot be named exactly. */
function fragmentKey(fingerprint: string, file: string, args: Record<string, unknown>, standIn: StandIn): string | undefined {
  const parts = [fingerprint, file];
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

