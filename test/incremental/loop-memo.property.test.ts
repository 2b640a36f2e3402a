import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { memoOver } from "../../src/incremental/memo.js";
import { runsOf } from "../../src/pipeline/loop-memo.js";
import { memoisePartials } from "../../src/pipeline/partial-memo.js";
import { renderFileBytes } from "../../src/render/byte-emitter.js";
import { createLiquid } from "../../src/render/liquid.js";
import { viewData, type IssueCard } from "../../src/render/views.js";
import { ListingStore } from "../helpers/memo-store.js";
import { cardOf, ja, known, locales, outcome } from "../helpers/liquid-memo.js";

/**
 * `{% for %}` over cards and rows, kept in runs of items by the loop memo
 * (loop-memo.ts), must give exactly what Liquid gives. Oracle: the same
 * templates rendered by a Liquid without any memo. Each case renders a
 * sequence of versions of the lists through one memo store, as a site's
 * builds do month by month: an item added at the top, one taken out, one
 * changed in place, the same list again, each with fresh objects. Hard
 * shapes: lists long enough for many runs, the same card many times in a
 * list, equal cards that are other objects, an empty list with `else`,
 * loops the memo must leave alone (an argument reading `forloop`, `limit`,
 * `reversed`, an output tag or a second call in the body, plain values),
 * a loop variable that hides an outer one, an outer argument that is not
 * defined (Liquid's error, word for word), `offset: continue` after a kept
 * loop, a loop in a capture (text, not bytes), nested loops, a layout's block.
 */
const work = mkdtempSync(join(tmpdir(), "gekkan-loop-memo-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const PARTIALS: Record<string, string> = {
  "card.liquid": `<h{{ level }}><a href="{{ card.url }}">{{ card.title }}</a></h{{ level }}>{% if card.future %}{{ t.future }}{% endif %}\n`,
  "title.liquid": `<span lang="{{ card.lang }}">{{ card.title }}</span>`,
  "row.liquid": `<li>{{ row.note }} {{ row.issue.title }}</li>`,
  "plain.liquid": `[{{ word }}|{{ n }}]`,
};

const LOOPS = [
  `{%- for c in cards %}\n{% render "partials/card", card: c, t: t, level: 2 %}\n{%- endfor %}`,
  `<ul>{%- for r in rows %}<i>{% render "partials/row", row: r %}</i>{%- else %}<p>none</p>{%- endfor %}</ul>`,
  `{% for c in cards %}{% render "partials/plain", word: c.title, n: level %}{% endfor %}`,
  `{% for c in cards %}{% render "partials/plain", word: c.title, n: forloop.index %}{% endfor %}`,
  `{% for c in cards limit: 3 %}{% render "partials/title", card: c %}{% endfor %}`,
  `{% for c in cards reversed %}{% render "partials/title", card: c %}{% endfor %}`,
  `{% for c in cards %}{{ c.number }}{% render "partials/title", card: c %}{% endfor %}`,
  `{% for c in cards %}{% render "partials/title", card: c %}|{% render "partials/title", card: c %}{% endfor %}`,
  `{% for r in rows %}{% render "partials/row", row: r %}{% if forloop.index == 2 %}{% break %}{% endif %}{% endfor %}`,
  `{% for r in rows %}{% render "partials/row", row: r %}{% endfor %}{% for r in rows offset: continue %}[{{ r.note }}]{% endfor %}{% for r in rows limit: 2 %}{% render "partials/row", row: r %}{% endfor %}{% for r in rows offset: continue %}({{ r.note }}){% endfor %}`,
  `{% capture x %}{% for c in cards %}{% render "partials/title", card: c %}{% endfor %}{% endcapture %}{{ x | size }}:{{ x }}`,
  `{% for y in years %}<h2>{{ y.name }}</h2>{% for c in y.cards %}\n{% render "partials/card", card: c, t: t, level: 3 %}{% endfor %}{% endfor %}`,
  `{% for w in words %}{% render "partials/plain", word: w, n: 1 %}{% endfor %}`,
  `{% for t in cards %}{% render "partials/card", card: t, t: t, level: 1 %}{% endfor %}`,
  `{% for c in cards %}{% render "partials/plain", word: missing, n: 1 %}{% endfor %}`,
  `{% for c in cards %}{% render "partials/plain", word: c.title, n: c.missing %}{% endfor %}`,
  `{% for y in years %}{% for c in y.cards %}{% render "partials/plain", word: c.title, n: forloop.index %}{% endfor %}{% endfor %}`,
  `{% for c in cards %}{{ forloop.index }}{% render "partials/title", card: c %}{% endfor %}`,
  `{% for c in cards %}{{ level }}{% render "partials/title", card: c %}{% endfor %}`,
  `{% for c in cards %}<a>{% render "partials/title", card: c %}{% endfor %}{% for c in cards %}<b>{% render "partials/title", card: c %}{% endfor %}`,
  `{% for c in cards %}{% render "partials/card", card: c, t: t, level: 2 %}{% endfor %}{% for c in cards %}{% render "partials/card", card: c, t: t, level: 3 %}{% endfor %}`,
];

const text = fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom("<b>&</b>", "2011年7月号", '"q"', "😀", "号"));
const facts = fc.record({ title: text, date: fc.constantFrom("2011-07-01", "2027-01-01"), number: fc.integer({ min: 1, max: 400 }) });
type Facts = { title: string; date: string; number: number };


