/**
 * `gekkan build` (the compiled CLI) writes on an issue page's <img> the
 * width and height of its file in public/, so the browser reserves the
 * image's box before it arrives, and loading="lazy" decoding="async" on
 * every image but the body's first. Oracle: the sizes this test wrote into
 * each image's header by hand, and which images it left out of public/ or
 * sized itself.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliSites } from "../helpers/cli-sites.js";
import { runCli } from "../helpers/run-cli.js";
import { issue } from "../helpers/temp-site.js";
import { attr, byTag, parseHtml, type Element } from "../helpers/html.js";
import { gifHead, jpegHead, pngFile, webpLossyHead } from "../helpers/image-files.js";

const sites = cliSites();

const BODY = [
  "![一枚目](/images/first.png)",
  "![動く図](/images/anim.gif)",
  "![写真](images/photo.jpg)",
  "![WebP](/images/pic.webp)",
  "![構成図](/images/chart.svg)",
  '<img src="/images/photo.jpg" alt="著者の幅" width="300">',
  "![外部](https://example.com/x.png)",
  "![幅だけの図](/images/line.svg)",
].join("\n\n");

/** Each <img> of the page's body: its alt, and the attributes this feature writes. */
function images(html: string): Array<Record<string, string | undefined>> {
  const body = byTag(parseHtml(html), "div").find((div) => (attr(div, "class") ?? "").split(" ").includes("issue-body")) as Element;
  return byTag(body, "img").map((img) => ({ alt: attr(img, "alt"), width: attr(img, "width"), height: attr(img, "height"), loading: attr(img, "loading"), decoding: attr(img, "decoding"), ...(attr(img, "class") === undefined ? {} : { class: attr(img, "class") }) }));
}

describe("gekkan build and an issue's images", () => {
  it("writes each public/ image's size on the page, the author's own size kept, all but the first lazy", async () => {
    const site = sites.make({
      "content/issues/2011/2011-04.md": issue({ title: "4月号", issue: 1, date: "2011-04-01" }, `${BODY}\n`),
      "public/images/first.png": pngFile(64, 48),
      "public/images/anim.gif": gifHead(300, 200),
      "public/issues/2011-04/images/photo.jpg": jpegHead(1200, 800, 30_000),
      "public/images/photo.jpg": jpegHead(1200, 800, 30_000),
      "public/images/pic.webp": webpLossyHead(960, 540),
      "public/images/chart.svg": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 360 336"><rect width="10" height="10"/></svg>\n',
      "public/images/line.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="360"><rect width="10" height="10"/></svg>\n',
    });
    const run = await runCli(["build", "--no-search"], { cwd: site.path });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const lazy = { loading: "lazy", decoding: "async" };
    const none = { width: undefined, height: undefined };
    expect(images(readFileSync(join(site.path, "dist", "issues", "2011-04", "index.html"), "utf8"))).toEqual([
      { alt: "一枚目", width: "64", height: "48", loading: undefined, decoding: undefined },
      { alt: "動く図", width: "300", height: "200", ...lazy },
      { alt: "写真", width: "1200", height: "800", ...lazy },
      { alt: "WebP", width: "960", height: "540", ...lazy },
      // Sized by its viewBox alone: its box kept in proportion, shown as wide as the column (the stylesheet's img.scalable), as before it had a size.
      { alt: "構成図", width: "360", height: "336", ...lazy, class: "scalable" },
      { alt: "著者の幅", width: "300", height: undefined, ...lazy },
      { alt: "外部", ...none, ...lazy },
      // An SVG with a width and nothing to find its height by: no size is better than a wrong one.
      { alt: "幅だけの図", ...none, ...lazy },
    ]);
    // The email and the feed show the body without them: the email sizes its images its own way (email-images.ts).
    for (const file of ["issues/2011-04/email.html", "feed.xml"]) {
      const text = readFileSync(join(site.path, "dist", file), "utf8");
      expect(text, file).toContain("first.png");
      expect(text, file).not.toMatch(/loading=|decoding=|height=(?:"|&#x22;|&quot;)48/);
    }
  });
});
