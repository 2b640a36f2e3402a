import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { memoOver, type MemoStore } from "../../src/incremental/memo.js";
import { memoisePartials } from "../../src/pipeline/partial-memo.js";
import { createLiquid } from "../../src/render/liquid.js";
import { loadLocales } from "../../src/render/locale.js";
import { issueCard, type IssueCard, type ViewContext } from "../../src/render/views.js";
import type { SiteIssue } from "../../src/site/model.js";
import { routesIn } from "../../src/site/urls.js";

/**
 * `{% render %}` through the partial memo must give exactly what Liquid
 * gives. Oracle: the same templates rendered by a Liquid without the memo.
 * Each case renders twice through one memo store (a cold run, then a warm
 * one reading what the first kept), with fresh card objects each time. Hard
 * shapes: a partial called many times with the same card, equal cards that
 * are other objects, cards differing in one field, arguments the memo must
 * not name (rows, arrays), `with`/`for` calls, a partial rendering a partial,
 * an argument passed or left out, strings with markup to escape.
 */
const work = mkdtempSync(join(tmpdir(), "gekkan-partial-memo-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const locales = loadLocales(undefined);
const ja = locales.get("ja");
if (ja === undefined) throw new Error("test bug: no ja locale");
const view: ViewContext = { basePath: "/sub/", today: "2026-12-02", locale: ja, routes: routesIn("ja", "ja"), componentNames: {} };
const known = new Map([...locales].map(([code, locale]) => [locale.pack.strings as object, `=locale:${code}`]));

const PARTIALS: Record<string, string> = {
  "card.liquid": `<h{{ level }}><a href="{{ card.url }}">{{ card.title }}</a></h{{ level }}>{% if card.future %}{{ t.future }}{% endif %}{% render "partials/title", card: card %}`,
  "title.liquid": `{% unless card.labelInTitle %}{{ card.label }} · {% endunless %}<span lang="{{ card.lang }}">{{ card.title }}</span>`,
  "row.liquid": `<li>{{ row.note }} {{ row.issue.title }}</li>`,
  "plain.liquid": `[{{ word }}|{{ n }}]`,
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
];

const text = fc.oneof(fc.string({ maxLength: 5 }), fc.constantFrom("<b>&</b>", "2011年7月号", '"q"'));
const facts = fc.record({ title: text, date: fc.constantFrom("2011-07-01", "2027-01-01"), number: fc.integer({ min: 1, max: 3 }) });

function cardOf(f: { title: string; date: string; number: number }): IssueCard {
  const entry = {
    route: `issues/${f.number}/`, versions: [],
    issue: { number: f.number, title: f.title, summary: "", date: f.date, lang: "ja", tags: [], authors: [], draft: false },
    body: { cjkChars: 0, words: 10 },
  } as unknown as SiteIssue;
  return issueCard(entry, view);
}

/** A store that can say what it holds, as the build's pack store can. */
class Store implements MemoStore {
  readonly values = new Map<string, Uint8Array>();
  get(key: string) { return this.values.get(key); }
  set(key: string, value: Uint8Array) { this.values.set(key, value); }
  has(key: string) { return this.values.has(key); }
}

/** The page's HTML, or the message of the error Liquid stopped with (a strict variable left out): both must match. */
function outcome(render: () => string): string {
  try {
    return `ok ${render()}`;
  } catch (error) {
    return `error ${(error as Error).message}`;
  }
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
        const expected = outcome(() => createLiquid([dir], "/sub/").renderFileSync("page", data()));
        const store = new Store();
        for (const run of ["cold", "warm"]) {
          const liquid = createLiquid([dir], "/sub/");
          memoisePartials(liquid, "fp", memoOver(store), known);
          expect(outcome(() => liquid.renderFileSync("page", data())), run).toBe(expected);
          // The memo keeps values once the run's microtasks have run, as a build's do before it saves.
          await new Promise((resolve) => setImmediate(resolve));
        }
        // Not a memo that never keeps anything: a card call that ran left its fragment.
        if (expected.startsWith("ok") && calls.some(([call, ci]) => call < 3 && ci < cardFacts.length)) expect(store.values.size).toBeGreaterThan(0);
      },
    ), { numRuns: 150 });
  });

  it("a partial's file is part of the key only through the fingerprint: a new fingerprint never serves an old fragment", async () => {
    const dir = templatesWith(`{% render "partials/plain", word: w %}`);
    const store = new Store();
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
    expect(store.values.size).toBe(2);
  });
});
