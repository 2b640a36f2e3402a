/**
 * A long STONITH plugin name in the plugin table, printed. On screen the
 * table scrolls and a plugin name is never broken (nowrap); on paper,
 * which cannot scroll, it must wrap, but the screen's rule was the more
 * specific and won, so the name was printed on one line: a name longer
 * than the paper ran past its edge and was cut off. The sample site gets a
 * STONITH note with a plugin name of 150 characters; /stonith/ is laid out
 * as printed (print media, at the width of A4 less Chromium's margins) and
 * as printed to PDF. The oracles are the browser's layout (nothing wider
 * than the paper) and the paper read back by Poppler's pdftotext (the name
 * is there whole, and no word lies past the paper's margin).
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pageOverflow } from "../helpers/site-page.js";
import { pdfWords } from "../helpers/pdf-words.js";
import { servedSampleCopy } from "../helpers/served-copy.js";
import { tempDir, type TempDir } from "../helpers/temp-site.js";

const A4_PRINTABLE = 718;
const MARGIN_PT = (15 / 25.4) * 72;
const PLUGIN = `external/${Array.from({ length: 14 }, (_, i) => `plugin${i}x`).join("-")}-end`;
const ISSUE = `---\ntitle: "長いプラグイン名"\nissue: 4\ndate: 2011-07-01\n---\n\n:::stonith{device="Example BMC" plugin="${PLUGIN}" vendor="Example" hardware="Example Server"}\n:::\n`;

const site = servedSampleCopy("gekkan-print-plugin-names-", (root) => writeFile(join(root, "content/issues/2011/2011-07.md"), ISSUE));

let pdfDir: TempDir | undefined;
beforeAll(() => {
  pdfDir = tempDir("print-plugin-names-");
});
afterAll(() => {
  pdfDir?.remove();
});

describe("a plugin name longer than the paper, printed in the STONITH table", () => {
  it("wraps within the paper's width", async () => {
    expect(PLUGIN.length).toBeGreaterThan(100);
    const layout = await site.withPage({ width: A4_PRINTABLE, height: 1000 }, async (page) => {
      await page.emulateMedia({ media: "print" });
      await site.open(page, "stonith/");
      return pageOverflow(page, false);
    });
    expect(layout.wide).toEqual([]);
    expect(layout.scrollWidth).toBeLessThanOrEqual(A4_PRINTABLE);
  });

  it("is printed whole, and no word past the paper's margin", async () => {
    const file = join(pdfDir?.path ?? "", "stonith.pdf");
    await site.withPage({ width: 1280, height: 900 }, async (page) => {
      await site.open(page, "stonith/");
      await page.pdf({ path: file, format: "A4", margin: { top: "15mm", right: "15mm", bottom: "15mm", left: "15mm" } });
    });
    const pdf = pdfWords(file);
    // Its lines, in order (pdftotext reads a table's cells line by line across the row, so other cells come between).
    expect(pdf.words.filter((w) => w.text.length > 2 && PLUGIN.includes(w.text)).map((w) => w.text).join("")).toBe(PLUGIN);
    const outside = pdf.words.filter((w) => {
      const sheet = pdf.pages[w.page - 1];
      return sheet === undefined || w.xMin < MARGIN_PT - 1 || w.xMax > sheet.width - MARGIN_PT + 1;
    });
    expect(outside.map((w) => `${w.text} (${Math.round(w.xMin)}-${Math.round(w.xMax)} pt)`)).toEqual([]);
  });
});
