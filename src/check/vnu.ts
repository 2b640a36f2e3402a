import { execFile } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { delimiter, dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { VFileMessage } from "vfile-message";
import { diagnostic, PlainError } from "../diagnostics.js";
import type { OutputSet } from "../write/output.js";
import { groupBy } from "../group-by.js";
import { outputUrl } from "./link-target.js";
import { andOnOtherPages, byPagePlace, examplesOf } from "./other-pages.js";
import { standingFor } from "./places.js";
import { offsetOfPlace, writtenMarkupAt, type MarkupSource } from "./written-markup.js";

/**
 * The Nu Html Checker cannot run: a setup problem, not a content error. A
 * PlainError, so the CLI says it as it says every failure at no place (and
 * on GitHub Actions annotates it, cli.ts), exit 1.
 */
export class VnuUnavailableError extends PlainError {
  override name = "VnuUnavailableError";
}

interface RawMessage {
  type?: string;
  subType?: string;
  url?: string;
  message?: string;
  lastLine?: number;
  lastColumn?: number;
  firstLine?: number;
  firstColumn?: number;
}

/** vnu.jar from the `vnu-jar` package (it exports the jar's path), if installed. */
export function vnuJar(): string {
  try {
    return String(createRequire(import.meta.url)("vnu-jar") as unknown);
  } catch {
    throw new VnuUnavailableError("gekkan check --html needs the Nu Html Checker: run `npm install --save-dev vnu-jar` in the site (it also needs Java 11 or later)");
  }
}

export function javaBinary(env: NodeJS.ProcessEnv = process.env): string {
  const candidates = [...(env.JAVA_HOME ? [join(env.JAVA_HOME, "bin", "java")] : []), ...(env.PATH ?? "").split(delimiter).filter((d) => d !== "").map((d) => join(d, "java"))];
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // try the next one
    }
  }
  throw new VnuUnavailableError("gekkan check --html needs Java 11 or later on PATH (or JAVA_HOME) to run the Nu Html Checker, e.g. `apt-get install default-jre-headless`");
}

/** The files a built page's markup may have been written in, and what the build adds to a tag there that they do not have. */
export type SourcesOf = (page: string) => { sources: readonly MarkupSource[]; written?: (markup: string) => string };

/**
 * Validates every HTML page of the output with vnu in one Java run. Pages
 * go to a private temp dir (vnu reads files), never to dist/. A message is
 * reported where the invalid tag was written when that can be told
 * (written-markup.ts: an issue's raw HTML, a site's template), the built
 * page's place kept after it; otherwise at the page's URL.
 */
