import { join } from "node:path";
import { readFileSync } from "node:fs";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { captureIo } from "../helpers/io.js";
import { tempSite, type TempDir } from "../helpers/temp-site.js";

/**
 * An invisible bidirectional control (U+202E and its kin) reverses how the
 * text after it is shown: the page says something else than the file. The
 * build warns at the first one, by line and column counted here by hand,
 * and leaves alone the direction marks, drafts and an issue that stops it.
 */
let site: TempDir | undefined;
afterEach(() => site?.remove());

const RLO = "\u202e";
const FILE = "content/issues/2011/2011-05.md";

async function build(text: string): Promise<{ code: number; lines: string[]; html: string }> {
  site = tempSite({ [FILE]: text });
  const io = captureIo();
  const out = join(site.path, "out");
  const code = await main(["build", "--root", site.path, "--no-cache", "--no-search", "--out", out, "--drafts"], io);
  const html = code === 0 ? readFileSync(join(out, "issues", "2011-05", "index.html"), "utf8") : "";
  return { code, lines: io.stderr.join("\n").split("\n").filter((line) => line.includes("bidi-control") || line.includes("U+20")), html };
}

const issue = (front: string, body: string) => `---\ntitle: "5月号"\nissue: 1\ndate: 2011-05-01\n${front}---\n\n${body}\n`;

describe("bidirectional controls in a published issue", () => {
  it("are warned about at the first, with how many more; the build still publishes (exit 0)", async () => {
    // Line 7: "コマンド: `rm -rf " is 14 characters, so the control is at column 15 (inside code too: a command can show reversed).
    const run = await build(issue("", `コマンド: \`rm -rf ${RLO}txt.golden\`\n\nまた ${RLO}ここ。`));
    expect(run.code).toBe(0);
    expect(run.lines[0]).toBe(`${FILE}:7:15  warning: the invisible character U+202E (right-to-left override) changes the order in which the text after it is shown, so readers would not see what is written (1 more in this file); delete it (it usually comes with pasted text), or, for right-to-left text that needs it, stop the warning with ignoreWarnings: [bidi-control]`);
    expect(run.html).toContain(RLO);
  });

  it("in the title, at its place in the front matter", async () => {
    const run = await build(`---\ntitle: "5月号 \u2067abc\u2069"\nissue: 1\ndate: 2011-05-01\n---\n\n本文です。\n`);
    expect(run.code).toBe(0);
    expect(run.lines[0]).toMatch(new RegExp(`^${FILE}:2:13  warning: the invisible character U\\+2067 \\(right-to-left isolate\\)`));
  });

  it("not the direction marks (U+200E, U+200F, U+061C), not in a draft, not when the issue stops the warning", async () => {
    expect((await build(issue("", "方向だけの印 \u200e \u200f \u061c です。"))).lines).toEqual([]);
    site?.remove();
    expect((await build(issue("draft: true\n", `下書き ${RLO}です。`))).lines).toEqual([]);
    site?.remove();
    expect((await build(issue("ignoreWarnings: [bidi-control]\n", `右から左 ${RLO}です。`))).lines).toEqual([]);
  });
});
