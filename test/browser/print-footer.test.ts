/**
 * The site's footer on paper. Its feed links were already left out, but its
 * tagline (the site's description) and credit ("gekkan で生成") were
 * printed after the text, where a page that ended near a sheet's foot gave
 * them a sheet of their own: a component page of a bigger site printed its
 * eleventh sheet for "gekkan で生成" alone. The header already names the
 * site, so the footer is not printed. Each kind of page is printed to PDF by
 * Chromium (A4, print media) and read back by Poppler's pdftotext: the
 * oracle is the paper, which holds the page's own title and none of the
 * footer's words.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfWords, squeezed } from "../helpers/pdf-words.js";
import { REPO_ROOT } from "../helpers/sample-build.js";
import { servedSampleCopy } from "../helpers/served-copy.js";
import { tempDir, type TempDir } from "../helpers/temp-site.js";

const site = servedSampleCopy("gekkan-print-footer-", async () => {});

let pdfDir: TempDir | undefined;
let descriptions: string[] = [];
beforeAll(async () => {
  pdfDir = tempDir("print-footer-");
  const config = JSON.parse(await readFile(join(REPO_ROOT, "gekkan.config.json"), "utf8")) as { description: string; languages: { en: { description: string } } };
  descriptions = [config.description, config.languages.en.description].map((d) => d.replace(/\s+/g, ""));
});
afterAll(() => {
  pdfDir?.remove();
});

const squeeze = (s: string): string => s.replace(/\s+/g, "");

describe("the footer is not printed", () => {
  it.each([
    ["", "月刊 gekkan 5月号"],
    ["issues/2011-04/", "月刊 gekkan 創刊号"],
    ["en/issues/2011-04/", "Gekkan, first issue"],
    ["stonith/", "STONITH プラグイン対応表"],
    ["components/pacemaker/", "コンポーネント: Pacemaker"],
    ["archive/", "バックナンバー"],
  ])("/%s prints its own text and none of the footer's", async (path, title) => {
    const file = join(pdfDir?.path ?? "", `${path.replace(/\W+/g, "-") || "home"}.pdf`);
    const footer = await site.withPage({ width: 1280, height: 900 }, async (page) => {
      await site.open(page, path);
      const words = await page.$$eval(".site-footer p", (ps) => ps.map((p) => p.textContent ?? ""));
      await page.pdf({ path: file, format: "A4", margin: { top: "15mm", right: "15mm", bottom: "15mm", left: "15mm" } });
      return words;
    });
    const text = squeezed(pdfWords(file));
    expect(text).toContain(squeeze(title));
    // The footer as the screen shows it: its tagline and its credit.
    expect(footer.length).toBe(2);
    expect(footer.map(squeeze).filter((words) => text.includes(words))).toEqual([]);
    expect(descriptions.filter((d) => text.includes(d))).toEqual([]);
    expect(text).not.toMatch(/gekkanで生成|Builtwithgekkan/i);
  });
});
