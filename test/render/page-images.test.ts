/**
 * What an issue page writes on its <img> elements: the size of an image in
 * public/, so the browser reserves its box before it arrives, and
 * loading="lazy" decoding="async" on every image but the body's first.
 * Oracle: the HTML each case should give, written out by hand.
 */
import { describe, expect, it } from "vitest";
import { pageImageHtml } from "../../src/render/page-images.js";

const LAZY = ' loading="lazy" decoding="async"';

describe("an issue page's images", () => {
  it("get their file's width and height; all but the first are lazy", () => {
    const html = '<p><img src="/images/a.png" alt="a"></p>\n<p><img src="/images/b.png" alt="b"></p>\n<p><img src="https://e.example/c.png" alt="c"></p>';
    expect(pageImageHtml(html, [["/images/a.png", 640, 427], ["/images/b.png", 1600, 400]])).toBe(
      `<p><img width="640" height="427" src="/images/a.png" alt="a"></p>\n<p><img width="1600" height="400"${LAZY} src="/images/b.png" alt="b"></p>\n<p><img${LAZY} src="https://e.example/c.png" alt="c"></p>`,
    );
  });

  it("keep the author's own width or height, and get no other", () => {
    const html = '<p><img src="/x.png" alt="1"><img src="/a.png" width="50%" alt="2"><img src="/a.png" height="90" alt="3"></p>';
    expect(pageImageHtml(html, [["/a.png", 640, 427]])).toBe(`<p><img src="/x.png" alt="1"><img${LAZY} src="/a.png" width="50%" alt="2"><img${LAZY} src="/a.png" height="90" alt="3"></p>`);
  });

  it("are matched by their address as written, its character references read", () => {
    const html = '<p><img src="/i.png" alt=""> <img src="/a.png?v=1&#x26;w=2" alt="q"></p>';
    expect(pageImageHtml(html, [["/a.png?v=1&w=2", 8, 6]])).toBe(`<p><img src="/i.png" alt=""> <img width="8" height="6"${LAZY} src="/a.png?v=1&#x26;w=2" alt="q"></p>`);
  });

  it("inside a <picture>, a table or a quote alike; text that only looks like a tag is left alone", () => {
    const html = '<pre><code>&#x3C;img src="/a.png"></code></pre><blockquote><picture><source srcset="/a.webp"><img src="/a.png" alt=""></picture></blockquote><table><tbody><tr><td><img src="/a.png" alt=""></td></tr></tbody></table>';
    expect(pageImageHtml(html, [["/a.png", 4, 3]])).toBe(
      `<pre><code>&#x3C;img src="/a.png"></code></pre><blockquote><picture><source srcset="/a.webp"><img width="4" height="3" src="/a.png" alt=""></picture></blockquote><table><tbody><tr><td><img width="4" height="3"${LAZY} src="/a.png" alt=""></td></tr></tbody></table>`,
    );
  });

  it("an SVG sized by its viewBox alone is marked scalable, to be shown as wide as the column as before it had a size", () => {
    const html = '<p><img src="/d.svg" alt="図"></p>';
    expect(pageImageHtml(html, [["/d.svg", 360, 336, 1]])).toBe('<p><img width="360" height="336" class="scalable" src="/d.svg" alt="図"></p>');
    // One with a class of a template's own gets no second one, and so no size: as it was shown before.
    const classed = '<p><img class="diagram" src="/d.svg" alt="図"></p>';
    expect(pageImageHtml(classed, [["/d.svg", 360, 336, 1]])).toBe(classed);
  });

  it("leave a body with no image as it is", () => {
    expect(pageImageHtml("<p>文章だけ。</p>", [["/a.png", 4, 3]])).toBe("<p>文章だけ。</p>");
  });
});
