import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, fixtureNames } from "../helpers/fixtures.js";
import { yamlLibraryMessages } from "../helpers/yaml-library-words.js";

/**
 * What the goldens must keep saying, so an UPDATE=1 run cannot quietly
 * accept a regression to "line 1" or to a message without expected/found.
 */
const lines = (name: string) => readFileSync(join(FIXTURES, name, "expected.txt"), "utf8").trimEnd().split("\n");
const place = (line: string) => /^([^:]+):(\d+):(\d+)  (.*)$/.exec(line);

// Problems with no better place than the file's first line (a public file, or a folder named like a template, is about its name, not its text).
const WHOLE_FILE = new Set(["error-empty-file", "error-missing-title", "error-misnamed-file", "error-not-an-issue", "error-public-collisions", "error-template-folder"]);

describe("error fixture expectations", () => {
  it.each(fixtureNames("error"))("%s: every line is path:line:column  message", (name) => {
    for (const line of lines(name)) expect(place(line), line).not.toBeNull();
  });

  it.each(fixtureNames("error").filter((n) => !WHOLE_FILE.has(n)))("%s: points past line 1", (name) => {
    for (const line of lines(name)) {
      const m = place(line);
      if (m?.[4]?.startsWith("the file is empty")) continue;
      if (m?.[4]?.startsWith("missing required front matter")) continue;
      expect(Number(m?.[2]), line).toBeGreaterThan(1);
    }
  });

  it.each(fixtureNames("error"))("%s: no message is in the yaml library's own words", (name) => {
    const library = yamlLibraryMessages();
    for (const line of lines(name)) expect(library.filter((pattern) => pattern.test(line)).map(String), line).toEqual([]);
  });

  it.each(fixtureNames("error"))("%s: schema messages name the field, what was expected and what was found", (name) => {
    for (const line of lines(name).filter((l) => /  invalid (front matter field|config field|:::\w+ attribute) /.test(l))) {
      expect(line).toMatch(/invalid [^"]+ "[\w.]+"(?: \(item \d+\))?: expected .+, found (the string|an empty string|a blank string|the number|the boolean|null|a list|a mapping|binary data|nothing)/);
    }
  });

  it("key classes say what they should", () => {
    expect(lines("error-unknown-key")).toEqual([expect.stringContaining('unknown front matter field "titel" — did you mean "title"?')]);
    expect(lines("error-unknown-block")[0]).toContain("did you mean :::release?");
    expect(lines("error-status-enum")[0]).toContain("expected one of released, planned");
    expect(lines("error-front-matter-and-body")).toEqual([
      expect.stringContaining('invalid front matter field "date"'),
      expect.stringContaining('unknown block ":::qaa" — did you mean :::qa?'),
      expect.stringContaining('found the string "release" — did you mean "released"?'),
      expect.stringContaining('unknown block ":::QA" — did you mean :::qa?'),
    ]);
    expect(lines("error-unknown-tag")[0]).toContain('invalid front matter field "tags" (item 2)');
    expect(lines("error-missing-attribute")[0]).toContain('missing required :::stonith attribute "plugin"');
    const dup = lines("error-duplicate-issue-number");
    expect(dup).toHaveLength(2);
    expect(dup[0]).toMatch(/^content\/issues\/2011\/2011-04\.md:\d+:\d+ .*2011-05\.md/);
    expect(dup[1]).toMatch(/^content\/issues\/2011\/2011-05\.md:\d+:\d+ .*2011-04\.md/);
  });

  it("the many-errors fixture reports every file's problems at once, sorted by file, line, column", () => {
    const all = lines("error-many");
    const files = new Set(all.map((l) => place(l)?.[1]));
    expect(files.size).toBe(4);
    const keys = all.map((l) => {
      const m = place(l);
      return [m?.[1] ?? "", Number(m?.[2]), Number(m?.[3])] as const;
    });
    const sorted = [...keys].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1] || a[2] - b[2]));
    expect(keys).toEqual(sorted);
    expect(all.length).toBeGreaterThanOrEqual(12);
  });
});
