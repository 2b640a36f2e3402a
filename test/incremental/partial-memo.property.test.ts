import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { Drop } from "liquidjs";
import { afterAll, describe, expect, it } from "vitest";
import { memoOver } from "../../src/incremental/memo.js";
import { memoisePartials } from "../../src/pipeline/partial-memo.js";
import { dataDigest } from "../../src/pipeline/render-pages.js";
import { renderFileBytes } from "../../src/render/byte-emitter.js";
import { createLiquid } from "../../src/render/liquid.js";
import { viewData, type IssueCard } from "../../src/render/views.js";
import { ListingStore } from "../helpers/memo-store.js";
import { cardOf, ja, known, outcome } from "../helpers/liquid-memo.js";

/**
 * `{% render %}` through the partial memo must give exactly what Liquid
 * gives. Oracle: the same templates rendered by a Liquid without the memo.
 * Each case renders twice through one memo store (a cold run, then a warm
 * one reading what the first kept), with fresh card objects each time. Hard
 * shapes: a partial called many times with the same card, equal cards that
 * are other objects, cards differing in one field, rows holding cards,
 * `with`/`for` calls, a partial rendering a partial, an argument passed or
 * left out, strings with markup to escape; and for row arguments named by
 * their JSON, values whose JSON is alike while Liquid reads them differently
 * (NaN and null, "1" and 1, a hole and null, a Date and its text,
 * a class instance, a function, a string that looks like a stand-in).
 *
 * A page renders into an emitter that takes a stored fragment as its bytes
 * (byte-emitter.ts): each case is also rendered that way, cold and warm, and
 * must give the UTF-8 of Liquid's text. Hard shapes for it: a fragment
 * captured and filtered (`{% capture %}`, where it must be text), fragments
 * in a layout's block and its `block.super`, fragments whose text starts
 * or ends with an astral or CJK character right beside the page's own text.
 * (Lone surrogates never reach a template: author text is made well formed
 * where it is read, see well-formed.test.ts.)
 */
