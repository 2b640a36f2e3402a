/**
 * An issue printed to PDF, as a reader saves or prints it, in both languages
 * and from a system in dark mode. Chromium writes the PDF (page.pdf: A4,
 * 15 mm margins, print media) and Poppler's pdftotext reads it back with
 * where each word lies, so the oracle is the paper itself, not the style
 * sheet: the site's chrome (skip link, menus, language switch, previous and
 * next issue) is not on it; every word lies inside the page's margins, and a
 * code line longer than the paper is there whole; a typed block and a code
 * block of a few lines each sit on one page, never cut at a page break, and
 * a heading is not left at the foot of a page without its text; an
 * outside or e-mail link's address follows its text, an in-page or site
 * link prints no address, a footnote's back link (↩) is left out, and what
 * a <details> the author folded holds is printed, not only its summary.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pdfWords, squeezed, type PdfText } from "../helpers/pdf-words.js";
import { servedSampleCopy } from "../helpers/served-copy.js";
import { tempDir, type TempDir } from "../helpers/temp-site.js";

const BLOCKS = 16;
const LONG_TOKEN = `token${"0123456789".repeat(12)}end`;
const LONG_LINE = "crm configure primitive prmStonith stonith:external/ipmi params hostname=node01 ipaddr=192.168.0.101 userid=ADMIN passwd=verylongpasswordverylongpassword interface=lanplus op monitor interval=3600s";
const FILLER = {
  ja: "ノードが故障したときには、STONITH プラグインがそのノードを確実に止めてから、残ったノードでリソースを起動し直します。止められなかったノードがディスクに書き続けると、データが壊れてしまうからです。",
  en: "When a node fails, a STONITH plugin makes sure it is stopped before the surviving nodes start its resources again: a node that could not be stopped might go on writing to the shared disk and corrupt it.",
};

const pad = (n: number): string => String(n).padStart(2, "0");

/** An issue whose blocks and code blocks (of lengths that vary, so they end at different heights on a page) fall across page breaks somewhere, with each kind of link and a code line wider than the paper. */
function printIssue(lang: "ja" | "en"): string {
  const words = lang === "ja" ? { title: "印刷の号", outside: "外部リンク", anchor: "目次への内部リンク", site: "前号", code: "長いコード", notes: "リリースノート", mail: "編集部へメール" } : { title: "The printing issue", outside: "outside link", anchor: "in-page link", site: "previous issue", code: "Long code", notes: "release notes", mail: "write to us" };
  const parts = [`---\ntitle: "${words.title}"\nissue: 4\ndate: 2011-07-01\nlang: ${lang}\n---\n`];
  parts.push(`[${words.outside}](https://example.org/words), [${words.anchor}](#${lang === "ja" ? "長いコード" : "long-code"}), [${words.site}](/issues/2011-04/), [${words.mail}](mailto:editors@example.org).[^note]\n\n[^note]: FOOTNOTE\n`);
  // Folded by the author: paper cannot be tapped open.
  parts.push(`<details>\n<summary>FOLDED</summary>\n\nINSIDETHEFOLD\n\n</details>\n`);
  parts.push(`## ${words.code}\n\n\`\`\`sh\n${LONG_LINE}\n${LONG_TOKEN}\n\`\`\`\n`);
  for (let n = 1; n <= BLOCKS; n++) {
    parts.push(`:::release{component="pacemaker" status="released" title="Block ${pad(n)}"}\nBLOCKOPEN${pad(n)}\n\n${Array(1 + (n % 2)).fill(FILLER[lang]).join("\n\n")}\n\n[${words.notes}](https://example.org/notes/${pad(n)})\n\nBLOCKSHUT${pad(n)}\n:::\n`);
    // A heading straight before a code block, which cannot move part of itself up to the page the heading ends.
    parts.push(`## HEADING${pad(n)}\n\n\`\`\`\nCODEOPEN${pad(n)}\n${Array.from({ length: 2 + ((n * 3) % 7) }, (_, i) => `line ${i + 1}`).join("\n")}\nCODESHUT${pad(n)}\n\`\`\`\n\n${FILLER[lang]}\n`);
  }
  return parts.join("\n");
}

const site = servedSampleCopy("gekkan-print-issue-", async (root) => {
  await writeFile(join(root, "content/issues/2011/2011-07.md"), printIssue("ja"));
  await writeFile(join(root, "content/issues/2011/2011-07.en.md"), printIssue("en"));
});

// Under the awkward temp path (a space, Japanese), as every test's files are: pdftotext must be given it whole.
let pdfDir: TempDir | undefined;
beforeAll(() => {
  pdfDir = tempDir("print-pdf-");
});
afterAll(() => {
  pdfDir?.remove();
});

const MARGIN_PT = (15 / 25.4) * 72;

