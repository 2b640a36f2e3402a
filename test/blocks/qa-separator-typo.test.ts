import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { captureIo } from "../helpers/io.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

/**
 * A :::qa block whose `---` was typed as `--` (or with full-width dashes)
 * has no answer; the error pointed at the block's opening line, leaving the
 * author to find the line meant. It must point at that line and say what to
 * type there. The oracle is the line and column counted in the file below
 * (front matter lines 1–5, a blank line, the block from line 7).
 */
describe("a :::qa separator typed wrong is reported at its own line", () => {
  let site: TempDir | undefined;
  afterEach(() => site?.remove());

  const FILE = "content/issues/2011/2011-05.md";

  async function build(separator: string): Promise<{ code: number; lines: string[]; written: boolean }> {
    const body = `:::qa{components="pacemaker"}\n質問です？\n\n${separator}\n\n回答です。\n:::\n`;
    site = tempSite({ [FILE]: issue({ title: "5月号", issue: 1, date: "2011-05-01" }, body) });
    const io = captureIo();
    const out = join(site.path, "out");
    const code = await main(["build", "--root", site.path, "--no-cache", "--no-search", "--out", out], io);
    return { code, lines: io.stderr.join("\n").split("\n"), written: existsSync(out) };
  }

  it('"--": at line 10, column 1, saying to write --- there', async () => {
    const run = await build("--");
    expect(run.code).toBe(1);
    expect(run.lines).toEqual([
      `${FILE}:10:1  this "--" has two hyphens; a :::qa block's question and answer are split by a line with only --- (three ASCII hyphens): write --- here, or the block has no answer`,
      "",
      "1 problem found; nothing was written.",
    ]);
    expect(run.written).toBe(false);
  });

  it('"ーーー" typed with the input method on: the same place, named as full-width', async () => {
    const run = await build("ーーー");
    expect(run.code).toBe(1);
    expect(run.lines[0]).toBe(`${FILE}:10:1  "ーーー" is typed with full-width or long dashes; a :::qa block's question and answer are split by a line with only --- (three ASCII hyphens): write --- here, or the block has no answer`);
  });

  it("a block with no separator line at all is still reported at its opening line", async () => {
    const run = await build("回答のつもり");
    expect(run.code).toBe(1);
    expect(run.lines[0]).toBe(`${FILE}:7:1  a :::qa block needs a question and an answer: write the question, then a line with only ---, then the answer`);
  });
});