const work = mkdtempSync(join(tmpdir(), "gekkan-partial-memo-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const PARTIALS: Record<string, string> = {
  "card.liquid": `<h{{ level }}><a href="{{ card.url }}">{{ card.title }}</a></h{{ level }}>{% if card.future %}{{ t.future }}{% endif %}{% render "partials/title", card: card %}`,
  "title.liquid": `{% unless card.labelInTitle %}{{ card.label }} · {% endunless %}<span lang="{{ card.lang }}">{{ card.title }}</span>`,
  "row.liquid": `<li>{{ row.note }} {{ row.issue.title }}</li>`,
  "plain.liquid": `[{{ word }}|{{ n }}]`,
  "bare.liquid": `{{ word }}`,
};

const CALLS = [
  `{% render "partials/card", card: c, t: t, level: 2 %}`,
  `{% render "partials/card", card: c, t: t, level: 3 %}`,
  `{% render "partials/title", card: c %}`,
  `{% render "partials/row", row: r %}`,
  `{% render "partials/plain", word: w, n: 7 %}`,
  `{% render "partials/plain", word: w %}`,
  `{% render "partials/title" with c as card %}`,
  `{% render "partials/row" for rows as row %}`,
  `{% capture x %}{% render "partials/title", card: c %}{% endcapture %}{{ x | size }}:{{ x | upcase }}`,
  `{{ w }}{% render "partials/bare", word: w %}{{ w }}{% render "partials/bare", word: w %}`,
];

const text = fc.oneof(fc.string({ maxLength: 5 }), fc.constantFrom("<b>&</b>", "2011年7月号", '"q"', "😀", "😀a😀", "号", "é"));
const facts = fc.record({ title: text, date: fc.constantFrom("2011-07-01", "2027-01-01"), number: fc.integer({ min: 1, max: 3 }) });



/** Prints a value every way a partial can read it without a strict read of something missing: as text, item by item three levels down, as JSON, as a divisor. */
const SHOW = `({{ v }})<{% for x in v %}{{ x }};{% for y in x %}{{ y }},{% for z in y %}{{ z }}.{% endfor %}{% endfor %}{% endfor %}>[{{ v | json }}]{{ 1 | divided_by: v }}`;

/** A Liquid drop: JSON sees its fields, Liquid its valueOf (from the prototype). */
class Instance extends Drop {
  a = 1;
  override valueOf(): string {
    return "what Liquid sees";
  }
}

/**
 * Pairs of values whose JSON is alike (or, for a naive stand-in, equal) while
 * Liquid reads them differently, or that are equal while being other objects.
 * Made fresh on every call.
 */
const CONFUSABLE: Array<[string, (cards: readonly IssueCard[]) => [unknown, unknown]]> = [
  ["NaN/null", () => [NaN, null]],
  ["Infinity/null", () => [Infinity, null]],
  ["text/number", () => ["1", 1]],
  ["hole/null", () => [[, 1], [null, 1]]],
  ["undefined item/null", () => [[undefined], [null]]],
  ["Date/text", () => [new Date("2011-07-01T00:00:00Z"), "2011-07-01T00:00:00.000Z"]],
  ["instance/object", () => [new Instance(), { a: 1 }]],
  ["function/none", () => [{ a: 1, toLiquid: () => "a function" }, { a: 1 }]],
  ["card/its stand-in as text", (cards) => [cards[0], `\u0000${dataDigest(cards[0] as object) ?? ""}`]],
  ["card/a plain copy", (cards) => [cards[0], { ...cards[0] }]],
  ["locale strings/their name as text", () => [ja?.pack.strings, "\u0000=locale:ja"]],
  ["view data/the same plain", () => [viewData({ b: "x" }), { b: "x" }]],
  ["equal rows", (cards) => [viewData({ a: cards[0], b: [1] }), viewData({ a: cards[0], b: [1] })]],
];

/** Where the pair sits in the argument: alone, in an array, in an object, deeper, in view data. */
const SKELETONS: Array<(x: unknown) => unknown> = [
  (x) => x,
  (x) => [x],
  (x) => [1, x],
  (x) => ({ a: x }),
  (x) => ({ a: { a: x } }),
  (x) => viewData({ b: x }),
  (x) => viewData([viewData({ a: x })]),
];

/**
 * The page rendered by plain Liquid (the oracle), then through the memo twice
 * over one store, cold and warm, with fresh data each time: the same HTML or
 * the same error every time.
 */
async function plainThenMemo(dir: string, data: () => Record<string, unknown>): Promise<{ expected: string; store: ListingStore }> {
  const expected = outcome(() => createLiquid([dir], "/sub/").renderFileSync("page", data()));
  const store = new ListingStore();
  const asBytes = new ListingStore();
  for (const run of ["cold", "warm"]) {
    const liquid = createLiquid([dir], "/sub/");
    memoisePartials(liquid, "fp", memoOver(store), known);
    expect(outcome(() => liquid.renderFileSync("page", data())), run).toBe(expected);
    // As a page renders: stored fragments go in as bytes (in the warm run).
    const pages = createLiquid([dir], "/sub/");
    memoisePartials(pages, "fp", memoOver(asBytes), known);
    expect(outcome(() => renderFileBytes(pages, "page", data())), `${run}, as bytes`).toBe(expected);
    // The memo keeps values once the run's microtasks have run, as a build's do before it saves.
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { expected, store };
}

let dirs = 0;
function templatesWith(page: string): string {
  const dir = join(work, `t${dirs++}`);
  mkdirSync(join(dir, "partials"), { recursive: true });
  for (const [name, body] of Object.entries(PARTIALS)) writeFileSync(join(dir, "partials", name), body);
  writeFileSync(join(dir, "page.liquid"), page);
  return dir;
}

describe("partials through the memo render exactly as Liquid renders them", () => {
  it("for any page of render calls over cards, rows and plain values, cold and warm", async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(fc.tuple(fc.nat(CALLS.length - 1), fc.nat(3), fc.nat(3)), { minLength: 1, maxLength: 10 }), fc.array(facts, { minLength: 1, maxLength: 4 }), text,
      async (calls, cardFacts, word) => {
        // Each call picks a card and a row by index; `{% for %}` over them puts the same card in many calls.
        const page = `{% for c in cards %}{% assign r = rows[forloop.index0] %}${calls.map(([call, ci]) => `{% if forloop.index0 == ${ci} %}${CALLS[call]}{% endif %}`).join("")}{% endfor %}`;
        const dir = templatesWith(page);
        const data = () => {
          const cards = cardFacts.map(cardOf);
          const rows = cards.map((card, i) => ({ note: `${word}${i}`, issue: card }));
          return { cards, rows, w: word, t: ja.pack.strings };
        };
        const { expected, store } = await plainThenMemo(dir, data);
        // Not a memo that never keeps anything: a card call that ran left its fragment.
        if (expected.startsWith("ok") && calls.some(([call, ci]) => call < 3 && ci < cardFacts.length)) expect(store.values.size).toBeGreaterThan(0);
      },
    ), { numRuns: 150 });
  });

  it("in a layout's blocks and block.super, cold and warm, as text and as bytes", async () => {
    await fc.assert(fc.asyncProperty(fc.array(facts, { minLength: 1, maxLength: 3 }), text, async (cardFacts, word) => {
      const dir = templatesWith(`{% layout "base" %}{% block content %}{{ block.super }}{% for c in cards %}{{ w }}{% render "partials/title", card: c %}{% endfor %}{% endblock %}`);
      mkdirSync(join(dir, "layouts"));
      writeFileSync(join(dir, "layouts", "base.liquid"), `<main>{% block content %}[{% render "partials/bare", word: w %}]{% endblock %}</main>{% render "partials/bare", word: w %}`);
      const { expected } = await plainThenMemo(dir, () => ({ cards: cardFacts.map(cardOf), w: word }));
      expect(expected.startsWith("ok")).toBe(true);
    }), { numRuns: 60 });
  });

  it("for any row argument, however close its JSON is to another's, cold and warm", async () => {
    const dir = templatesWith(`{% render "partials/show", v: v0 %}|{% render "partials/show", v: v1 %}|{% render "partials/show", v: v2 %}|{% render "partials/show", v: v0 %}`);
    writeFileSync(join(dir, "partials", "show.liquid"), SHOW);
    const pair = fc.nat(CONFUSABLE.length - 1);
    const place = fc.nat(SKELETONS.length - 1);
    await fc.assert(fc.asyncProperty(pair, place, place, fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()), fc.array(facts, { minLength: 1, maxLength: 2 }), async (p, at, otherAt, sides, cardFacts) => {
      const [, make] = CONFUSABLE[p] as (typeof CONFUSABLE)[number];
      // Fresh objects on every render: equal JSON from different objects.
      const data = () => {
        const cards = cardFacts.map(cardOf);
        const [one, two] = make(cards);
        const wrap = SKELETONS[at] as (x: unknown) => unknown;
        const [first, second, third] = sides.map((side) => (side ? one : two));
        return { v0: wrap(first), v1: wrap(second), v2: (SKELETONS[otherAt] as (x: unknown) => unknown)(third) };
      };
      await plainThenMemo(dir, data);
    }), { numRuns: 400 });
  });

  it("names plain rows: a row of plain data is kept as a fragment (not always rendered by plain Liquid)", async () => {
    const dir = templatesWith(`{% render "partials/row", row: r %}`);
    const store = new ListingStore();
    const liquid = createLiquid([dir], "/sub/");
    memoisePartials(liquid, "fp", memoOver(store), known);
    const card = cardOf({ title: "t", date: "2011-07-01", number: 1 });
    expect(liquid.renderFileSync("page", { r: { note: "n", issue: card } })).toContain("<li>n t</li>");
    expect(liquid.renderFileSync("page", { r: viewData({ note: "n", issue: card }) })).toContain("<li>n t</li>");
    await new Promise((resolve) => setImmediate(resolve));
    // Two fragments, and the marker of the fingerprint they were made under (see keepUnderFingerprint).
    expect(store.values.size).toBe(3);
  });

  it("a page takes a stored fragment as its bytes, undecoded, and a capture as text", async () => {
    const dir = templatesWith(`<p>{% render "partials/plain", word: w, n: 1 %}</p>{% capture x %}{% render "partials/plain", word: w, n: 1 %}{% endcapture %}{{ x | size }}`);
    const store = new ListingStore();
    const first = createLiquid([dir], "/");
    memoisePartials(first, "fp", memoOver(store), known);
    expect(first.renderFileSync("page", { w: "x" })).toBe("<p>[x|1]</p>5");
    await new Promise((resolve) => setImmediate(resolve));
    // The fragment's stored bytes replaced by bytes no decode gives back (0xff is no UTF-8): only a splice can put them in the page.
    const keys = [...store.values].filter(([, value]) => Buffer.from(value).toString("utf8") === "[x|1]").map(([key]) => key);
    expect(keys).toHaveLength(1);
    store.values.set(keys[0] as string, Buffer.from([0x5b, 0xff, 0x5d]));
    const second = createLiquid([dir], "/");
    memoisePartials(second, "fp", memoOver(store), known);
    // In the capture the fragment is text: 0xff decodes to U+FFFD, "[\uFFFD]" is 3 characters long.
    expect(renderFileBytes(second, "page", { w: "x" })).toEqual(Buffer.concat([Buffer.from("<p>["), Buffer.from([0xff]), Buffer.from("]</p>3")]));
  });

  it("a partial's file is part of the key only through the fingerprint: a new fingerprint never serves an old fragment", async () => {
    const dir = templatesWith(`{% render "partials/plain", word: w %}`);
    const store = new ListingStore();
    const render = async (fingerprint: string) => {
      const liquid = createLiquid([dir], "/");
      memoisePartials(liquid, fingerprint, memoOver(store), known);
      const html = liquid.renderFileSync("page", { w: "x" });
      return new Promise<string>((resolve) => setImmediate(() => resolve(html)));
    };
    await expect(render("one")).rejects.toThrow(/undefined variable: n/);
    writeFileSync(join(dir, "partials", "plain.liquid"), "[{{ word }}]");
    expect(await render("one")).toBe("[x]");
    writeFileSync(join(dir, "partials", "plain.liquid"), "({{ word }})");
    expect(await render("two")).toBe("(x)");
    // The same fingerprint keeps serving what it made (the fingerprint is what names the files).
    expect(await render("one")).toBe("[x]");
    // Two fragments, and the markers of the two fingerprints.
    expect(store.values.size).toBe(4);
  });
});
