import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emailText } from "../../src/email/email-text.js";

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
});
