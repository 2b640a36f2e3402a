import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fixtureInput, generateFixture, generateSite } from "../helpers/fixtures.js";
import { copyToTemp, type TempDir } from "../helpers/temp-site.js";

const FILE = "content/issues/2011/2011-04.md";

describe("BOM + CRLF source", () => {
  const temps: TempDir[] = [];
  afterAll(() => temps.forEach((t) => t.remove()));

  it("the fixture really is saved with a BOM and CRLF line endings", () => {
    const bytes = readFileSync(join(fixtureInput("bom-crlf"), FILE));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.includes("\r\n")).toBe(true);
    expect(bytes.toString("utf8").replace(/\r\n/g, "").includes("\n")).toBe(false);
  });

  it("builds byte-for-byte the same site as the same text saved as LF without a BOM", async () => {
    const lf = copyToTemp(fixtureInput("bom-crlf"));
    temps.push(lf);
    const path = join(lf.path, FILE);
    writeFileSync(path, readFileSync(path, "utf8").replace(/^\uFEFF/, "").replace(/\r\n/g, "\n"));
    const [a, b] = [await generateFixture("bom-crlf"), await generateSite(lf.path)];
    expect(a.output.paths()).toEqual(b.output.paths());
    for (const p of a.output.paths()) expect(a.output.text(p), p).toBe(b.output.text(p));
    expect(a.output.text("issues/2011-04/index.html")).not.toMatch(/\r|\uFEFF/);
  });

  it("reports errors at the same line and column as the LF file", async () => {
    const crlf = copyToTemp(fixtureInput("bom-crlf"));
    temps.push(crlf);
    const path = join(crlf.path, FILE);
    const broken = readFileSync(path, "utf8").replace("plugin=\"ipmi\"", "plugin=\"ipmi\" colour=\"red\"");
    writeFileSync(path, broken);
    const lines = async () => generateSite(crlf.path).then(() => [], (e: { messages: Array<{ line?: number; column?: number }> }) => e.messages.map((m) => [m.line, m.column]));
    const withCrlf = await lines();
    writeFileSync(path, broken.replace(/^\uFEFF/, "").replace(/\r\n/g, "\n"));
    expect(withCrlf).toEqual([[21, 43]]); // the `colour` key; the BOM takes no column
    expect(await lines()).toEqual(withCrlf);
  });
});
