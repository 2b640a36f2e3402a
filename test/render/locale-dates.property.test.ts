import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadLocales } from "../../src/render/locale.js";

/**
 * A locale remembers the labels it formatted (a site's cards ask for the
 * same few hundred months thousands of times). Oracle: Intl itself, asked
 * afresh for every date, in UTC as calendar days are; dates asked in any
 * order, many times over, through one locale.
 */
const day = fc.date({ min: new Date("1990-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe("a locale's dates and month labels", () => {
  it("are what Intl gives for each date, however often and in whatever order they are asked", () => {
    const locales = [...loadLocales(undefined).values()];
    fc.assert(fc.property(fc.array(day, { minLength: 1, maxLength: 40 }), fc.array(fc.nat(), { maxLength: 80 }), (dates, picks) => {
      for (const locale of locales) {
        const intl = locale.pack.intl;
        for (const date of [...dates, ...picks.map((p) => dates[p % dates.length] as string)]) {
          const at = new Date(`${date}T00:00:00Z`);
          expect(locale.formatDate(date)).toBe(new Intl.DateTimeFormat(intl, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }).format(at));
          const yearMonth = new Intl.DateTimeFormat(intl, { year: "numeric", month: "long", timeZone: "UTC" }).format(at);
          expect(locale.issueLabel(date)).toBe(locale.pack.issueLabel.replaceAll("{yearMonth}", yearMonth));
        }
      }
    }), { numRuns: 100 });
  });
});
