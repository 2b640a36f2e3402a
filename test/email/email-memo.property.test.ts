/**
 * The email memo is a shortcut: whatever sequence of builds asks for
 * whatever emails, every answer must be exactly what finishing the email
 * from scratch gives. The generator aims at what a wrong key would confuse:
 * the same template output in another language (wrapped or not) or with
 * another links label, long English lines (wrapping shows), repeated links,
 * CJK tables, and emails that drop out of one build and come back later.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EmailMemo } from "../../src/email/email-memo.js";
import { finishBytes } from "../../src/email/email-files.js";
import { finishEmail, type EmailSource } from "../../src/email/render-email.js";

const words = fc.constantFrom("Pacemaker", "the", "cluster", "fencing", "plugin", "クラスタ", "フェンシング", "です。", "1.0.11", "<b>bold</b>");
const sentence = fc.array(words, { minLength: 1, maxLength: 30 }).map((w) => w.join(" "));
const href = fc.constantFrom("https://example.org/a", "https://example.org/b#x", "mailto:a@example.org");
const fragment = fc.oneof(
  sentence.map((s) => `<p>${s}</p>`),
  fc.tuple(sentence, href).map(([s, h]) => `<p>${s} <a href="${h}">${s.slice(0, 12)}</a></p>`),
  fc.tuple(sentence, sentence).map(([a, b]) => `<table><thead><tr><th>${a.slice(0, 10)}</th><th>項目</th></tr></thead><tbody><tr><td>${b.slice(0, 20)}</td><td>値</td></tr></tbody></table>`),
  sentence.map((s) => `<section class="block block-qa"><h3 class="block-title"><span class="block-kind">Q&amp;A</span> <a href="https://example.org/#q">${s}</a></h3><p>${s}</p></section>`),
  fc.constant("<pre><code>make install\n</code></pre>"),
);
const template = fc.array(fragment, { minLength: 1, maxLength: 5 }).map((parts) => `<!DOCTYPE html><html><head><style>p { color: #123456; } @media (max-width: 600px) { p { font-size: 15px !important; } }</style></head><body><table role="presentation" class="email-outer"><tr><td class="email-cell email-content">${parts.join("\n")}</td></tr></table></body></html>`);
const source: fc.Arbitrary<EmailSource> = fc.record({ html: template, lang: fc.constantFrom("ja", "en", "zh-TW"), linksLabel: fc.constantFrom("Links", "リンク") });

describe("EmailMemo", () => {
  it("property: every answer equals finishing the email from scratch, across builds", () => {
    fc.assert(
      fc.property(fc.array(source, { minLength: 1, maxLength: 4 }), fc.array(fc.array(fc.nat(), { maxLength: 6 }), { minLength: 1, maxLength: 4 }), (pool, builds) => {
        // Builds pick from a small pool (with variants of the same html), so hits, misses and returns after a gap all happen.
        const variants = pool.flatMap((s) => [s, { ...s, lang: s.lang === "en" ? "ja" : "en" }, { ...s, linksLabel: `${s.linksLabel}!` }]);
        const memo = new EmailMemo();
        for (const picks of builds) {
          memo.nextBuild();
          for (const pick of picks) {
            const asked = variants[pick % variants.length] as EmailSource;
            const got = memo.get(asked, finishBytes);
            const plain = finishEmail(asked);
            expect(Buffer.from(got.html).toString("utf8")).toBe(plain.html);
            expect(Buffer.from(got.text).toString("utf8")).toBe(plain.text);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it("reuses within and across consecutive builds, and forgets what a build did not ask for", () => {
    const a: EmailSource = { html: "<p>a</p>", lang: "en", linksLabel: "Links" };
    const b: EmailSource = { html: "<p>b</p>", lang: "en", linksLabel: "Links" };
    const memo = new EmailMemo();
    let finished = 0;
    const finish = (s: EmailSource) => (finished++, finishBytes(s));
    memo.nextBuild();
    memo.get(a, finish);
    memo.get(b, finish);
    memo.get(a, finish);
    expect([finished, memo.stats.reused]).toEqual([2, 1]);
    memo.nextBuild();
    memo.get(a, finish);
    expect([finished, memo.stats.reused]).toEqual([2, 1]);
    memo.nextBuild();
    memo.get(b, finish);
    expect(finished).toBe(3);
  });
});
