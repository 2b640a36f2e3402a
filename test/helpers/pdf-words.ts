import { spawnSync } from "node:child_process";

/** One word Poppler found on a printed page, its box in PDF points from the page's top left. */
export interface PdfWord {
  page: number;
  text: string;
  xMin: number;
  xMax: number;
  /** Its top: words of one line differ by a few points (each font has its own), lines by a line's height. */
  yMin: number;
}

/** A PDF's pages (their size in points) and every word on them, in reading order. */
export interface PdfText {
  pages: { width: number; height: number }[];
  words: PdfWord[];
}

const unescape = (s: string): string => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&");

/**
 * The words of a PDF with where each lies, read by Poppler's pdftotext
 * (poppler-utils, which scripts/ensure-test-deps.mjs installs): a reader of
 * the file independent of the browser that wrote it. Throws when pdftotext
 * is missing rather than letting a print test pass unchecked.
 */
export function pdfWords(file: string): PdfText {
  const run = spawnSync("pdftotext", ["-bbox", file, "-"], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (run.error !== undefined) throw new Error(`pdftotext could not run (${run.error.message}): run \`node scripts/ensure-test-deps.mjs\` as root, or apt-get install poppler-utils.`);
  if (run.status !== 0) throw new Error(`pdftotext failed: ${run.stderr}`);
  const pages: PdfText["pages"] = [];
  const words: PdfWord[] = [];
  // Its output is a fixed XHTML shape: a <page width height> per page, a <word xMin yMin xMax yMax> per word.
  for (const m of run.stdout.matchAll(/<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="[-\d.]+">([^<]*)<\/word>/g)) {
    if (m[1] !== undefined) pages.push({ width: Number(m[1]), height: Number(m[2]) });
    else words.push({ page: pages.length, text: unescape(m[6] ?? ""), xMin: Number(m[3]), yMin: Number(m[4]), xMax: Number(m[5]) });
  }
  return { pages, words };
}

/** The printed text with all white space taken out: lines may wrap anywhere, and Japanese has no spaces to keep. */
export function squeezed(text: PdfText): string {
  return text.words.map((w) => w.text).join("").replace(/\s+/g, "");
}
