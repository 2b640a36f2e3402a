import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ensureCompiled, runCli } from "../helpers/run-cli.js";
import { tempSite, type TempDir } from "../helpers/temp-site.js";

/**
 * A footnote or link definition typed above the closing --- (`[^1]: 注記`):
 * YAML reads a field whose name is a list. It was reported as the unknown
 * field "[ ^1 ]" at line 2, and Node printed its own warning among gekkan's
 * lines (found by the mutated-site fuzzer). The CLI runs as a child here,
 * since only a real process shows what Node writes to standard error.
 */
let site: TempDir | undefined;
afterEach(() => site?.remove());
beforeAll(() => ensureCompiled(), 300_000);

const FILE = "content/issues/2011/2011-05.md";
const FIX = 'front matter holds fields such as title: "…", so if this is a footnote or a link definition, move it below the closing ---, into the text';

describe("a front-matter field whose name is a list or a mapping", () => {
  it("is named as written, at its line, and nothing else is printed", async () => {
    site = tempSite({ [FILE]: `---\ntitle: "5月号"\nissue: 1\n[^1]: 注記\ndate: 2011-05-01\n? [a, b]\n: x\n{k: 1}: y\n---\n\n本文です。\n` });
    const run = await runCli(["build", "--no-search", "--no-cache"], { cwd: site.path });
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n").filter((line) => line !== "")).toEqual([
      `${FILE}:4:1  "[^1]" cannot be a field's name: YAML reads [ ] as a list there; ${FIX}`,
      `${FILE}:6:3  "[a, b]" cannot be a field's name: YAML reads [ ] as a list there; ${FIX}`,
      `${FILE}:8:1  "{k: 1}" cannot be a field's name: YAML reads { } as a mapping there; ${FIX}`,
      "3 problems found; nothing was written.",
    ]);
  });
});
