import { ForTag, Hash, TypeGuards, evalToken, type Context, type Emitter, type Liquid, type TagToken, type Template, type TopLevelToken } from "liquidjs";
import { digest } from "../incremental/digest.js";
import { exactJson } from "../incremental/exact-json.js";
import { memoised, type FragmentStore, type StandIn } from "./fragment-store.js";

type Parser = ConstructorParameters<typeof ForTag>[3];

/** A `{% render "file", name: value, … %}` call whose values are single tokens (partial-memo.ts). */
export interface SimpleCall {
  file: string;
  /** The arguments as written, after the partial's name. */
  argsText: string;
  values: ReadonlyArray<{ name: string; value: string }>;
}

/** A loop whose output can be kept in runs of items: what names its body, and the call's arguments that are the same for every item. */
interface LoopPlan {
  signature: string;
  outer: Hash;
}

/** On average one run of items per this many items (see runsOf). */
const RUN_SPREAD = 32;
/** No run is longer: a run that must be made again is made item by item. */
const RUN_LIMIT = 128;

/**
 * `{% for x in list %}` through the fragment memo, for the loops of list
 * pages: a body of template text and one simple `render` call (nothing
 * else), no `limit`/`offset`/`reversed`, no argument reading `forloop`, over
 * a list of cards or rows a view made. Each item's output is then a
 * function of the item (named by its digest), the arguments that do not
 * read it and the body, so the loop's output is kept in runs of items, each
 * under a key made of those: a page listing thousands of rows, one of them
 * new, splices its stored runs and makes one. Where a run ends is decided
 * by its last item's digest, not by its place in the list, so a row added
 * at the top leaves every later run as it was.
 *
 * Any other loop, or a list holding anything else, renders as Liquid's
 * `for` renders it.
 */
export function memoLoopTag(fingerprint: string, fragments: FragmentStore, standIn: StandIn, callOf: (template: Template) => SimpleCall | undefined) {
  return class MemoLoop extends ForTag {
    private readonly plan: LoopPlan | undefined;

    constructor(token: TagToken, remainTokens: TopLevelToken[], engine: Liquid, parser: Parser) {
      super(token, remainTokens, engine, parser);
      this.plan = loopPlan(this, callOf, engine);
    }

    override *render(ctx: Context, emitter: Emitter): Generator<unknown, void, Template[]> {
      const keys = this.plan === undefined ? undefined : yield* this.runKeys(this.plan, ctx);
      if (keys === undefined) {
        yield super.render(ctx, emitter);
        return;
      }
      // What Liquid's `for` leaves for a later `offset: continue` over the same list.
      ctx.setRegister(`continue-${this.variable}-${this.collection.getText()}`, keys.at(-1)?.to ?? 0);
      for (const run of keys) yield memoised(fragments, run.key, emitter, (capture) => this.renderItems(ctx, capture, run.items.slice(run.from, run.to)));
    }

    /** The key of each run of the list's items; undefined when the loop must render the plain way. */
    private *runKeys(plan: LoopPlan, ctx: Context): Generator<unknown, RunKey[] | undefined, unknown> {
      let list: unknown;
      let outer: string | undefined;
      try {
        list = yield evalToken(this.collection, ctx);
        outer = exactJson(yield plan.outer.render(ctx), standIn);
      } catch {
        // Liquid's own `for` reports it, with its message and place.
        return undefined;
      }
      if (!Array.isArray(list) || list.length === 0 || outer === undefined) return undefined;
      const items = list as unknown[];
      const names: string[] = [];
      for (const item of items) {
        const name = typeof item === "object" && item !== null ? standIn(item) : undefined;
        if (name === undefined) return undefined;
        names.push(name);
      }
      // The items of a run are sliced out only when it must be made (see render): most runs are stored.
      return runsOf(names).map(([from, to]) => ({ items, from, to, key: digest("gekkan-loop-1", fingerprint, plan.signature, outer, ...names.slice(from, to)) }));
    }

    /** Items rendered through the body, as the plain loop renders each (nothing in the body reads `forloop`). */
    private *renderItems(ctx: Context, emitter: Emitter, items: readonly unknown[]): Generator<unknown, void, unknown> {
      for (const item of items) {
        ctx.push({ [this.variable]: item });
        try {
          yield this.liquid.renderer.renderTemplates(this.templates, ctx, emitter);
        } finally {
          ctx.pop();
        }
      }
    }
  };
}

interface RunKey {
  key: string;
  /** The whole list; the run is items [from, to). */
  items: readonly unknown[];
  from: number;
  to: number;
}

/** The plan for a loop that qualifies (see memoLoopTag), else undefined. */
function loopPlan(loop: ForTag, callOf: (template: Template) => SimpleCall | undefined, engine: Liquid): LoopPlan | undefined {
  if (Object.keys(loop.hash.hash).length > 0 || LITERALS.has(loop.variable)) return undefined;
  const body: unknown[] = [];
  let call: SimpleCall | undefined;
  for (const template of loop.templates) {
    if (TypeGuards.isHTMLToken(template.token)) {
      body.push(["text", template.token.getContent()]);
      continue;
    }
    if (call !== undefined) return undefined;
    call = callOf(template);
    if (call === undefined) return undefined;
    body.push(["render", call.file, call.argsText]);
  }
  if (call === undefined || call.values.some(({ value }) => rootOf(value) === "forloop")) return undefined;
  const outer = call.values.filter(({ value }) => rootOf(value) !== loop.variable).map(({ name, value }) => `, ${name}: ${value}`).join("");
  return { signature: JSON.stringify([loop.variable, body]), outer: new Hash(outer, engine.options.keyValueSeparator) };
}

/** Words Liquid reads as values, never as a variable. */
const LITERALS = new Set(["true", "false", "nil", "null", "empty", "blank"]);

function rootOf(value: string): string {
  return value.split(".")[0] ?? value;
}

/**
 * The list cut into runs [from, to): a run ends after an item whose name
 * ends in a byte divisible by RUN_SPREAD, or at RUN_LIMIT items.
 */
export function runsOf(names: readonly string[]): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let from = 0;
  names.forEach((name, i) => {
    const to = i + 1;
    if (to === names.length || to - from >= RUN_LIMIT || Number.parseInt(name.slice(-2), 16) % RUN_SPREAD === 0) {
      runs.push([from, to]);
      from = to;
    }
  });
  return runs;
}
