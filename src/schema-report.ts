import type { z } from "zod";
import type { VFileMessage } from "vfile-message";
import { describeValue, diagnostic, type Place } from "./diagnostics.js";
import { didYouMean, suggest } from "./suggest.js";

export interface SchemaReportOptions {
  file: string;
  /** What the thing being validated is called in messages: "front matter field", "attribute". */
  noun: string;
  /** Human expectation per top-level key, e.g. date → "a calendar date YYYY-MM-DD"; a nested key may have its own ("email.from"). */
  expectations: Readonly<Record<string, string>>;
  /** Where a path sits in the source; `key` for unknown/missing keys. */
  locate: (path: readonly PropertyKey[], prefer: "key" | "value") => Place | undefined;
  /** Where the whole object starts (used for missing keys). */
  start: Place;
  ruleId: string;
  format?: (key: string) => string;
}

/**
 * One zod error → one located message per problem, each naming the field,
 * what was expected and what was found. zod's own wording is kept out of the
 * author's way: the expectations table says it in the project's words.
 */
export function reportSchemaIssues(error: z.ZodError, options: SchemaReportOptions): VFileMessage[] {
  const known = Object.keys(options.expectations).filter((key) => !key.includes("."));
  // Keys of a nested object are the dotted entries under its path: "email.from" → "from" inside "email".
  const knownAt = (path: readonly PropertyKey[]) => (path.length === 0 ? known : Object.keys(options.expectations).filter((key) => key.startsWith(`${path.join(".")}.`)).map((key) => key.slice(path.join(".").length + 1)));
  const name = options.format ?? ((key: string) => `"${key}"`);
  const messages: VFileMessage[] = [];
  // `titel:` already says "did you mean title?"; "title is missing" on top is noise.
  const explained = new Set<string>();
  for (const issue of error.issues) {
    if (issue.code !== "unrecognized_keys" || issue.path.length > 0) continue;
    for (const key of issue.keys) {
      const best = suggest(key, known);
      if (best !== undefined) explained.add(best);
    }
  }
  for (const issue of error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const path = [...issue.path, key];
        const nested = knownAt(issue.path);
        const keys = nested.length > 0 ? nested : known;
        const hint = didYouMean(key, keys, name) || `; expected one of ${keys.map(name).join(", ")}`;
        const reason = `unknown ${options.noun} ${name(key)}${hint}`;
        messages.push(diagnostic(options.file, reason, options.locate(path, "key") ?? options.start, options.ruleId));
      }
      continue;
    }
    const top = String(issue.path[0] ?? "");
    const label = issue.path.map((segment, i) => (i === 0 ? String(segment) : `[${String(segment)}]`)).join("");
    const expected = expectationAt(options.expectations, issue.path) ?? issue.message;
    const input = (issue as { input?: unknown }).input;
    if (input === undefined && issue.code === "invalid_type") {
      if (issue.path.length === 1 && explained.has(top)) continue;
      const reason = `missing required ${options.noun} ${name(label)}: expected ${expected}`;
      messages.push(diagnostic(options.file, reason, options.start, options.ruleId));
      continue;
    }
    const reason = `invalid ${options.noun} ${name(label)}: expected ${expected}, found ${describeValue(input)}${customHint(issue)}`;
    messages.push(diagnostic(options.file, reason, options.locate(issue.path, "value") ?? options.start, options.ruleId));
  }
  return messages;
}

function customHint(issue: z.core.$ZodIssue): string {
  // Custom refinements carry a specific reason (e.g. "2011-02 has no day 30").
  return issue.code === "custom" && issue.message ? ` (${issue.message})` : "";
}

/** The expectation for the deepest part of `path` that has one: "email.listUnsubscribe.1" → "email.listUnsubscribe" → "email". */
function expectationAt(expectations: Readonly<Record<string, string>>, path: readonly PropertyKey[]): string | undefined {
  for (let n = path.length; n > 0; n--) {
    const found = expectations[path.slice(0, n).map(String).join(".")];
    if (found !== undefined) return found;
  }
  return undefined;
}
