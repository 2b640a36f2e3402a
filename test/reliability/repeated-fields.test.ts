import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ensureCompiled, runCli } from "../helpers/run-cli.js";
import { tempSite, type TempDir } from "../helpers/temp-site.js";

beforeAll(() => ensureCompiled(), 300_000);

const CONFIG = JSON.stringify({ url: "https://example.org/" });
const FIX = "and only one value can count; keep the one you mean and delete the other";

/**
 * A field given twice (copied from last month's issue, then typed again
 * lower down) was "invalid YAML in front matter: Map keys must be unique":
 * the parser's words, naming neither the field nor its other line.
 */
describe("a front matter field given twice", () => {
  let dir: TempDir | undefined;
  afterEach(() => dir?.remove());

  it("is named with the line that gave it first, each repeat in one report, quotes or none", async () => {
    dir = tempSite({
      "gekkan.config.json": CONFIG,
      "content/issues/2011/2011-04.md": '---\ntitle: "創刊号"\nissue: 1\ndate: 2011-04-01\ntags: [pacemaker]\nissue: 2\n---\n\n本文です。\n',
      "content/issues/2011/2011-05.md": '---\ntitle: "第2号"\nissue: 2\ndate: 2011-05-01\n"title": "第2号（改）"\n---\n\n本文です。\n',
    });
    const run = await runCli(["build", "--no-search"], { cwd: dir.path });
    expect(run.stderr.trimEnd().split("\n")).toEqual([
      `content/issues/2011/2011-04.md:6:1  invalid YAML in front matter: "issue" is given twice in the front matter (first on line 3), ${FIX}`,
      `content/issues/2011/2011-05.md:5:1  invalid YAML in front matter: "title" is given twice in the front matter (first on line 2), ${FIX}`,
      "",
      "2 problems found; nothing was written.",
    ]);
    expect(run.code).toBe(1);
  });
});
