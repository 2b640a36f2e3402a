import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { memoryIo } from "../helpers/dev-server.js";
import { tempDir, tempSite, type TempDir } from "../helpers/temp-site.js";

let site: TempDir | undefined;
afterEach(() => site?.remove());

async function gekkanCheck(root: string): Promise<{ code: number; lines: string[] }> {
  const io = memoryIo();
  const code = await main(["check", "--root", root], io);
  return { code, lines: io.lines };
}

describe("gekkan check on a brand-new site with no issue yet", () => {
  it("passes on an empty folder: the search page's Pagefind files are there with nothing to index", async () => {
    site = tempDir("empty-");
    const run = await gekkanCheck(site.path);
    expect(run.lines).toEqual([expect.stringMatching(/^gekkan check: \d+ pages, \d+ links checked \(0 from Markdown\), .*: 0 errors, 0 warnings$/)]);
    expect(run.code).toBe(0);
  });

  it("passes on a configured site under a base path with an empty content/issues/", async () => {
    site = tempSite({ "gekkan.config.json": `${JSON.stringify({ title: "My News", url: "https://example.org/my news/", lang: "en", authors: ["me"] })}\n`, "content/issues/.gitkeep": "" });
    const run = await gekkanCheck(site.path);
    expect(run.lines).toEqual([expect.stringMatching(/: 0 errors, 0 warnings$/)]);
    expect(run.code).toBe(0);
  });
});
