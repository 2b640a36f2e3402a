import { mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { generate } from "../../src/pipeline/generate.js";
import { checkInProcess } from "../helpers/io.js";
import { tempDir, tempSite, type TempDir } from "../helpers/temp-site.js";

let site: TempDir | undefined;
afterEach(() => site?.remove());


describe("gekkan check on a brand-new site with no issue yet", () => {
  it("an empty folder is no site yet: check says to start one, and writes nothing", async () => {
    site = tempDir("empty-");
    const run = await checkInProcess(site.path);
    expect(run.code).toBe(2);
    expect(run.lines[0]?.split("\n")[0]).toBe(`gekkan check: the site folder ${JSON.stringify(site.path)} is not a gekkan site: it has no gekkan.config.json and no content/issues/; check the --root path, or start a site there with gekkan init --root ${JSON.stringify(site.path)}`);
    expect(readdirSync(site.path)).toEqual([]);
  });

  it("passes with an empty content/issues/ and no config (the search page's Pagefind files are there with nothing to index), saying the site has no address yet", async () => {
    site = tempDir("no-config-");
    mkdirSync(join(site.path, "content", "issues"), { recursive: true });
    const run = await checkInProcess(site.path);
    expect(run.lines).toEqual([
      'gekkan.config.json:1:1  warning: there is no gekkan.config.json, so the site is built with the defaults: the title "gekkan" and the address http://localhost/, which feeds, the sitemap and canonical links carry; create gekkan.config.json with at least title, url, lang and authors before publishing: gekkan init --url https://…/ writes one (see "Site configuration" in gekkan\'s README)',
      'gekkan: if you mean this, stop the warning in gekkan.config.json with "ignoreWarnings": ["site-address"]',
      expect.stringMatching(/^gekkan check: \d+ pages, \d+ links checked \(0 from Markdown\), .*: 0 errors, 1 warning$/),
    ]);
    expect(run.code).toBe(0);
  });

  it("passes on a configured site under a base path with an empty content/issues/", async () => {
    site = tempSite({ "gekkan.config.json": `${JSON.stringify({ title: "My News", url: "https://example.org/my news/", lang: "en", authors: ["me"] })}\n`, "content/issues/.gitkeep": "" });
    const run = await checkInProcess(site.path);
    expect(run.lines).toEqual([expect.stringMatching(/: 0 errors, 0 warnings$/)]);
    expect(run.code).toBe(0);
  });

  it("its home and search pages say there is nothing yet (no search box that would wait forever); with one issue, the box and the issue are there", async () => {
    site = tempSite({ "gekkan.config.json": `${JSON.stringify({ title: "My News", url: "https://example.org/", lang: "en", authors: ["me"] })}\n` });
    const emptySite = await generate({ root: site.path });
    const empty = emptySite.output.text("search/index.html") ?? "";
    expect(empty).toContain("<p>Nothing yet.</p>");
    // The home page too says so, where it had only its hidden heading.
    expect(emptySite.output.text("index.html")).toMatch(/<h1 class="visually-hidden">My News<\/h1>\s*<p>Nothing yet\.<\/p>/);
    expect(empty).not.toContain("new PagefindUI");
    site.remove();
    site = tempSite({ "gekkan.config.json": `${JSON.stringify({ title: "My News", url: "https://example.org/", lang: "en", authors: ["me"] })}\n`, "content/issues/2011/2011-04.md": "---\ntitle: April\nissue: 1\ndate: 2011-04-01\n---\n\nText.\n" });
    const one = (await generate({ root: site.path })).output.text("search/index.html") ?? "";
    expect(one).toContain("new PagefindUI");
    expect((await generate({ root: site.path })).output.text("index.html")).not.toContain("Nothing yet.");
    expect(one).not.toContain("Nothing yet.");
  });
});
