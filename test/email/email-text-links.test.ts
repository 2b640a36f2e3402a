import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emailText } from "../../src/email/email-text.js";
import { growth } from "../helpers/growth.js";

const html = (hrefs: readonly string[]) => hrefs.map((href, i) => `<p><a href="${href}">link ${i}</a></p>`).join("");

describe("the plain-text email's numbered links", () => {
  it("number each address at its first link, and a repeated address keeps its number", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("https://a.example/", "https://b.example/x", "/c/", "#d", "https://e.example/?f=1"), { maxLength: 12 }), (hrefs) => {
        const text = emailText(html(hrefs), "en", "Links");
        // The oracle: first-seen order, written out by hand.
        const order: string[] = [];
        for (const href of hrefs) if (!order.includes(href)) order.push(href);
        hrefs.forEach((href, i) => expect(text).toContain(`link ${i} [${order.indexOf(href) + 1}]`));
        expect(text.endsWith(order.length === 0 ? "" : `Links:\n${order.map((href, i) => `[${i + 1}] ${href}`).join("\n")}\n`)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("an issue with thousands of addresses (a heading link each) is converted in time that grows with their number", () => {
    const pages = new Map([1_500, 3_000, 36_000].map((n) => [n, html(Array.from({ length: n }, (_, i) => `https://example.org/issues/2011-04/#user-content-h-${i}`))]));
    // Searching the list for every link: over 100.
    expect(growth((n) => emailText(pages.get(n) ?? "", "ja", "リンク"), 3_000, 36_000)).toBeLessThan(25);
  });
});
