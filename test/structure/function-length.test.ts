import { readdirSync, readFileSync } from "node:fs";
import { join, resolve, sep } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const REPO = resolve(import.meta.dirname, "..", "..");
const LIMIT = 80;

/** The project's own code: src/, and the tests, the bench and the scripts around it (not their data or installed tools). */
const ROOTS = ["src", "test", "bench", "scripts"];
const SKIPPED = new Set(["node_modules", "fixtures", ".work", "results"]);
const CODE = /\.(?:ts|mjs|js)$/;

/** vitest's suite and test calls: the function given to one is a list of tests, not a function of logic. */
const SUITE_CALLS = new Set(["describe", "it", "test"]);

function codeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIPPED.has(entry.name)) return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? codeFiles(path) : CODE.test(entry.name) ? [path] : [];
  });
}

/** Whether `node` is the function given to describe/it/test (or .each/.skip/.only/.concurrent of one). */
function isSuiteBody(node: ts.Node): boolean {
  const call = node.parent;
  if (!ts.isCallExpression(call)) return false;
  let callee: ts.Expression = call.expression;
  // describe.each([...])("name", fn): the call made by the call .each returned.
  if (ts.isCallExpression(callee)) callee = callee.expression;
  while (ts.isPropertyAccessExpression(callee)) callee = callee.expression;
  return ts.isIdentifier(callee) && SUITE_CALLS.has(callee.text);
}

/** Every function, method and arrow in `file` longer than LIMIT lines, as "path:line name (N lines)". */
function longFunctions(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2023, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isFunctionLike(node) && "body" in node && node.body !== undefined && !isSuiteBody(node)) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      const name = node.name !== undefined && ts.isIdentifier(node.name) ? node.name.text : "(anonymous)";
      if (lines > LIMIT) found.push(`${file.slice(REPO.length + 1).split(sep).join("/")}:${start + 1} ${name} (${lines} lines)`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("code size", () => {
  it(`no function in src/, test/, bench/ or scripts/ is longer than ${LIMIT} lines (a describe or it body aside)`, () => {
    const files = ROOTS.flatMap((root) => codeFiles(join(REPO, root)));
    expect(files.filter((file) => file.includes(`${sep}src${sep}`)).length).toBeGreaterThan(50);
    expect(files.filter((file) => file.includes(`${sep}test${sep}`)).length).toBeGreaterThan(50);
    expect(files.flatMap(longFunctions)).toEqual([]);
  });

  it("sees a long function, and only a suite's own body is let off", () => {
    const long = (head: string) => `${head}\n${"  x();\n".repeat(LIMIT)}});\n`;
    const lengths = (text: string) => {
      const source = ts.createSourceFile("x.ts", text, ts.ScriptTarget.ES2023, true);
      const found: boolean[] = [];
      const visit = (node: ts.Node) => {
        if (ts.isFunctionLike(node) && "body" in node && node.body !== undefined) found.push(isSuiteBody(node));
        ts.forEachChild(node, visit);
      };
      visit(source);
      return found;
    };
    expect(lengths(long('describe("s", () => {'))).toEqual([true]);
    expect(lengths(long('it.each([1])("n %s", (n) => {'))).toEqual([true]);
    expect(lengths(long("const helper = (() => {"))).toEqual([false]);
    expect(lengths(long('items.forEach(() => {'))).toEqual([false]);
  });
});
