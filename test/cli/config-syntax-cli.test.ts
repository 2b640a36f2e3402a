import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ensureCompiled, runCli } from "../helpers/run-cli.js";
import { tempSite, type TempDir } from "../helpers/temp-site.js";

beforeAll(() => ensureCompiled(), 300_000);

/**
 * The bundled CLI (bin/gekkan.js), not src/: the JSON checks load jsonc-parser,
 * whose main file the bundler cannot follow (scripts/bundle.mjs), so only the
 * real command shows that the package loads.
 */
describe("gekkan build on a config written like JavaScript", () => {
  let dir: TempDir | undefined;
  afterEach(() => dir?.remove());

  it("names each comment and trailing comma, exit 1, no stack", async () => {
    dir = tempSite({ "gekkan.config.json": '{\n  // サイト名\n  "title": "x",\n  "url": "https://example.org/",\n}\n' });
    const run = await runCli(["build", "--no-search"], { cwd: dir.path });
    expect(run.stderr.trimEnd().split("\n")).toEqual([
      "gekkan.config.json:2:3  this file is not valid JSON: JSON has no comments: remove this one",
      "gekkan.config.json:4:32  this file is not valid JSON: remove this comma: in JSON no comma may follow the last field of an object or the last item of a list",
      "",
      "2 problems found; nothing was written.",
    ]);
    expect(run.code).toBe(1);
  });
});
