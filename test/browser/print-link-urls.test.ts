/**
 * Printed links. Paper cannot be clicked, so a printed issue writes each
 * outside link's address after its text, an e-mail link's too (「編集部へメール」
 * alone printed no address to write to). A link whose text is already its
 * address (a pasted URL, `<https://…>`, `www.…`, a Japanese URL, an e-mail
 * address) printed the same long address twice, one under the other. An issue with each kind of
 * link is built and printed (emulated print media) in Chromium; the oracle
 * is what Chromium draws after each link (its ::after content): the address
 * once for a link with words, nothing more for a bare address.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { servedSampleCopy } from "../helpers/served-copy.js";

const LONG = `https://example.org/${"a".repeat(60)}/page?x=1`;
const JAPANESE = "https://ja.wikipedia.org/wiki/高可用性";

const ISSUE = `---
title: "リンクの号"
issue: 4
date: 2011-07-01
---

貼り付けた ${LONG} と、山括弧の <https://example.org/angle> と、www.example.com と、${JAPANESE} と、
[言葉のリンク](https://example.org/words) と [内部リンク](/issues/2011-04/)。
[編集部へメール](mailto:editors@example.org) と <editors@example.org>。
`;

const site = servedSampleCopy("gekkan-print-links-", (root) => writeFile(join(root, "content/issues/2011/2011-07.md"), ISSUE));

describe("a printed issue writes each outside link's address once", () => {
  it("after a link with words, and not again after a bare address", async () => {
    await site.withPage({ width: 718, height: 1000 }, async (page) => {
      await site.open(page, "issues/2011-07/");
      await page.emulateMedia({ media: "print" });
      const after = await page.$$eval(".issue-body a", (links) =>
        links.map((a) => [a.textContent ?? "", getComputedStyle(a, "::after").content] as const),
      );
      expect(after).toEqual([
        [LONG, "none"],
        ["https://example.org/angle", "none"],
        ["www.example.com", "none"],
        [JAPANESE, "none"],
        ["言葉のリンク", '" <https://example.org/words>"'],
        ["内部リンク", "none"],
        ["編集部へメール", '" <mailto:editors@example.org>"'],
        ["editors@example.org", "none"],
      ]);
    });
  });

  it("on screen, nothing is written after any link", async () => {
    await site.withPage({ width: 718, height: 1000 }, async (page) => {
      await site.open(page, "issues/2011-07/");
      const after = await page.$$eval(".issue-body a", (links) => links.map((a) => getComputedStyle(a, "::after").content));
      expect(new Set(after)).toEqual(new Set(["none"]));
    });
  });
});
