/** Shared helpers for the email tests: the fixture site, its URL, and independent readings of the output. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fixtureInput } from "./fixtures.js";
import { copyToTemp, writeFiles, type TempDir } from "./temp-site.js";

/** test/fixtures/email: a Japanese and an English issue, a draft (3) and a future issue (4). */
export const EMAIL_FIXTURE = "email";
export const EMAIL_SITE = fixtureInput(EMAIL_FIXTURE);
/** The fixture config's `url`: every site link in an email starts here. */
export const SITE_URL = "https://news.example.org/letters/";
/** Gmail clips a message whose HTML is larger than this ("102 KB"; counted in decimal here, the stricter reading). */
export const GMAIL_CLIP_BYTES = 102_000;

/**
 * Columns a line takes in a monospaced reader, written independently of
 * src/email/display-width.ts: Han, kana, CJK punctuation and full-width
 * forms are two columns wide, everything else in these fixtures one.
 */
export function columns(text: string): number {
  let width = 0;
  for (const char of text) width += /[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\u3000-\u303f\uff01-\uff60]/u.test(char) ? 2 : 1;
  return width;
}

/** The CSS left after removing comments and every @media block: what a `<style>` holds besides media queries. */
export function cssOutsideMedia(css: string): string {
  let rest = css.replace(/\/\*[\s\S]*?\*\//g, "");
  for (;;) {
    const at = rest.indexOf("@media");
    if (at === -1) return rest;
    const open = rest.indexOf("{", at);
    let depth = 0;
    let end = open;
    for (; end < rest.length; end++) {
      if (rest[end] === "{") depth++;
      else if (rest[end] === "}" && --depth === 0) break;
    }
    rest = rest.slice(0, at) + rest.slice(end + 1);
  }
}

/**
 * An issue whose images are wider than the boxes they sit in: wide.png
 * (1200 × 300) in the column itself, in a typed block, a blockquote, a list in a list, a cell
 * of a two-column table, a <pre>, and a <figure> in a typed block (each marked by its own
 * #fragment), and two high-density files, and in the block a <picture> with a
 * <source>, shot@2x.png (300 × 150) and wide@3x.png (1200 × 300).
 */
const BOXED_IMAGES_ISSUE = `---
title: "5月号：箱の中の図"
issue: 2
date: 2011-05-01
lang: ja
---

![全幅](/images/wide.png#top)

:::release{component="pacemaker" version="1.0.11" status="released"}
ブロックの中の図です。

![ブロック](/images/wide.png#block)

<picture><source srcset="/images/wide.png#source" media="(min-width: 600px)"><img src="/images/wide.png#picture" alt="picture の図"></picture>
:::

> 引用の中の図です。
>
> ![引用](/images/wide.png#quote)

- 一段目
  - 二段目

    ![入れ子の箇条書き](/images/wide.png#list)

| 図 | 説明 |
| --- | --- |
| ![表](/images/wide.png#cell) | 二列の表 |

<pre><img src="/images/wide.png#pre" alt="pre の図"></pre>

:::stonith{device="HP iLO3" plugin="ipmi"}
![figure の図](/images/wide.png#figure)
:::

![二倍の写真](/images/shot@2x.png)

![二倍の横長の図](/images/wide@3x.png)
`;

/** Where boxedImagesSite's issue's email is, in the build's output. */
export const BOXED_IMAGES_EMAIL = "issues/2011-05/email.html";

/**
 * The sanitiser drops an author's <figure>: one reaches the email only from a
 * site's own block partial, as here, gekkan's STONITH partial with the body in a <figure>.
 */
function stonithInFigure(): string {
  const partial = readFileSync(join(import.meta.dirname, "..", "..", "templates", "partials", "block-stonith.liquid"), "utf8");
  const figured = partial.replace('<div class="block-body">', '<figure class="block-body">').replace(/<\/div>\n<\/section>/, "</figure>\n</section>");
  if (!figured.includes("</figure>")) throw new Error("block-stonith.liquid no longer has the <div class=\"block-body\"> this fixture turns into a <figure>");
  return figured;
}

/** A copy of the email-images fixture with BOXED_IMAGES_ISSUE as its issue 2, the @2x and @3x files it shows, and stonithInFigure's partial; remove() it after. */
export function boxedImagesSite(): TempDir {
  const dir = copyToTemp(fixtureInput("email-images"));
  const images = join(dir.path, "public", "images");
  writeFiles(dir.path, {
    "content/issues/2011/2011-05.md": BOXED_IMAGES_ISSUE,
    "public/images/shot@2x.png": readFileSync(join(images, "diagram.png")),
    "public/images/wide@3x.png": readFileSync(join(images, "wide.png")),
    "templates/partials/block-stonith.liquid": stonithInFigure(),
  });
  return dir;
}
