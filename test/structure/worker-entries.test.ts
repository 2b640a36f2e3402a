import { readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const SRC = resolve(import.meta.dirname, "..", "..", "src");

/**
 * Piscina loads a worker module with require(), synchronously for an ES
 * module, and a pool destroyed while a thread was still in that load
 * aborted the whole process (Node's FATAL ERROR in module instantiation:
 * seen as a build, and the test process running it, dying at random). So a
 * module given to runOnWorkers imports nothing at run time; its work comes
 * in with a dynamic import() in its handler. Found here from the calls
 * themselves, so a new worker module is held to it too.
 */
function workerModules(): string[] {
  const names = new Set<string>();
  for (const name of readdirSync(SRC, { recursive: true, encoding: "utf8" }).filter((n) => n.endsWith(".ts"))) {
    for (const match of readFileSync(join(SRC, name), "utf8").matchAll(/runOnWorkers(?:<[^>]*>)?\(\s*"([\w-]+)"/g)) names.add(match[1] ?? "");
  }
  return [...names].sort();
}

/** The module's imports and re-exports that load something at run time (type-only ones are erased). */
function runtimeImports(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2023, true);
  return source.statements.flatMap((statement) => {
    if (ts.isImportDeclaration(statement) && statement.importClause?.isTypeOnly !== true) return [statement.getText(source)];
    if (ts.isExportDeclaration(statement) && statement.moduleSpecifier !== undefined && !statement.isTypeOnly) return [statement.getText(source)];
    return [];
  });
}

describe("worker thread modules", () => {
  it("every module run on worker threads imports nothing as it loads", () => {
    const modules = workerModules();
    expect(modules).toEqual(["email-worker", "parse-worker"]);
    for (const name of modules) expect(runtimeImports(join(SRC, "pipeline", `${name}.ts`)), name).toEqual([]);
  });

  it("the check sees a runtime import", () => {
    const file = join(SRC, "pipeline", "parse-batch.ts");
    expect(runtimeImports(file).length).toBeGreaterThan(0);
  });
});
