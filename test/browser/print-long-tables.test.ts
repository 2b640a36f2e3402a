/**
 * A reference table longer than a sheet of paper, printed. Print kept every
 * table whole on one sheet (break-inside: avoid), which a table taller than
 * a sheet cannot be: Chromium moved it to the next sheet anyway, and then
 * broke it there, so the first sheet of the release list of a site with many
 * releases held its title alone and was otherwise blank. A reference table
 * grows with every issue: it starts under its title and breaks between its
 * rows, never inside one; but a STONITH row whose earlier statements
 * (printed open) are taller than a sheet, which kept whole left the first
 * sheet blank in the same way, breaks inside. The sample site gets an issue
 * of many releases, with titles long enough to wrap, and thirty issues that
 * each give one device's plugin again; /releases/ and /stonith/ are printed
 * to PDF by Chromium (A4, print media) and read back by Poppler's
 * pdftotext: the oracle is the paper, where each word was printed and on
 * which sheet.
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfWords, type PdfText } from "../helpers/pdf-words.js";
import { servedSampleCopy } from "../helpers/served-copy.js";
import { tempDir, type TempDir } from "../helpers/temp-site.js";

const RELEASES = 60;
const pad = (n: number): string => String(n).padStart(2, "0");

function manyReleases(): string {
  const parts = ['---\ntitle: "リリースの多い号"\nissue: 4\ndate: 2011-07-01\n---\n\n今月のリリースです。\n'];
  for (let n = 1; n <= RELEASES; n++) {
    // The row's first and last words are markers: a row cut at a sheet's foot prints them on two sheets.
    parts.push(`:::release{component="pacemaker" version="1.1.${n}" status="released" title="ROWOPEN${pad(n)} Pacemaker 1.1.${n} の新しいリリースでは、クラスタの設定を確かめるツールが改められました ROWSHUT${pad(n)}"}\nリリースされました。\n:::\n`);
  }
  return parts.join("\n");
}

/** Issues 5 to 34, each giving the same device's plugin again: its row in the STONITH table keeps them all as its earlier statements, which print open and make the row taller than a sheet. */
async function manyStatements(root: string): Promise<void> {
  for (let n = 5; n <= 34; n++) {
    const month = new Date(Date.UTC(2011, 7 + n - 5, 1));
    const [year, mm] = [month.getUTCFullYear(), pad(month.getUTCMonth() + 1)];
    await mkdir(join(root, `content/issues/${year}`), { recursive: true });
    const body = `:::stonith{device="ROWDEVICE BMC" plugin="external/ipmi-${n}" vendor="Example" hardware="Example Server"}\n:::\n`;
    await writeFile(join(root, `content/issues/${year}/${year}-${mm}.md`), `---\ntitle: "STONITH の号 ${n}"\nissue: ${n}\ndate: ${year}-${mm}-01\n---\n\n${body}`);
  }
}

const site = servedSampleCopy("gekkan-print-long-tables-", async (root) => {
  await writeFile(join(root, "content/issues/2011/2011-07.md"), manyReleases());
  await manyStatements(root);
});

let pdfDir: TempDir | undefined;
let pdf: PdfText;
let stonith: PdfText;

/** The page at `path` printed to PDF and read back. */
async function printed(path: string): Promise<PdfText> {
  const file = join(pdfDir?.path ?? "", `${path.replace(/\W+/g, "-")}.pdf`);
  await site.withPage({ width: 1280, height: 900 }, async (page) => {
    await site.open(page, path);
    await page.pdf({ path: file, format: "A4", margin: { top: "15mm", right: "15mm", bottom: "15mm", left: "15mm" } });
  });
  return pdfWords(file);
}

beforeAll(async () => {
  pdfDir = tempDir("print-long-tables-");
  pdf = await printed("releases/");
  stonith = await printed("stonith/");
}, 60_000);
afterAll(() => {
  pdfDir?.remove();
});

/** The sheet each word holding `marker` was printed on. */
const sheetsOf = (marker: string, printout = pdf): number[] => printout.words.filter((w) => w.text.includes(marker)).map((w) => w.page);

describe("a reference table longer than a sheet, printed", () => {
  it("starts on the first sheet, under the page's title", () => {
    expect(pdf.pages.length).toBeGreaterThan(2);
    expect(sheetsOf("リリース情報一覧")).toEqual([1]);
    // The newest issue's releases come first (the table is in the order of the issues, newest first).
    const first = Math.min(...Array.from({ length: RELEASES }, (_, i) => sheetsOf(`ROWOPEN${pad(i + 1)}`)[0] ?? Infinity));
    expect(first).toBe(1);
  });

  it("breaks between its rows, never inside one", () => {
    const cut: string[] = [];
    for (let n = 1; n <= RELEASES; n++) {
      const [open, shut] = [sheetsOf(`ROWOPEN${pad(n)}`), sheetsOf(`ROWSHUT${pad(n)}`)];
      expect([open.length, shut.length], `row ${n} printed once`).toEqual([1, 1]);
      if (open[0] !== shut[0]) cut.push(`row ${n}: sheets ${open[0]}-${shut[0]}`);
    }
    expect(cut).toEqual([]);
  });
});

describe("a STONITH table row with more earlier statements than a sheet holds, printed", () => {
  it("starts on the first sheet, under the page's title, and prints every statement", () => {
    expect(stonith.pages.length).toBeGreaterThan(1);
    expect(sheetsOf("プラグイン対応表", stonith)).toEqual([1]);
    expect(sheetsOf("ROWDEVICE", stonith)).toEqual([1]);
    // The earlier statements: issues 5 to 33, under the row given last by issue 34.
    for (let n = 5; n <= 33; n++) expect(sheetsOf(`external/ipmi-${n}`, stonith).length, `statement of issue ${n}`).toBe(1);
  });
});
