/**
 * The email's images as the mail apps that differ from a browser need them:
 * an SVG with a PNG of the same name beside it is shown as that PNG (Gmail
 * and Outlook show no SVG), and an image of the site gets a width attribute,
 * its own or the column's when wider (Outlook for Windows ignores CSS
 * max-width). Oracles: the fixture's image sizes as Chromium decoded them
 * when they were made (`file` agrees), the column read from the email
 * stylesheet, and the <img> tags read with a regex, the message with mailparser.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { captureIo } from "../helpers/io.js";
import { fixtureInput, generateSite } from "../helpers/fixtures.js";
import { copyToTemp, writeFiles, type TempDir } from "../helpers/temp-site.js";

const FIXTURE = fixtureInput("email-images");
const SITE = "https://news.example.org/letters/";
/** The images' own widths (test/fixtures/email-images/input/public/images). */
const WIDTH = { "diagram.png": 300, "wide.png": 1200, "photo.jpg": 800, "narrow.gif": 120 };

/** The column's content width: the container's max-width less its border and the content cell's side padding, as the email stylesheet has them. */
function columnWidth(): number {
  const css = readFileSync(join(import.meta.dirname, "..", "..", "templates", "email", "style.liquid"), "utf8");
  const container = Number(/\.email-container \{[^}]*max-width: (\d+)px/.exec(css)?.[1]);
  const border = Number(/\.email-container \{[^}]*border: (\d+)px/.exec(css)?.[1]);
  const side = Number(/\.email-cell \{[^}]*padding: \d+px (\d+)px/.exec(css)?.[1]);
  return container - 2 * border - 2 * side;
}

/** Each <img> as [src, width attribute or undefined]. */
function images(html: string): Array<[string, string | undefined]> {
  return [...html.matchAll(/<img\b[^>]*>/g)].map(([tag]) => [/\ssrc="([^"]*)"/.exec(tag)?.[1] ?? "", /\swidth="([^"]*)"/.exec(tag)?.[1]]);
}

const temps: TempDir[] = [];
afterAll(() => temps.forEach((t) => t.remove()));

describe("the images of an issue's email", () => {
  let email = "";
  let page = "";
  beforeAll(async () => {
    const { output } = await generateSite(FIXTURE);
    email = output.text("issues/2011-04/email.html") ?? "";
    page = output.text("issues/2011-04/index.html") ?? "";
  });

  it("shows the PNG beside an SVG and gives every image of the site its width, at most the column's", () => {
    const column = columnWidth();
    expect(column).toBe(550);
    expect(images(email)).toEqual([
      [`${SITE}images/diagram.png`, String(WIDTH["diagram.png"])],
      // Beside it only a WebP, which Outlook does not show: the SVG stays, with its warning (below).
      [`${SITE}images/chart.svg`, undefined],
      [`${SITE}images/wide.png`, String(column)],
      [`${SITE}images/photo.jpg`, String(column)],
      [`${SITE}images/narrow.gif`, String(WIDTH["narrow.gif"])],
      // The author's own width stays, the only one.
      [`${SITE}images/wide.png`, "300"],
      // Another site's image: its size is not read.
      ["https://other.example.com/big.png", undefined],
    ]);
  });

  it("leaves the web page its SVG", () => {
    expect(images(page).map(([src]) => src)).toContain("/letters/images/diagram.svg");
    expect(page).not.toContain("diagram.png");
  });

  it("warns (email-svg) only at the SVG that has no PNG or JPEG beside it, and the message shows the PNG", async () => {
    const dir = copyToTemp(FIXTURE);
    temps.push(dir);
    const out = join(dir.path, "april.eml");
    const io = captureIo();
    expect(await main(["email", "1", "--root", dir.path, "--no-cache", "--out", out], io)).toBe(0);
    const warned = io.stderr.filter((line) => line.includes("is an SVG image"));
    expect(warned).toHaveLength(1);
    expect(warned[0]).toMatch(/^content\/issues\/2011\/2011-04\.md:14:1 {2}warning: "\/images\/chart\.svg" is an SVG image, .*save a PNG or JPEG of it beside it under the same name \(\/images\/chart\.png in public\/\), which the email then shows in its place while the web page keeps the SVG/);
    const mail = await simpleParser(readFileSync(out));
    expect(images(String(mail.html))[0]).toEqual([`${SITE}images/diagram.png`, "300"]);
  });
});

describe("an image put in public/ after a build", () => {
  it("reaches the next build's email, cache or not: a PNG beside the SVG, a JPEG whose frame header lies past 60 KB of comments", async () => {
    const dir = copyToTemp(FIXTURE);
    temps.push(dir);
    const build = async () => {
      expect(await main(["build", "--root", dir.path], captureIo())).toBe(0);
      return images(readFileSync(join(dir.path, "dist", "issues", "2011-04", "email.html"), "utf8"));
    };
    expect((await build())[1]).toEqual([`${SITE}images/chart.svg`, undefined]);
    const png = readFileSync(join(FIXTURE, "public", "images", "diagram.png"));
    // A JPEG comment segment (FF FE, its length, its bytes) right after the start of image, twice: still the same picture.
    const jpeg = readFileSync(join(FIXTURE, "public", "images", "photo.jpg"));
    const comment = Buffer.concat([Buffer.from([0xff, 0xfe, 0x75, 0x32]), Buffer.alloc(0x7530, 0x61)]);
    writeFiles(dir.path, { "public/images/chart.png": png, "public/images/photo.jpg": Buffer.concat([jpeg.subarray(0, 2), comment, comment, jpeg.subarray(2)]) });
    const after = await build();
    // Shown at the SVG's width (width='640' in chart.svg), not the PNG's 300 pixels: wider than the column, so the column's.
    expect(after[1]).toEqual([`${SITE}images/chart.png`, String(columnWidth())]);
    expect(after[3]).toEqual([`${SITE}images/photo.jpg`, String(columnWidth())]);
  });
});