export async function validateHtmlPages(output: OutputSet, basePath: string, sourcesOf: SourcesOf = () => ({ sources: [] })): Promise<{ messages: VFileMessage[]; pages: number }> {
  const jar = vnuJar();
  const java = javaBinary();
  const pages = output.paths().filter((p) => p.endsWith(".html"));
  if (pages.length === 0) return { messages: [], pages: 0 };
  const dir = await mkdtemp(join(tmpdir(), "gekkan-vnu-"));
  try {
    for (const page of pages) {
      const file = join(dir, ...page.split("/"));
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, output.get(page) ?? "");
    }
    const raw = await runVnu(java, jar, dir);
    const found = raw
      .filter((m) => m.type === "error" || m.type === "non-document-error")
      .map((m) => {
        const page = m.url?.startsWith("file:") ? relative(dir, fileURLToPath(m.url)).split(sep).join("/") : (m.url ?? "");
        return pageError(m, page, output, basePath, sourcesOf);
      });
    return { messages: atSources(found), pages: pages.length };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface PageError {
  reason: string;
  /** The page's URL and the place vnu gives in it. */
  page: string;
  at: { line: number; column: number };
  /** Where the tag was written, when that is certain. */
  source: { file: string; line: number; column: number } | undefined;
  /** The markup vnu points at, as the page has it. */
  markup: string;
  /** Written in a template of the site (at `source`, or, when that is not certain, the tag is in one as it is). */
  inTemplate: boolean;
}

function pageError(m: RawMessage, page: string, output: OutputSet, basePath: string, sourcesOf: SourcesOf): PageError {
  // vnu leaves out firstLine when the range is on one line; firstColumn is on firstLine.
  const at = { line: m.firstLine ?? m.lastLine ?? 1, column: m.firstColumn ?? 1 };
  const text = output.text(page) ?? "";
  const start = offsetOfPlace(text, at.line, at.column);
  const last = m.lastLine === undefined || m.lastColumn === undefined ? undefined : offsetOfPlace(text, m.lastLine, m.lastColumn);
  const { sources, written } = sourcesOf(page);
  // A page of public/ is published as it is: its places are the file's.
  const copied = output.origin(page);
  const source = copied?.startsWith("public/") === true ? { file: copied, ...at } : start === undefined || last === undefined ? undefined : writtenMarkupAt(text, start, last + 1, sources, written);
  const markup = start === undefined || last === undefined ? "" : text.slice(start, last + 1);
  const templates = sources.filter((s) => s.template === true);
  const inTemplate = source === undefined ? markup.startsWith("<") && templates.some((s) => s.text.includes((written ?? String)(markup))) : templates.some((s) => s.file === source.file);
  return { reason: `invalid HTML (Nu Html Checker): ${m.message ?? m.subType ?? "error"}`, page: outputUrl(basePath, page), at, source, markup, inTemplate };
}

/**
 * One message per place the author wrote invalid markup, however many
 * pages show it (an issue's page and its email), naming those pages'
 * places so nothing vnu said is lost, or, for a template, on every page
 * built from it, how many and a few of them; the rest at their page.
 */
function atSources(found: readonly PageError[]): VFileMessage[] {
  const bySource = groupBy(found.filter((e) => e.source !== undefined), (e) => `${e.source?.file ?? ""}\0${e.source?.line ?? 0}\0${e.source?.column ?? 0}\0${e.reason}`);
  const atSource = [...bySource.values()].map((group) => {
    const [first] = group;
    // vnu walks the folder in no set order: the pages are named in one.
    const places = [...group].sort(byPlace).map((e) => `${e.page}:${e.at.line}:${e.at.column}`);
    const message = (shown: string) => diagnostic(first?.source?.file ?? "", `${first?.reason ?? ""} (${shown})`, first?.source, "html-validation");
    if (first?.inTemplate === true && places.length > 1) return standingFor(message(`on ${places.length} built pages, ${examplesOf(places)}`), places.length);
    return message(`in ${places.length === 1 ? `the built page ${places[0] ?? ""}` : `the built pages ${places.slice(0, -1).join(", ")} and ${places.at(-1) ?? ""}`}`);
  });
  return [...atSource, ...atPages(found.filter((e) => e.source === undefined))];
}

/**
 * Errors whose place in a file is not certain, at their page; the same
 * error at the same markup of a template (the tag is in one as it is, but
 * in more than one place) on several pages once, at the first page in the
 * order of their addresses, naming how many others have it. An error of an
 * issue's own text is no template's: each stays at its page.
 */
function atPages(found: readonly PageError[]): VFileMessage[] {
  const groups = groupBy(found, (e) => (e.inTemplate ? `${e.reason}\0${e.markup}` : e));
  return [...groups.values()].map((group) => {
    const sorted = [...group].sort(byPlace);
    const [first] = sorted;
    const others = [...new Set(sorted.map((e) => e.page))].filter((page) => page !== first?.page);
    if (first === undefined || others.length === 0) return sorted.map((e) => diagnostic(e.page, e.reason, e.at, "html-validation"));
    return [standingFor(diagnostic(first.page, first.reason + andOnOtherPages(others), first.at, "html-validation"), sorted.length)];
  }).flat();
}

/** By page (the address alone: "/404.html" after "/"), then place in it. */
function byPlace(a: PageError, b: PageError): number {
  return byPagePlace({ page: a.page, ...a.at }, { page: b.page, ...b.at });
}

/** One Java run over the whole directory: vnu walks it, so no command line grows with the site. */
function runVnu(java: string, jar: string, dir: string): Promise<RawMessage[]> {
  const args = ["-Xss4m", "-jar", jar, "--format", "json", "--errors-only", "--exit-zero-always", "--skip-non-html", dir];
  return new Promise((resolve, reject) => {
    execFile(java, args, { maxBuffer: 256 * 1024 * 1024, encoding: "utf8" }, (error, stdout, stderr) => {
      // vnu writes its JSON report to stderr.
      const text = stderr.trim() || stdout.trim();
      const start = text.indexOf("{");
      if (start === -1) {
        reject(new VnuUnavailableError(`the Nu Html Checker did not run${error ? `: ${error.message}` : ""}\n${text.slice(0, 2000)}`));
        return;
      }
      try {
        resolve((JSON.parse(text.slice(start)) as { messages?: RawMessage[] }).messages ?? []);
      } catch (parseError) {
        reject(new VnuUnavailableError(`could not read the Nu Html Checker's report: ${String(parseError)}`));
      }
    });
  });
}
