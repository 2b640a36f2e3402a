import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { pageKey } from "../../src/pipeline/render-pages.js";
import { loadLocales } from "../../src/render/locale.js";
import type { PageSpec } from "../../src/render/pages.js";
import { issueCard, viewData, type ViewContext } from "../../src/render/views.js";
import type { SiteIssue } from "../../src/site/model.js";
import { routesIn } from "../../src/site/urls.js";

/**
 * A page key stands an issue card in by the digest of the card's JSON (cards
 * are shared by many pages, so each is hashed once). That shortcut may never
 * make two different pages share a key, nor give one page two keys. Oracle:
 * the page's plain JSON, cards written out in full. Hard shapes: the same
 * card on several pages and several times on one, equal cards that are
 * different objects, cards differing in one field, strings that look like
 * card JSON or a digest, cards in nested rows.
 */
const locale = loadLocales(undefined).get("ja");
if (locale === undefined) throw new Error("test bug: no ja locale");
const view: ViewContext = { basePath: "/", today: "2026-12-02", lang: "ja", locale, languageName: (lang) => lang, routes: routesIn("ja", "ja"), componentNames: {} };

const text = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("", "pacemaker", '{"number":1}', "gekkan-card:00", "号"));
const issue = fc.record({
  number: fc.integer({ min: 1, max: 3 }),
  title: text,
  summary: text,
  date: fc.constantFrom("2011-04-01", "2026-12-01", "2027-01-01"),
  tags: fc.array(fc.constantFrom("pacemaker", "corosync"), { maxLength: 2 }),
  draft: fc.boolean(),
  words: fc.integer({ min: 0, max: 900 }),
});
type IssueFacts = typeof issue extends fc.Arbitrary<infer T> ? T : never;

function cardOf(facts: IssueFacts) {
  const entry = {
    route: `issues/${facts.number}/`,
    versions: [],
    issue: { number: facts.number, title: facts.title, summary: facts.summary, date: facts.date, lang: "ja", tags: facts.tags, authors: [], draft: facts.draft },
    body: { cjkChars: 0, words: facts.words },
  } as unknown as SiteIssue;
  return issueCard(entry, view);
}

/** Page data as a list page holds it: cards alone, cards inside plain rows and inside rows a view made (themselves stood in), beside other text. */
const layout = fc.array(fc.oneof(
  fc.record({ card: fc.nat(5) }),
  fc.record({ row: fc.nat(5), note: text }),
  fc.record({ viewRow: fc.nat(5), note: text, history: fc.array(fc.nat(5), { maxLength: 2 }) }),
  fc.record({ plain: text }),
), { maxLength: 6 });

type Item = { card?: number; row?: number; viewRow?: number; history?: number[]; note?: string; plain?: string };

function specOf(cards: ReturnType<typeof cardOf>[], items: Item[], route: string): PageSpec {
  const pick = (i: number) => cards[i % cards.length];
  const itemOf = (item: Item) => {
    if (item.card !== undefined) return pick(item.card);
    if (item.row !== undefined) return { issue: pick(item.row), note: item.note };
    // Like a STONITH row: view data holding cards and plain objects holding cards.
    if (item.viewRow !== undefined) return viewData({ issue: pick(item.viewRow), note: item.note, history: (item.history ?? []).map((h) => ({ issue: pick(h) })) });
    return item.plain;
  };
  const data = {
    items: items.map(itemOf),
    latest: pick(0),
  };
  return { route, template: "archive", lang: "ja", contentLang: "ja", title: "t", description: "d", type: "website", image: "", alternates: [], homes: [], data };
}

describe("page keys with cards and rows stood in by their digest", () => {
  it("two pages share a key exactly when their plain JSON (cards in full) is the same", () => {
    fc.assert(fc.property(
      fc.array(issue, { minLength: 1, maxLength: 4 }), fc.array(issue, { minLength: 1, maxLength: 4 }), layout, layout, fc.boolean(), fc.boolean(),
      (factsA, factsB, itemsA, itemsB, sameFacts, sameItems) => {
        // Often the same facts, as separate card objects, so equal JSON from different objects is common.
        const cardsA = factsA.map(cardOf);
        const cardsB = (sameFacts ? factsA : factsB).map(cardOf);
        const a = specOf(cardsA, itemsA, "archive/");
        const b = specOf(cardsB, sameItems ? itemsA : itemsB, "archive/");
        const samePlain = JSON.stringify(a) === JSON.stringify(b);
        expect(pageKey("fp", "archive/index.html", a) === pageKey("fp", "archive/index.html", b)).toBe(samePlain);
      },
    ), { numRuns: 500 });
  });

  it("a card's key follows a change in any one of its fields", () => {
    fc.assert(fc.property(issue, issue, (one, other) => {
      const base = cardOf(one);
      const page = (card: ReturnType<typeof cardOf>) => specOf([card], [{ card: 0 }, { row: 0, note: "n" }], "archive/");
      for (const field of Object.keys(one) as Array<keyof IssueFacts>) {
        const changed = cardOf({ ...one, [field]: other[field] });
        const samePlain = JSON.stringify(changed) === JSON.stringify(base);
        expect(pageKey("fp", "p", page(changed)) === pageKey("fp", "p", page(base))).toBe(samePlain);
      }
    }), { numRuns: 300 });
  });

  it("a row's key follows a change in any one of its fields, its cards' included", () => {
    const row = fc.record({ viewRow: fc.nat(3), note: text, history: fc.array(fc.nat(3), { maxLength: 2 }) });
    fc.assert(fc.property(fc.array(issue, { minLength: 1, maxLength: 3 }), row, row, fc.constantFrom("viewRow", "note", "history"), (facts, one, other, field) => {
      const cards = facts.map(cardOf);
      const changed = { ...one, [field]: other[field] };
      const a = specOf(cards, [one, { card: 0 }], "archive/");
      const b = specOf(facts.map(cardOf), [changed, { card: 0 }], "archive/");
      expect(pageKey("fp", "p", a) === pageKey("fp", "p", b)).toBe(JSON.stringify(a) === JSON.stringify(b));
    }), { numRuns: 300 });
  });

  it("a page whose data its JSON cannot name exactly has no key (it is rendered every time)", () => {
    const card = cardOf({ number: 1, title: "t", summary: "", date: "2011-04-01", tags: [], draft: false, words: 1 });
    const page = (value: unknown) => ({ ...specOf([card], [{ card: 0 }], "archive/"), data: { items: [viewData({ issue: card, value })] } });
    expect(pageKey("fp", "p", page(null))).toBeTypeOf("string");
    expect(pageKey("fp", "p", page(Number.NaN))).toBeUndefined();
    expect(pageKey("fp", "p", page([, 1]))).toBeUndefined();
    expect(pageKey("fp", "p", page(new Date(0)))).toBeUndefined();
  });
});
