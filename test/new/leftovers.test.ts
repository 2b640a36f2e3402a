import fc from "fast-check";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { parseIssue } from "../../src/content/issue.js";
import { DEFAULT_COMPONENTS } from "../../src/config.js";
import { formatDiagnostic } from "../../src/diagnostics.js";
import { EXAMPLE_BLOCKS, issueSkeleton, placeholderTexts, SKELETON_LANGS } from "../../src/content/skeleton.js";
import { captureIo } from "../helpers/io.js";
import { FIXTURES } from "../helpers/fixtures.js";
import { copyToTemp, type TempDir } from "../helpers/temp-site.js";

const context = { components: [...DEFAULT_COMPONENTS], languages: ["ja", "en"], defaultLang: "ja" };
const FILE = "content/issues/2011/2011-07.md";

function parse(text: string) {
  return parseIssue(FILE, Buffer.from(text, "utf8"), context);
}

function published(lang: (typeof SKELETON_LANGS)[number]): string {
  return issueSkeleton({ number: 4, date: "2011-07-01", title: "July 2011", lang }).replace("draft: true\n", "");
}

/** The oracle, independent of leftovers.ts: the 1-based lines of `text` that gekkan new wrote as examples. */
function exampleLines(text: string): number[] {
  const examples = new Set<string>([...placeholderTexts(), ...Object.values(EXAMPLE_BLOCKS)]);
  return text.split("\n").flatMap((line, i) => (examples.has(line.trim()) ? [i + 1] : []));
}

describe("gekkan new's example text is never published", () => {
  it.each(SKELETON_LANGS)("a %s skeleton without draft: true is refused at its first example line", (lang) => {
    const text = published(lang);
    const result = parse(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = exampleLines(text);
    expect(lines.length).toBe(8);
    expect(result.messages.map(formatDiagnostic)).toEqual([
      `${FILE}:${lines[0]}:1  this is still the example text from gekkan new; write the issue's own text here or delete the line before publishing (or keep draft: true); 7 more examples further down`,
    ]);
  });

  it.each(SKELETON_LANGS)("the %s skeleton as a draft is fine", (lang) => {
    expect(parse(issueSkeleton({ number: 4, date: "2011-07-01", title: "July 2011", lang })).ok).toBe(true);
  });

  it("property: whatever examples remain, the first one is reported; with none left the issue passes", () => {
    const text = published("en");
    const all = exampleLines(text);
    fc.assert(
      fc.property(fc.subarray(all), (kept) => {
        const lines = text.split("\n").map((line, i) => (all.includes(i + 1) && !kept.includes(i + 1) ? rewrite(line) : line));
        const result = parse(lines.join("\n"));
        if (kept.length === 0) {
          expect(result.ok).toBe(true);
          return;
        }
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.messages[0]?.line).toBe(kept[0]);
      }),
      { numRuns: 200 },
    );
  });

  it("a published issue that only reuses the example's attributes, without its #example- id, is the author's own", () => {
    const own = published("en")
      .split("\n")
      .map((line) => (exampleLines(`${line}\n`).length > 0 ? rewrite(line) : line))
      .join("\n");
    expect(own).toContain(':::stonith{device="HP iLO3" plugin="ipmi" vendor="HP" hardware="ProLiant DL G7"}');
    expect(parse(own).ok).toBe(true);
  });
});

/** An author's edit of an example line: their own words, or the block without the example id. */
function rewrite(line: string): string {
  return line.startsWith(":::") ? line.replace(/#example-\w+ /, "") : "Our own sentence.";
}

describe("gekkan new, then publishing without editing", () => {
  let site: TempDir;
  beforeEach(() => {
    site = copyToTemp(join(FIXTURES, "dev-site"));
  });
  afterEach(() => site.remove());

  it("build and check both fail at the first example line; dist/ is not written", async () => {
    const created = captureIo();
    expect(await main(["new", "--root", site.path, "--lang", "en"], created)).toBe(0);
    const file = created.stdout[0] as string;
    const path = join(site.path, file);
    await writeFile(path, (await readFile(path, "utf8")).replace("draft: true\n", ""));
    const build = captureIo();
    expect(await main(["build", "--root", site.path, "--no-search", "--no-cache"], build)).toBe(1);
    expect(build.stderr).toContain(`${file}:10:1  this is still the example text from gekkan new; write the issue's own text here or delete the line before publishing (or keep draft: true); 7 more examples further down`);
    expect(existsSync(join(site.path, "dist"))).toBe(false);
    const check = captureIo();
    expect(await main(["check", "--root", site.path], check)).toBe(1);
    expect(check.stderr.join("\n")).toContain(`${file}:10:1  this is still the example text from gekkan new`);
  });
});
