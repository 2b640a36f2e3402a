// Eleventy side of the gekkan benchmark (bench/run.mjs). Bench-only; not part of gekkan.
//
// Reads the same corpus gekkan reads: input is <corpus>/content (content/issues/**/*.md),
// given by GEKKAN_BENCH_INPUT (absolute or relative to the cwd). Output: --output on the CLI.
// Renders one page per issue at /issues/<slug>/ through issue.liquid -> base.liquid, plus an
// index listing every issue (a virtual template, so nothing is written into the corpus).
//
// Markdown is NOT pre-processed as Liquid (markdownTemplateEngine: false): gekkan does not
// template issue bodies, so Eleventy is only asked to do the same work (front matter +
// markdown-it + layouts). `:::` directives render as plain paragraphs, as in Hugo.
import { readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const input = resolve(process.env.GEKKAN_BENCH_INPUT ?? join(here, "..", ".work", "corpus-200", "content"));
const includes = join(here, "_includes");

export default function (eleventyConfig) {
  eleventyConfig.setQuietMode(true);
  eleventyConfig.addGlobalData("site", { title: "gekkan bench" });
  eleventyConfig.addGlobalData("layout", "issue.liquid");
  eleventyConfig.addGlobalData("eleventyComputed", {
    permalink: (data) => (data.slug ? `/issues/${data.slug}/index.html` : data.permalink),
  });
  eleventyConfig.addCollection("issues", (api) =>
    api.getAll().filter((item) => typeof item.data.issue === "number").sort((a, b) => b.data.issue - a.data.issue),
  );
  eleventyConfig.addFilter("ymd", (d) => new Date(d).toISOString().slice(0, 10));
  eleventyConfig.addTemplate("index.liquid", readFileSync(join(here, "index.liquid"), "utf8"), {
    layout: "base.liquid",
    permalink: "/index.html",
  });
  return {
    dir: { input, includes: relative(input, includes) },
    markdownTemplateEngine: false,
    htmlTemplateEngine: "liquid",
    templateFormats: ["md", "liquid"],
  };
}