/** The issue at `path` printed from a dark-mode system: the texts of its chrome as shown on screen, and the PDF's words. */
async function printed(path: string): Promise<{ chrome: string[]; pdf: PdfText }> {
  const file = join(pdfDir?.path ?? "", `${path.replace(/\W+/g, "-")}.pdf`);
  const chrome = await site.withPage({ width: 1280, height: 900, scheme: "dark" }, async (page) => {
    await site.open(page, path);
    const texts = await page.$$eval(".skip-link, .site-header nav a, .issue-pager a", (els) => els.map((el) => (el.textContent ?? "").replace(/\s+/g, "")));
    await page.pdf({ path: file, format: "A4", margin: { top: "15mm", right: "15mm", bottom: "15mm", left: "15mm" } });
    return texts;
  });
  return { chrome, pdf: pdfWords(file) };
}

/** The page a marker word is printed on; `times`: a heading is printed twice, in the contents and then in the text. */
function pageOf(pdf: PdfText, marker: string, times = 1): number {
  const found = pdf.words.filter((w) => w.text.includes(marker));
  expect(found.length, `${marker} printed ${times} times`).toBe(times);
  return found.at(-1)?.page ?? -1;
}

describe.each([
  ["issues/2011-07/", "外部リンク", "リリースノート", "編集部へメール"],
  ["en/issues/2011-07/", "outsidelink", "releasenotes", "writetous"],
])("/%s printed to PDF", (path, outside, notes, mail) => {
  let result: { chrome: string[]; pdf: PdfText };
  beforeAll(async () => {
    result = await printed(path);
  }, 60_000);

  it("leaves out the site's chrome: skip link, menus, language switch, previous and next issue", () => {
    expect(result.chrome.length).toBeGreaterThan(5);
    const text = squeezed(result.pdf);
    expect(result.chrome.filter((chrome) => text.includes(chrome))).toEqual([]);
  });

  it("keeps every word inside the page's margins, and prints a code line longer than the paper whole", () => {
    const outside = result.pdf.words.filter((w) => {
      const page = result.pdf.pages[w.page - 1];
      return page === undefined || w.xMin < MARGIN_PT - 1 || w.xMax > page.width - MARGIN_PT + 1;
    });
    expect(outside.map((w) => `${w.text} (${Math.round(w.xMin)}-${Math.round(w.xMax)} pt)`)).toEqual([]);
    const text = squeezed(result.pdf);
    expect(text).toContain(LONG_LINE.replace(/\s+/g, ""));
    expect(text).toContain(LONG_TOKEN);
  });

  it("prints each typed block and each short code block on one page, and a heading on the page of its text", () => {
    expect(result.pdf.pages.length).toBeGreaterThan(3);
    const cut: string[] = [];
    for (let n = 1; n <= BLOCKS; n++) {
      const [blockStart, blockEnd] = [pageOf(result.pdf, `BLOCKOPEN${pad(n)}`), pageOf(result.pdf, `BLOCKSHUT${pad(n)}`)];
      if (blockStart !== blockEnd) cut.push(`block ${n}: pages ${blockStart}-${blockEnd}`);
      const [codeStart, codeEnd] = [pageOf(result.pdf, `CODEOPEN${pad(n)}`), pageOf(result.pdf, `CODESHUT${pad(n)}`)];
      if (codeStart !== codeEnd) cut.push(`code ${n}: pages ${codeStart}-${codeEnd}`);
      const heading = pageOf(result.pdf, `HEADING${pad(n)}`, 2);
      if (heading !== codeStart) cut.push(`heading ${n} on page ${heading}, its text on page ${codeStart}`);
    }
    expect(cut).toEqual([]);
  });

  it("writes an outside or e-mail link's address after its text, and none after an in-page or site link", () => {
    const text = squeezed(result.pdf);
    expect(text).toContain(`${outside}<https://example.org/words>`);
    for (let n = 1; n <= BLOCKS; n++) expect(text).toContain(`${notes}<https://example.org/notes/${pad(n)}>`);
    expect(text).toContain(`${mail}<mailto:editors@example.org>`);
    // Only outside addresses are written out: none starting with # or a path of the site.
    expect(text.match(/<[^<>]*>/g)?.filter((address) => !address.startsWith("<https://example.org/") && address !== "<mailto:editors@example.org>")).toEqual([]);
  });

  it("prints what a folded <details> holds, under its summary", () => {
    const text = squeezed(result.pdf);
    expect(text).toContain("FOLDEDINSIDETHEFOLD");
  });

  it("leaves out a footnote's way back to the text (↩), which leads nowhere on paper", () => {
    const text = squeezed(result.pdf);
    expect(text).toContain("FOOTNOTE");
    expect(text).not.toContain("↩");
  });
});
