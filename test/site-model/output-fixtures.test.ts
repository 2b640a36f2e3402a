import { formatDiagnostic } from "../../src/diagnostics.js";
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { FIXTURES, fixtureNames, fixtureSpec, generateFixture, goldenText, select, updating } from "../helpers/fixtures.js";

function expectedFiles(name: string): string[] {
  const dir = join(FIXTURES, name, "expected");
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split("\\").join("/"))
    .sort();
}

/**
 * Output fixtures: `input/` builds, and each file named in fixture.json
 * `outputs` (the whole file, or just its <article>/<main>) matches
 * `expected/<path>`. UPDATE=1 regenerates the expectations.
 */
describe("output fixtures", () => {
  const names = fixtureNames("output");

  it("there are output fixtures to run", () => {
    expect(names).toEqual(expect.arrayContaining(["blocks", "bom-crlf", "drafts-future", "releases-grouped", "sanitize", "stonith-supersede"]));
  });

  describe.each(names)("%s", (name) => {
    const outputs = Object.entries(fixtureSpec(name).outputs ?? {});

    it("builds without errors, with the warnings its fixture.json lists (none unless it lists some)", async () => {
      const { warnings } = await generateFixture(name);
      expect(warnings.map(formatDiagnostic)).toEqual(fixtureSpec(name).warnings ?? []);
    });

    it("names at least one output and keeps no stale expectation", () => {
      expect(outputs.length).toBeGreaterThan(0);
      if (!updating) expect(expectedFiles(name)).toEqual(outputs.map(([path]) => path).sort());
    });

    it.each(outputs)("%s matches expected/", async (path, selection) => {
      const { output } = await generateFixture(name);
      const text = output.text(path);
      expect(text, `${path} was not generated`).toBeDefined();
      const golden = goldenText(join(FIXTURES, name, "expected", path), select(text ?? "", selection));
      expect(golden.actual).toBe(golden.expected);
    });
  });
});
