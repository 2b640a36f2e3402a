import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { captureIo } from "../helpers/io.js";
import { tempSite, type TempDir } from "../helpers/temp-site.js";
import { FRONT_MATTER_FILE, frontMatterBuild } from "../helpers/front-matter-build.js";

/**
 * A value YAML would take otherwise than it reads (a mark, a comment in a
 * title) is said at its place; until now it was the only thing said of
 * the file, and the other fields' mistakes and the body's came one fix
 * later. The expected lines are written by hand from the files below.
 */
const FILE = FRONT_MATTER_FILE;
let site: TempDir | undefined;
afterEach(() => {
  site?.remove();
  site = undefined;
});

async function build(text: string): Promise<{ code: number; lines: string[] }> {
  site = tempSite({ [FILE]: text });
  const io = captureIo();
  const code = await main(["build", "--root", site.path, "--no-cache", "--no-search", "--out", join(site.path, "out")], io);
  return { code, lines: io.stderr.join("\n").split("\n").filter((line) => line.startsWith(FILE)) };
}

describe("a refused value and the file's other mistakes", () => {
  it("are said together: the marks, the other fields and the body", async () => {
    const run = await build("---\ntitle: 第1号 #特集\nissue: 1\ndate: 2011-05-01\nsummary: *nope\nslug: Bad Slug\ndraft: yes\n---\n\n本文です。\n\n:::release\n内容\n");
    expect(run.code).toBe(1);
    expect(run.lines).toEqual([
      `${FILE}:2:12  a space then "#" starts a comment in YAML, so "#特集" is left out of "title", which would be "第1号"; to keep it, put the whole value in quotes: title: "第1号 #特集"; if it is a note, move it to a line of its own`,
      `${FILE}:5:10  the value of "summary" starts with "*", which YAML reads as an alias (a reference to a value named "nope" by an anchor, &nope), and no value is named so; put the whole value in quotes: summary: "*nope"`,
      `${FILE}:6:7  invalid front matter field "slug": expected lowercase letters, digits and single hyphens, at most 100 characters (e.g. 2011-04-special), found the string "Bad Slug" — did you mean "bad-slug"?`,
      `${FILE}:7:8  invalid front matter field "draft": expected true or false, found the string "yes"; write draft: true`,
      `${FILE}:12:1  ":::release" is never closed: add a line with only ::: where the block ends (otherwise it runs to the end of the issue)`,
    ]);
  });

  it("a refused field is not also called missing, and the fields that read are checked as they read", async () => {
    const run = await build("---\ntitle: &速報 新リリース\nissue: 1\ndate: 2011-05-01\nupdated: 2011-04-02\n---\n\n本文です。\n");
    expect(run.code).toBe(1);
    expect(run.lines).toEqual([
      `${FILE}:2:8  the value of "title" starts with "&速報", which YAML reads as an anchor (a name for the value) and leaves out, so it would be "新リリース"; put the whole value in quotes: title: "&速報 新リリース"`,
      `${FILE}:5:10  updated: 2011-04-02 is before the issue's date (2011-05-01, line 4); updated is the day of its last correction, so write that day, on or after 2011-05-01`,
    ]);
  });

  it("with nothing else wrong, the refused value is all that is said", async () => {
    const run = await build("---\ntitle: 第1号\nissue: 1\ndate: 2011-05-01\ntags: [pacemaker, &x drbd]\n---\n\n本文です。\n");
    expect(run.code).toBe(1);
    expect(run.lines).toEqual([`${FILE}:5:19  this value starts with "&x", which YAML reads as an anchor (a name for the value) and leaves out, so it would be "drbd"; put the whole value in quotes: "&x drbd"`]);
  });
});

describe("a comment where a value should be", () => {
  const frontMatter = frontMatterBuild();
  it("is named as a comment, not only as an empty value", async () => {
    const run = await frontMatter("title: 第1号\nupdated: # 未定\n");
    expect(run.code).toBe(1);
    expect(run.lines).toEqual([`${FILE}:3:10  invalid front matter field "updated": expected the day the issue was last corrected in a way readers should know of, YYYY-MM-DD, on or after its date (e.g. 2011-04-20), found null (an empty value): "# 未定" is a comment in YAML, not a value; write the value after the colon (a note can go on a line of its own)`]);
  });

  it("in a list item, after its dash", async () => {
    const run = await frontMatter("title: 第1号\naliases:\n  - # 旧名\n");
    expect(run.code).toBe(1);
    expect(run.lines[0]).toMatch(/found null \(an empty value\): "# 旧名" is a comment in YAML, not a value; write the value after the dash/);
  });
});
