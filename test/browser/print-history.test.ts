/**
 * The STONITH table printed. A device whose plugin was given again in a
 * later issue keeps its earlier statements in a folded <details>
 * (以前の情報, "Earlier statements"); on paper, which cannot be tapped open,
 * only its summary was printed, a bare "▶ 以前の情報", and the earlier issue
 * and plugin were missing. The sample site's HP iLO3 was first given in the
 * April issue and again in May. Chromium prints the page to PDF (A4, print
 * media) and Poppler's pdftotext reads it back: the oracle is the paper.
 */
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfWords, squeezed } from "../helpers/pdf-words.js";
import { servedSampleCopy } from "../helpers/served-copy.js";
import { tempDir, type TempDir } from "../helpers/temp-site.js";

const site = servedSampleCopy("gekkan-print-history-", async () => {});

let pdfDir: TempDir | undefined;
beforeAll(() => {
  pdfDir = tempDir("print-history-");
});
afterAll(() => {
  pdfDir?.remove();
});

/** The page at `path` printed to PDF, its text with white space taken out. */
async function printedText(path: string): Promise<string> {
  const file = join(pdfDir?.path ?? "", `${path.replace(/\W+/g, "-")}.pdf`);
  await site.withPage({ width: 1280, height: 900 }, async (page) => {
    await site.open(page, path);
    await page.pdf({ path: file, format: "A4", margin: { top: "15mm", right: "15mm", bottom: "15mm", left: "15mm" } });
  });
  return squeezed(pdfWords(file));
}

describe("a STONITH device's earlier statements, printed", () => {
  it.each([
    ["stonith/", "以前の情報", "2011年4月号:ipmi"],
    ["en/stonith/", "Earlierstatements", "April2011:ipmi"],
  ])("/%s prints them under their summary, not the summary alone", async (path, summary, earlier) => {
    const text = await printedText(path);
    // The row itself: HP iLO3, given in May.
    expect(text).toContain("HPiLO3");
    expect(text).toContain(`${summary}${earlier}`);
    expect(text).not.toContain("▶");
  });
});