/** How one month's list differs from the last one's. */
const edit = fc.oneof(
  fc.record({ kind: fc.constant("add" as const), at: fc.nat(), item: facts }),
  fc.record({ kind: fc.constant("remove" as const), at: fc.nat() }),
  fc.record({ kind: fc.constant("change" as const), at: fc.nat(), item: facts }),
  fc.record({ kind: fc.constant("same" as const) }),
);
type Edit = { kind: "add"; at: number; item: Facts } | { kind: "remove"; at: number } | { kind: "change"; at: number; item: Facts } | { kind: "same" };

function applied(list: readonly Facts[], e: Edit): Facts[] {
  const next = [...list];
  if (e.kind === "same") return next;
  const at = list.length === 0 ? 0 : e.at % (e.kind === "add" ? list.length + 1 : list.length);
  // Half the additions at the top, as a new issue comes.
  if (e.kind === "add") next.splice(e.at % 2 === 0 ? 0 : at, 0, e.item);
  else if (list.length > 0 && e.kind === "remove") next.splice(at, 1);
  else if (list.length > 0 && e.kind === "change") next[at] = e.item;
  return next;
}

/** The data of one month: fresh objects every time; the same card object many times where a list repeats an issue number. */
function dataOf(list: readonly Facts[], word: string, month = 0): Record<string, unknown> {
  const byNumber = new Map<number, IssueCard>();
  const cards = list.map((f) => {
    const card = f.number % 7 === 0 ? byNumber.get(f.number) ?? cardOf(f) : cardOf(f);
    byNumber.set(f.number, card);
    return card;
  });
  const rows = cards.map((card, i) => viewData({ note: `${word}${i % 3}`, issue: card }));
  const years = [0, 1, 2].map((y) => ({ name: `${2011 + y}`, cards: cards.filter((_, i) => i % 3 === y) }));
  // What the loops pass besides the item changes from month to month too: a level, the locale strings.
  const t = month % 2 === 0 ? ja?.pack.strings : locales.get("en")?.pack.strings;
  return { cards, rows, years, words: list.map((f) => f.title), level: 4 + (month % 3), t };
}


let dirs = 0;
function templatesWith(page: string, layout = false): string {
  const dir = join(work, `t${dirs++}`);
  mkdirSync(join(dir, "partials"), { recursive: true });
  mkdirSync(join(dir, "layouts"));
  for (const [name, body] of Object.entries(PARTIALS)) writeFileSync(join(dir, "partials", name), body);
  writeFileSync(join(dir, "layouts", "base.liquid"), "<main>{% block content %}{% endblock %}</main>");
  writeFileSync(join(dir, "page.liquid"), layout ? `{% layout "base" %}{% block content %}${page}{% endblock %}` : page);
  return dir;
}

