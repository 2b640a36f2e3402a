/**
 * The width attribute each image of an email gets: the width it is meant to
 * be shown at (an SVG's for the PNG standing in for it, half a `@2x`
 * file's), at most the width of the box it sits in. Oracle: the boxes'
 * widths worked out here by hand from the paddings and borders of
 * templates/email/style.liquid, written out as numbers; the images' sizes
 * as `file` reports them; the <img> tags read with a regex.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateSite } from "../helpers/fixtures.js";
import { BOXED_IMAGES_EMAIL, boxedImagesSite } from "../helpers/email.js";
import { REPO_ROOT } from "../helpers/sample-build.js";
import { writeFiles, type TempDir } from "../helpers/temp-site.js";

const SITE = "https://news.example.org/letters/";
/** .email-container max-width 600px and border 1px, .email-cell padding 24px on each side. */
const COLUMN = 600 - 1 - 1 - 24 - 24; // 550

/** The width attribute of each <img> whose src ends in `name`, in order. */
function widths(html: string, name: string): Array<string | undefined> {
  return [...html.matchAll(/<img\b[^>]*>/g)].map(([tag]) => tag).filter((tag) => /\ssrc="([^"]*)"/.exec(tag)?.[1]?.endsWith(name)).map((tag) => /\swidth="([^"]*)"/.exec(tag)?.[1]);
}

/** In a typed block, an image whose width the author wrote, wider than the block's box (512). */
const OWN_WIDTH_ISSUE = `---
title: "6月号：幅を書いた図"
issue: 3
date: 2011-06-01
lang: ja
---

:::release{component="pacemaker" version="1.0.12" status="planned"}
<p><img src="/images/wide.png#own" width="540" alt="自分の幅"></p>
:::
`;

const temps: TempDir[] = [];
afterAll(() => temps.forEach((t) => t.remove()));

describe("the width an email gives each image", () => {
  let email = "";
  let own = "";
  beforeAll(async () => {
    const dir = boxedImagesSite();
    temps.push(dir);
    writeFiles(dir.path, { "content/issues/2011/2011-06.md": OWN_WIDTH_ISSUE });
    const built = await generateSite(dir.path);
    email = built.output.text(BOXED_IMAGES_EMAIL) ?? "";
    own = built.output.text("issues/2011-06/email.html") ?? "";
  });

  it("in the column itself: the container's 600 px less its borders (1 + 1) and the content cell's padding (24 + 24)", () => {
    expect(widths(email, "wide.png#top")).toEqual([String(COLUMN)]);
  });

  it("in a typed block: the column less the block's padding (16 + 16) and borders (1 + 5)", () => {
    expect(widths(email, "wide.png#block")).toEqual([String(550 - 16 - 16 - 1 - 5)]);
  });

  it("the author's own width stays, even past the box; a <picture>'s <img> is narrowed, its <source> left as written", () => {
    expect(widths(own, "wide.png#own")).toEqual(["540"]);
    expect(widths(email, "wide.png#picture")).toEqual([String(550 - 16 - 16 - 1 - 5)]);
    expect(email).toContain(`<source srcset="${SITE}images/wide.png#source" media="(min-width: 600px)">`);
  });

  it("in a blockquote: the column less its padding-left (14) and border-left (4)", () => {
    expect(widths(email, "wide.png#quote")).toEqual([String(550 - 14 - 4)]);
  });

  it("in a list in a list: the column less two paddings-left of 24", () => {
    expect(widths(email, "wide.png#list")).toEqual([String(550 - 24 - 24)]);
  });

  it("in a cell of a two-column table: half the column less the cell's padding (8 + 8)", () => {
    expect(widths(email, "wide.png#cell")).toEqual([String(Math.floor(550 / 2) - 8 - 8)]);
  });

  it("in a <pre>: the column less its padding (14 + 14)", () => {
    expect(widths(email, "wide.png#pre")).toEqual([String(550 - 14 - 14)]);
  });

  it("in a <figure> in a typed block: the block's box less the browsers' default margin of a figure (40 + 40)", () => {
    expect(widths(email, "wide.png#figure")).toEqual([String(550 - 16 - 16 - 1 - 5 - 40 - 40)]);
  });

  it("a @2x file at half its pixel width, a @3x one at a third", () => {
    expect(widths(email, "shot@2x.png")).toEqual([String(300 / 2)]);
    expect(widths(email, "wide@3x.png")).toEqual([String(1200 / 3)]);
  });
});

describe("the sample's diagram, drawn as an SVG 360 wide and beside it as a PNG at twice that", () => {
  it("is shown in the email at the SVG's width, not the PNG's 720 pixels", async () => {
    const svg = readFileSync(join(REPO_ROOT, "public", "images", "linux-ha-stack.svg"), "utf8");
    expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 360 336"/);
    const sample = await generateSite(REPO_ROOT);
    for (const route of ["issues/2011-04/", "en/issues/2011-04/"]) {
      expect(widths(sample.output.text(`${route}email.html`) ?? "", "images/linux-ha-stack.png"), route).toEqual(["360"]);
    }
  });
});
