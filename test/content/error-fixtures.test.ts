import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ContentError, formatDiagnostic } from "../../src/diagnostics.js";
import { FIXTURES, fixtureNames, generateFixture, goldenText } from "../helpers/fixtures.js";

/**
 * Error fixtures: `test/fixtures/<name>/input/` is a site with author
 * mistakes, `expected.txt` every line the build must report, in order.
 * UPDATE=1 rewrites expected.txt from what the build reports now.
 */
describe("error fixtures", () => {
  const names = fixtureNames("error");

  it("there is one fixture per error class", () => {
    expect(names.length).toBeGreaterThanOrEqual(20);
  });

  it.each(names)("%s reports exactly expected.txt", async (name) => {
    const error = await generateFixture(name).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error, `${name} built without errors`).toBeInstanceOf(ContentError);
    const lines = (error as ContentError).messages.map(formatDiagnostic);
    const golden = goldenText(join(FIXTURES, name, "expected.txt"), `${lines.join("\n")}\n`);
    expect(golden.actual).toBe(golden.expected);
  });
});
