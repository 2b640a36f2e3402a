import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { captureIo } from "../helpers/io.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

describe("public/pagefind/ is the search index's folder only while the site has search", () => {
  let dir: TempDir | undefined;
  afterEach(() => dir?.remove());

  const files = (config: Record<string, unknown>) => ({
    "gekkan.config.json": JSON.stringify({ title: "テスト月刊", url: "https://example.org/", authors: ["編集部"], ...config }),
    "content/issues/2011/2011-05.md": issue({ title: "五月号", issue: 1, date: "2011-05-01" }),
    "public/pagefind/own.js": "// the author's own script\n",
  });

  it("with search, a file there is an error, even in a build run with --no-search", async () => {
    dir = tempSite(files({}));
    const io = captureIo();
    expect(await main(["build", "--root", dir.path, "--no-search"], io)).toBe(1);
    expect(io.stderr[0]).toBe("public/pagefind/own.js:1:1  pagefind/ is where gekkan writes the search index, so this file would replace part of it or be mixed into it; move it to another folder under public/ (or, for a site without search, set \"search\": false in gekkan.config.json)");
  });

  it('with "search": false, it is published like any other file', async () => {
    dir = tempSite(files({ search: false }));
    const io = captureIo();
    expect(await main(["build", "--root", dir.path], io)).toBe(0);
    expect(readFileSync(join(dir.path, "dist", "pagefind", "own.js"), "utf8")).toBe("// the author's own script\n");
  });
});
