import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const REPO = resolve(import.meta.dirname, "..", "..");
const LIMIT = 80;

/**
 * The project's own code, besides the config files at the root: src/, the tests and their helpers, the bench,
 * the scripts and the CLI's entry point. .ci/ is shell today; it is walked so a script added there is held to the rule too.
 */
const ROOTS = ["src", "test", "bench", "scripts", "bin", ".ci"];
/** Under those roots, data and generated output rather than code of ours (by path, so a src/…/results would still count). */
const SKIPPED_PATHS = new Set(["test/fixtures", "bench/.work", "bench/results"]);
/** Installed tools, wherever they sit (bench/peers/node_modules). */
const SKIPPED_NAMES = new Set(["node_modules"]);
const CODE = /\.[cm]?[jt]s$/;

/** vitest's suite and test calls: the function given to one is a list of tests, not a function of logic. */
const SUITE_CALLS = new Set(["describe", "it", "test"]);

/** Repository-relative paths (with /) of the code files under `dir`. */
function codeFiles(dir: string): string[] {
  return readdirSync(join(REPO, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = `${dir}/${entry.name}`;
    if (SKIPPED_NAMES.has(entry.name) || SKIPPED_PATHS.has(path)) return [];
    return entry.isDirectory() ? codeFiles(path) : CODE.test(entry.name) ? [path] : [];
  });
}

/** vitest.config.ts and the like: code at the root itself, not in a folder. */
function rootConfigFiles(): string[] {
  return readdirSync(REPO, { withFileTypes: true }).filter((entry) => entry.isFile() && CODE.test(entry.name)).map((entry) => entry.name);
}

/** The names this file imports describe/it/test under from vitest (`it as check` too): a same-named helper of its own is not let off. */
function suiteNames(source: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || statement.moduleSpecifier.text !== "vitest") continue;
    const bindings = statement.importClause?.namedBindings;
    if (bindings === undefined || !ts.isNamedImports(bindings)) continue;
    for (const element of bindings.elements) {
      if (SUITE_CALLS.has((element.propertyName ?? element.name).text)) names.add(element.name.text);
    }
  }
  return names;
}

/** Whether `node` is a function given directly to describe/it/test (or .each/.skip/.only/.concurrent/.runIf of one). */
function isSuiteBody(node: ts.Node, names: ReadonlySet<string>): boolean {
  const call = node.parent;
  if (!ts.isCallExpression(call) || !call.arguments.some((argument) => argument === node)) return false;
  let callee: ts.Expression = call.expression;
  // describe.each([...])("name", fn): the call made by the call .each returned.
  if (ts.isCallExpression(callee)) callee = callee.expression;
  while (ts.isPropertyAccessExpression(callee)) callee = callee.expression;
  return ts.isIdentifier(callee) && names.has(callee.text);
}

/** Every function, method and arrow in `text` (from `path`) longer than LIMIT lines, as "path:line name (N lines)". */
function longFunctionsIn(path: string, text: string): string[] {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.ES2023, true);
  const names = suiteNames(source);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && "body" in node && node.body !== undefined && !isSuiteBody(node, names)) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      const name = node.name !== undefined && ts.isIdentifier(node.name) ? node.name.text : "(anonymous)";
      if (lines > LIMIT) found.push(`${path}:${start + 1} ${name} (${lines} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("code size", () => {
  it(`no function in src/, test/, bench/, scripts/, bin/, .ci/ or the root config files is longer than ${LIMIT} lines (a describe/it/test body aside)`, () => {
    const files = [...rootConfigFiles(), ...ROOTS.flatMap(codeFiles)];
    // The walk reaches every kind of code it is meant to, and none of what it leaves out.
    expect(files.filter((file) => file.startsWith("src/")).length).toBeGreaterThan(50);
    expect(files.filter((file) => file.startsWith("test/")).length).toBeGreaterThan(50);
    expect(files).toEqual(expect.arrayContaining(["vitest.config.ts", "test/helpers/crawl.ts", "bench/run.mjs", "scripts/bundle.mjs", "bin/gekkan.js"]));
    expect(files.filter((file) => /(^|\/)node_modules\/|^test\/fixtures\/|^bench\/(\.work|results)\//.test(file))).toEqual([]);
    expect(files.flatMap((file) => longFunctionsIn(file, readFileSync(join(REPO, file), "utf8")))).toEqual([]);
  });

  it("sees a long function, and lets off only the body given to vitest's own suite and test calls", () => {
    const vitest = 'import { describe, it as check, test } from "vitest";\n';
    const long = (head: string) => `${vitest}${head}\n${"  x();\n".repeat(LIMIT)}});\n`;
    const found = (head: string) => longFunctionsIn("test/x.test.ts", long(head));
    expect(found('describe("s", () => {')).toEqual([]);
    expect(found('check.each([1])("n %s", (n) => {')).toEqual([]);
    expect(found('test.concurrent.skip("n", async () => {')).toEqual([]);
    expect(found('describe.runIf(true)("s", () => {')).toEqual([]);
    expect(found("const helper = (() => {")).toEqual([`test/x.test.ts:2 (anonymous) (${LIMIT + 2} lines)`]);
    expect(found("function helper() {")).toEqual([`test/x.test.ts:2 helper (${LIMIT + 2} lines)`]);
    expect(found("items.forEach(() => {")).toHaveLength(1);
    // `it` is imported as check here, so an it() of the file's own is a call like any other.
    expect(found('it("n", () => {')).toHaveLength(1);
    // An arrow inside a test is logic, and counted; the test around it is not.
    const inner = `${vitest}check("n", () => {\n  run(() => {\n${"    x();\n".repeat(LIMIT)}  });\n});\n`;
    expect(longFunctionsIn("test/x.test.ts", inner)).toEqual([`test/x.test.ts:3 (anonymous) (${LIMIT + 2} lines)`]);
  });
});
