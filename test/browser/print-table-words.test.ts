/**
 * The release list printed. On paper a table cannot scroll, so its cells
 * may break a word anywhere rather than run past the paper's edge; but
 * that let the table squeeze every column towards one character, and the
 * list printed Pacemake / r, コンポーネ / ント, バージ / ョン, アナウ / ンス
 * although the paper had room for them. The site's own short words in the
 * table (its headers, statuses and dates) are printed whole, and a component
 * name under them is not cut. Chromium prints /releases/ (A4, print media)
 * and Poppler's pdftotext reads back each word printed: a word cut at a
 * line's end comes back as two. The oracle is the paper against the page's
 * text: each word below is printed whole as often as the page holds it.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfWords } from "../helpers/pdf-words.js";
import { servedSampleCopy } from "../helpers/served-copy.js";
import { tempDir, type TempDir } from "../helpers/temp-site.js";

const site = servedSampleCopy("gekkan-print-table-words-", async () => {});

let pdfDir: TempDir | undefined;
beforeAll(() => {
  pdfDir = tempDir("print-table-words-");
});
afterAll(() => {
  pdfDir?.remove();
});

describe("the release list printed", () => {
  it.each([
    ["releases/", ["コンポーネント", "バージョン", "状態", "日付", "掲載号", "アナウンス", "リリース予定", "Pacemaker", "Resource", "Agents"]],
    ["en/releases/", ["Component", "Version", "Status", "Date", "Issue", "announcement", "planned", "Pacemaker", "Resource", "Agents"]],
  ])("/%s prints its headers, statuses and component names whole", async (path, words) => {
    const file = join(pdfDir?.path ?? "", `${path.replace(/\W+/g, "-")}.pdf`);
    const onPage = await site.withPage({ width: 1280, height: 900 }, async (page) => {
      await site.open(page, path);
      // The words of the page's text (the table and the lines above it), as the paper should hold them.
      const texts = await page.$$eval("main h1, main p, .reference-table :is(th, td)", (els) => els.map((el) => el.textContent ?? ""));
      await page.pdf({ path: file, format: "A4", margin: { top: "15mm", right: "15mm", bottom: "15mm", left: "15mm" } });
      return texts;
    });
    const printed = pdfWords(file).words.map((w) => w.text);
    const count = (tokens: string[], word: string): number => tokens.filter((t) => t === word).length;
    const tokens = onPage.flatMap((cell) => cell.split(/\s+/));
    const expected = Object.fromEntries(words.map((word) => [word, count(tokens, word)]));
    // Every word is on the page (a word the sample lost would prove nothing).
    expect(Object.values(expected).filter((n) => n === 0)).toEqual([]);
    expect(Object.fromEntries(words.map((word) => [word, count(printed, word)]))).toEqual(expected);
  });
});
