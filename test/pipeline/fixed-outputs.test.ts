/**
 * fixedOutputs is what public/ is checked against when a run stops on an
 * issue's error (early-public-errors.ts). Held here to what a real build
 * writes, so it cannot drift from the stages: a site with no issue writes
 * exactly these files (the search index aside, which public-files.ts
 * guards as a folder), and a site with issues and a translation writes all
 * of them.
 */
import { afterEach, describe, expect, it } from "vitest";
import { generate } from "../../src/pipeline/generate.js";
import { fixedOutputs } from "../../src/pipeline/fixed-outputs.js";
import { loadInputs } from "../../src/pipeline/load-inputs.js";
import { ROUTES } from "../../src/site/urls.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

const NOW = new Date("2030-01-01T00:00:00Z");

let site: TempDir | undefined;
afterEach(() => {
  site?.remove();
  site = undefined;
});

async function fixedAndBuilt(root: string): Promise<{ fixed: string[]; built: string[] }> {
  const fixed = fixedOutputs(await loadInputs({ root, now: NOW })).paths().sort();
  const { output } = await generate({ root, now: NOW, search: false });
  return { fixed, built: output.paths().filter((path) => !path.startsWith(ROUTES.searchBundle)).sort() };
}

describe("the files every build writes (fixedOutputs)", () => {
  it("are exactly what a site with no issue writes", async () => {
    site = tempSite({ "content/issues/.gitkeep": "" });
    const { fixed, built } = await fixedAndBuilt(site.path);
    expect(fixed).toEqual(built);
    expect(fixed).toEqual(expect.arrayContaining(["index.html", "feed.xml", "sitemap.xml", "404.html", "archive/index.html", "search/index.html", ROUTES.styles]));
  }, 60_000);

  it("are all written by a site with issues, a draft and a translation", async () => {
    site = tempSite({
      "content/issues/2011/2011-04.md": issue({ title: "4月号", issue: 1, date: "2011-04-01" }).replace("---\n\n", "tags: [pacemaker]\n---\n\n"),
      "content/issues/2011/2011-05.md": issue({ title: "5月号", issue: 2, date: "2011-05-01", draft: true }),
      "content/issues/2011/2011-04.en.md": issue({ title: "April", issue: 1, date: "2011-04-02", lang: "en" }, "The April issue.\n"),
    });
    const { fixed, built } = await fixedAndBuilt(site.path);
    expect(built).toContain("en/index.html");
    expect(built).toEqual(expect.arrayContaining(fixed));
  }, 60_000);
});
