/**
 * The column of a STONITH device's earlier statements (以前の情報), printed.
 * On paper nothing scrolls and every cell may break anywhere, so the table
 * shares the paper's width among its columns by their longest lines: beside
 * a device's long list of hardware, the column with the issue and its
 * earlier statements got what was left, and each statement (an issue, a
 * plugin, a mark) printed on four lines of a few characters, its plugin cut
 * (2011年9月号: / external/ipm / i-6 / 更新済み). A statement must print
 * on two lines at most, the plugin whole: the issue on one, the plugin and
 * its mark on the next (in English the issue, "September 2011 (Japanese):",
 * is half the column's line by itself). The sample's HP iLO3 is given again
 * in two more issues, with other plugins and a long list of hardware.
 * A plugin name, typed as printed, is printed whole too: cut anywhere, the
 * table printed external/i / pmi-7 and ibmrsa- / telnet beside room to
 * spare. Chromium prints /stonith/ and /en/stonith/ to PDF (A4, print media) and
 * Poppler's pdftotext reads back where each word was printed: the oracle is
 * the paper.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfWords, type PdfWord } from "../helpers/pdf-words.js";
import { servedSampleCopy } from "../helpers/served-copy.js";
import { tempDir, type TempDir } from "../helpers/temp-site.js";

const HARDWARE = "ProLiant DL360 G7, DL380 G7, DL580 G7, ML350 G7, BL460c G7, BL680c G7, SL390s G7 など、iLO3 を載せた第7世代の機種";

/** Issues 4 and 5 (July, August) give HP iLO3's plugin again; the May issue's statement and theirs become earlier ones. */
const site = servedSampleCopy("gekkan-print-history-width-", async (root) => {
  for (const [n, month, plugin] of [[4, "07", "external/ipmi-6"], [5, "08", "external/ipmi-7"]] as const) {
    const body = `:::stonith{device="HP iLO3" plugin="${plugin}" vendor="HP" hardware="${HARDWARE}"}\n:::\n`;
    await writeFile(join(root, `content/issues/2011/2011-${month}.md`), `---\ntitle: "STONITH の号 ${n}"\nissue: ${n}\ndate: 2011-${month}-01\n---\n\n${body}`);
  }
});

let pdfDir: TempDir | undefined;
beforeAll(() => {
  pdfDir = tempDir("print-history-width-");
});
afterAll(() => {
  pdfDir?.remove();
});

interface Printed {
  /** The words on the paper, in reading order. */
  words: PdfWord[];
  /** The plugin names on the page, the table's and its earlier statements'. */
  plugins: string[];
}

const printouts = new Map<string, Promise<Printed>>();

/** The page at `path` printed to PDF (once for this file), and the plugin names the page holds. */
function printed(path: string): Promise<Printed> {
  const known = printouts.get(path);
  if (known !== undefined) return known;
  const file = join(pdfDir?.path ?? "", `${path.replace(/\W+/g, "-")}.pdf`);
  const printout = site.withPage({ width: 1280, height: 900 }, async (page) => {
    await site.open(page, path);
    const plugins = await page.$$eval(".stonith-matrix .plugin-name", (names) => names.map((name) => name.textContent ?? ""));
    await page.pdf({ path: file, format: "A4", margin: { top: "15mm", right: "15mm", bottom: "15mm", left: "15mm" } });
    return { words: pdfWords(file).words, plugins };
  });
  printouts.set(path, printout);
  return printout;
}

/**
 * How many lines the words from `first` up to the next `last` were printed on, looking from the summary `history` on
 * (the rows above have issues too): tops more than 8 pt apart (a line is about 17) are lines apart.
 */
function linesOf(words: PdfWord[], history: string, first: string, last: string): number {
  const start = words.findIndex((w) => w.text === history);
  const from = words.findIndex((w, i) => i > start && w.text === first);
  const to = words.findIndex((w, i) => i > from && w.text === last);
  if (start < 0 || from < 0 || to < 0) throw new Error(`"${history}" … "${first}" … "${last}" not printed: ${words.map((w) => w.text).join(" ")}`);
  const tops = words.slice(from, to + 1).map((w) => w.yMin).sort((a, b) => a - b);
  return tops.filter((top, i) => i === 0 || top - (tops[i - 1] ?? top) > 8).length;
}

describe("a STONITH device's earlier statements beside a long list of hardware, printed", () => {
  it.each([
    ["stonith/", "以前の情報", ["2011年7月号:", "2011年5月号:", "2011年4月号:"], "更新済み"],
    ["en/stonith/", "Earlier", ["July", "May", "April"], "superseded"],
  ])("/%s prints each on two lines at most, its plugin whole", async (path, history, issues, mark) => {
    const { words } = await printed(path);
    expect(words.filter((w) => w.text === "external/ipmi-6").length, "the July plugin, printed whole").toBe(1);
    const lines = Object.fromEntries(issues.map((issue) => [issue, linesOf(words, history, issue, mark)]));
    expect(Object.entries(lines).filter(([, n]) => n > 2), JSON.stringify(lines)).toEqual([]);
  });
});

describe("a STONITH table's plugin names, printed", () => {
  it.each(["stonith/", "en/stonith/"])("/%s prints each whole, as often as the page holds it", async (path) => {
    const { words, plugins } = await printed(path);
    const count = (list: string[], name: string): number => list.filter((item) => item === name).length;
    const texts = words.map((w) => w.text);
    expect(plugins.length, "the table's plugins and the earlier statements'").toBeGreaterThan(6);
    expect(Object.fromEntries(plugins.map((name) => [name, count(texts, name)]))).toEqual(Object.fromEntries(plugins.map((name) => [name, count(plugins, name)])));
  });
});
