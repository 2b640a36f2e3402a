import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { WARNING_KINDS } from "../../src/warning-kinds.js";

const SRC = resolve(import.meta.dirname, "..", "..", "src");

/** The rule id written as the last argument of every `warning(…)` call in `file`, or "?" where it is not a string literal. */
function warningIds(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2023, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "warning") {
      const last = node.arguments.at(-1);
      found.push(last !== undefined && ts.isStringLiteral(last) ? last.text : `? ${file.slice(SRC.length + 1)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("kinds of warning", () => {
  it("every warning gekkan gives is a kind the config's ignoreWarnings can name, and every kind listed is given somewhere", () => {
    const files = readdirSync(SRC, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".ts")).map((name) => join(SRC, name));
    const given = new Set(files.flatMap(warningIds));
    expect(given.size).toBeGreaterThan(3);
    expect([...given].sort()).toEqual(Object.keys(WARNING_KINDS).sort());
  });
});
