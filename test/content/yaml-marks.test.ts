import { describe, expect, it } from "vitest";
import { FRONT_MATTER_FILE, frontMatterBuild } from "../helpers/front-matter-build.js";

/**
 * A title written `&速報 新リリース` or `!重要 お知らせ`: YAML reads the first
 * word as an anchor or a tag and leaves it out (the page said "新リリース",
 * exit 0), or fails in its own words (`*注意 …`, `!速報 …`); `*x` with no
 * `&x` was called too many aliases. Each is an error at the mark, with the
 * quoted value to paste; places and fixes are written here by hand.
 */
const FILE = FRONT_MATTER_FILE;
const build = frontMatterBuild();

describe("a front-matter value that starts with &, ! or *", () => {
  it.each([
    ["title: &速報 新リリース\n", `${FILE}:2:8  the value of "title" starts with "&速報", which YAML reads as an anchor (a name for the value) and leaves out, so it would be "新リリース"; put the whole value in quotes: title: "&速報 新リリース"`],
    ["title: !custom 新リリース\n", `${FILE}:2:8  the value of "title" starts with "!custom", which YAML reads as a tag (a type for the value) and leaves out, so it would be "新リリース"; put the whole value in quotes: title: "!custom 新リリース"`],
    ["title: 5月号\ntags: [pacemaker, !x drbd]\n", `${FILE}:3:19  this value starts with "!x", which YAML reads as a tag (a type for the value) and leaves out, so it would be "drbd"; put the whole value in quotes: "!x drbd"`],
    ["title: !速報 新リリース\n", `${FILE}:2:8  invalid YAML in front matter: the value of "title" starts with "!", which YAML reads as a tag, not as text; put the whole value in quotes: title: "!速報 新リリース"`],
    ["title: *x\n", `${FILE}:2:8  the value of "title" starts with "*", which YAML reads as an alias (a reference to a value named "x" by an anchor, &x), and no value is named so; put the whole value in quotes: title: "*x"`],
    ["title: 5月号\ntags: [pacemaker, *y]\n", `${FILE}:3:19  this value starts with "*", which YAML reads as an alias (a reference to a value named "y" by an anchor, &y), and no value is named so; put the whole value in quotes: "*y"`],
    ["title: *注意 リリース\n", `${FILE}:2:8  invalid YAML in front matter: the value of "title" starts with "*", which YAML reads as an alias (a reference to another value), not as text; put the whole value in quotes: title: "*注意 リリース"`],
  ])("%j is an error at the mark with the quoted value", async (front, expected) => {
    const run = await build(front);
    expect(run.code).toBe(1);
    expect(run.lines).toEqual([expected]);
  });

  it("quoted, with YAML's own tags (!!str), or an anchor an alias reuses, it builds", async () => {
    expect((await build('title: "&速報 新リリース"\n')).code).toBe(0);
    expect((await build("title: !!str 007\n")).code).toBe(0);
    expect((await build("title: &t 新リリース\nsummary: *t\n")).code).toBe(0);
  });
});
