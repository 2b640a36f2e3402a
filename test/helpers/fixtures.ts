import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { generate, type BuildOptions, type Generated } from "../../src/pipeline/generate.js";
import { ContentError, formatDiagnostic } from "../../src/diagnostics.js";
import { parseHtml, type Document } from "./html.js";
import { tempDir, type TempDir } from "./temp-site.js";

/** Where fixture folders live: `<name>/input/` plus `expected.txt` or `expected/`. */
export const FIXTURES = join(import.meta.dirname, "..", "fixtures");

/** Every build in the suite uses this "now", so future/draft decisions never drift. */
export const NOW = new Date("2026-01-01T00:00:00Z");

/** Fixture folders owned by other suites (`check-*`, `dev-*`) are not ours to run. */
const FOREIGN = /^(check|dev)-/;

export type FixtureKind = "error" | "output";

/** Which part of an output file an expectation holds. */
export type Selection = "whole" | "article" | "main";

export interface FixtureSpec {
  /** Extra generate() options (drafts, future, base…); root/now/search are fixed. */
  generate?: Pick<BuildOptions, "drafts" | "future" | "base" | "url">;
  /** Output path → what of it is kept under expected/<path> (output fixtures). */
  outputs?: Record<string, Selection>;
  /** The warnings the build must give, as printed (output fixtures; none when absent). */
  warnings?: string[];
}

export function fixtureNames(kind: FixtureKind): string[] {
  return readdirSync(FIXTURES)
    .filter((name) => !FOREIGN.test(name) && statSync(join(FIXTURES, name)).isDirectory())
    .filter((name) => (kind === "error" ? existsSync(join(FIXTURES, name, "expected.txt")) : existsSync(join(FIXTURES, name, "expected"))))
    .sort();
}

export function fixtureInput(name: string): string {
  return join(FIXTURES, name, "input");
}

export function fixtureSpec(name: string): FixtureSpec {
  const path = join(FIXTURES, name, "fixture.json");
  return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as FixtureSpec) : {};
}

/** generate() for a fixture's input, deterministic and without Pagefind. */
export function generateFixture(name: string, extra: FixtureSpec["generate"] = {}): Promise<Generated> {
  return generateSite(fixtureInput(name), { ...fixtureSpec(name).generate, ...extra });
}

export function generateSite(root: string, extra: FixtureSpec["generate"] = {}): Promise<Generated> {
  return generate({ root, now: NOW, search: false, ...extra });
}

/**
 * Builds of a fixture with files added or replaced (`files`: path under the
 * root → content), each in a copy of its own; `remove` deletes the copies
 * (call it in afterAll).
 */
export function fixtureVariants(name: string, prefix: string): { buildWith: (files: Record<string, string>) => Promise<Generated>; remove: () => void } {
  const copies: TempDir[] = [];
  return {
    async buildWith(files) {
      const dir = tempDir(prefix);
      copies.push(dir);
      cpSync(fixtureInput(name), dir.path, { recursive: true });
      for (const [path, content] of Object.entries(files)) writeFileSync(join(dir.path, path), content);
      return generateSite(dir.path, {});
    },
    remove() {
      for (const dir of copies.splice(0)) dir.remove();
    },
  };
}

export const updating = process.env.UPDATE === "1";

/**
 * The golden-file check: with UPDATE=1 the file is (re)written from `actual`;
 * otherwise it must exist and match exactly.
 */
export function goldenText(path: string, actual: string): { expected: string; actual: string } {
  if (updating) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
  }
  if (!existsSync(path)) throw new Error(`missing expectation ${path}; run with UPDATE=1 to create it`);
  return { expected: readFileSync(path, "utf8"), actual };
}

/** The first `<tag …>…</tag>` of a page (templates never nest these two). */
export function selectElement(html: string, tag: "article" | "main"): string {
  const start = html.search(new RegExp(`<${tag}[\\s>]`));
  const end = html.indexOf(`</${tag}>`, start);
  if (start === -1 || end === -1) throw new Error(`no <${tag}> element in the page`);
  return `${html.slice(start, end + tag.length + 3)}\n`;
}

export function select(text: string, selection: Selection): string {
  return selection === "whole" ? text : selectElement(text, selection);
}

/** What `run` reports as content errors, formatted as the CLI prints them; [] when it succeeds. */
export async function contentProblems(run: () => unknown): Promise<string[]> {
  try {
    await run();
    return [];
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    return error.messages.map(formatDiagnostic);
  }
}

/** A page of a build's output, parsed; a page the build did not make fails the test, by its path. */
export function builtPage(built: Generated, path: string): Document {
  const html = built.output.text(path);
  if (html === undefined) throw new Error(`${path} was not built`);
  return parseHtml(html);
}