/** Every month's page through one store, as text and as a page's bytes, against plain Liquid. */
async function monthByMonth(dir: string, months: ReadonlyArray<Record<string, unknown>>, plainMonths: ReadonlyArray<Record<string, unknown>>): Promise<void> {
  const asText = new ListingStore();
  const asBytes = new ListingStore();
  for (const [i, data] of months.entries()) {
    const expected = outcome(() => createLiquid([dir], "/sub/").renderFileSync("page", plainMonths[i]));
    const text = createLiquid([dir], "/sub/");
    memoisePartials(text, "fp", memoOver(asText), known);
    expect(outcome(() => text.renderFileSync("page", data)), `month ${i}`).toBe(expected);
    const bytes = createLiquid([dir], "/sub/");
    memoisePartials(bytes, "fp", memoOver(asBytes), known);
    expect(outcome(() => renderFileBytes(bytes, "page", data)), `month ${i}, as bytes`).toBe(expected);
    // The memo keeps values once the run's microtasks have run, as a build's do before it saves.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe("loops through the loop memo render exactly as Liquid renders them", () => {
  it("for any loop over any lists, month after month through one store", async () => {
    await fc.assert(fc.asyncProperty(
      fc.nat(LOOPS.length - 1), fc.boolean(), fc.array(facts, { maxLength: 120 }), fc.array(edit, { minLength: 1, maxLength: 4 }), text,
      async (loop, inLayout, first, edits, word) => {
        const lists = edits.reduce<Facts[][]>((all, e) => [...all, applied(all.at(-1) ?? [], e)], [first]);
        const dir = templatesWith(LOOPS[loop] as string, inLayout);
        await monthByMonth(dir, lists.map((list, month) => dataOf(list, word, month)), lists.map((list, month) => dataOf(list, word, month)));
      },
    ), { numRuns: 250 });
  });

  it("lists of hundreds of items with the same card repeated and equal cards as other objects", async () => {
    await fc.assert(fc.asyncProperty(fc.array(facts, { minLength: 200, maxLength: 400 }), fc.nat(LOOPS.length - 1), text, async (list, loop, word) => {
      const dir = templatesWith(LOOPS[loop] as string);
      const repeated = list.map((f, i) => (i % 5 === 0 ? (list[0] as Facts) : f));
      await monthByMonth(dir, [dataOf(repeated, word), dataOf([...repeated].reverse(), word)], [dataOf(repeated, word), dataOf([...repeated].reverse(), word)]);
    }), { numRuns: 40 });
  });
});

const hex = fc.string({ unit: fc.constantFrom(..."0123456789abcdef"), minLength: 2, maxLength: 8 });

describe("the loop memo's runs", () => {
  it("cut a list where an item's name says, whatever comes before it: an item added at the top leaves the later runs as they were", () => {
    fc.assert(fc.property(fc.array(hex, { maxLength: 500 }), hex, (names, added) => {
      const runs = runsOf(names);
      // Every item in exactly one run, in order.
      expect(runs.flatMap(([from, to]) => Array.from({ length: to - from }, (_, i) => from + i))).toEqual(names.map((_, i) => i));
      for (const [from, to] of runs) expect(to - from).toBeLessThanOrEqual(128);
      // After the first item that ends a run by its name, the runs are the same with or without the new item.
      const first = names.findIndex((name) => Number.parseInt(name.slice(-2), 16) % 32 === 0);
      const tail = (list: readonly string[], start: number) => runsOf(list).filter(([from]) => from >= start).map(([from, to]) => list.slice(from, to).join(" "));
      if (first >= 0) expect(tail([added, ...names], first + 2)).toEqual(tail(names, first + 1));
    }), { numRuns: 300 });
  });

  it("a month with one new card at the top of 300 reads a few stored runs, not 300 fragments", async () => {
    const dir = templatesWith(LOOPS[0] as string);
    const reads = { count: 0 };
    const store = new (class extends ListingStore {
      override get(key: string) {
        reads.count++;
        return super.get(key);
      }
    })();
    const list = Array.from({ length: 300 }, (_, i) => ({ title: `第${i}号`, date: "2011-07-01", number: i + 1 }));
    const render = async (items: readonly Facts[]) => {
      const liquid = createLiquid([dir], "/sub/");
      memoisePartials(liquid, "fp", memoOver(store), known);
      const html = renderFileBytes(liquid, "page", dataOf(items, "w"));
      await new Promise((resolve) => setImmediate(resolve));
      return html;
    };
    await render(list);
    reads.count = 0;
    const next = [{ title: "新しい号", date: "2011-08-01", number: 301 }, ...list];
    const html = await render(next);
    expect(Buffer.from(html).toString("utf8")).toBe(createLiquid([dir], "/sub/").renderFileSync("page", dataOf(next, "w")));
    // One run per ~32 items, plus the items of the run the new card joined (at most 128).
    expect(reads.count).toBeGreaterThan(0);
    expect(reads.count).toBeLessThan(150);
  });
});
