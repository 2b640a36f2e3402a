/**
 * A <details> written in an issue (raw HTML, which README allows) had no
 * margin of its own: closed, its summary sat against the code block (or the
 * paragraph) below it. It must stand as far from what follows as one
 * paragraph stands from the next. (Open, its last paragraph's own margin
 * already keeps that room.) The oracle is
 * the layout Chromium gives: the boxes' positions on the page.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { servedSampleCopy } from "../helpers/served-copy.js";

const ISSUE = `---
title: "折りたたみの号"
issue: 4
date: 2011-07-01
---

最初の段落です。

次の段落です。

<details>
<summary>設定例を見る</summary>

折りたたまれた説明です。

</details>

\`\`\`
crm configure show
\`\`\`

<details>
<summary>もう一つ</summary>

中身です。

</details>

最後の段落です。
`;

const site = servedSampleCopy("gekkan-issue-details-", async (root) => {
  await writeFile(join(root, "content/issues/2011/2011-07.md"), ISSUE);
});

describe("a <details> in an issue", () => {
  it("closed, stands apart from what follows as a paragraph does", async () => {
    await site.withPage({ width: 375, height: 800 }, async (page) => {
      await site.open(page, "issues/2011-07/");
      const gaps = await page.evaluate(() => {
        const after = (el: Element) => el.nextElementSibling!.getBoundingClientRect().top - el.getBoundingClientRect().bottom;
        const paragraphs = [...document.querySelectorAll(".issue-body > p")];
        return { paragraph: after(paragraphs[0]!), details: [...document.querySelectorAll(".issue-body > details")].map((d) => ({ open: (d as HTMLDetailsElement).open, gap: after(d) })) };
      });
      expect(gaps.paragraph).toBeGreaterThan(10);
      expect(gaps.details.map((d) => d.open)).toEqual([false, false]);
      for (const { gap } of gaps.details) expect(gap).toBeGreaterThanOrEqual(gaps.paragraph - 1);
    });
  });
});
