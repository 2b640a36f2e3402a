/**
 * An SVG image in an issue, which Gmail and Outlook leave out of a message:
 * `gekkan email` warns at the image's place in the Markdown (email-svg).
 * Oracles: the places are found by searching the issue's own text, and the
 * message is read back with mailparser.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { captureIo } from "../helpers/io.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

const CONFIG = `${JSON.stringify({ title: "テスト月刊", lang: "ja", url: "https://example.org/", email: { from: "月刊 <news@example.org>" } })}\n`;
const FILE = "content/issues/2011/2011-04.md";
const BODY = [
  "構成図です。",
  "",
  "![クラスタの構成図](/images/stack.svg)",
  "",
  "写真は PNG なので大丈夫です。",
  "",
  "![ラック](/images/rack.png)",
  "",
  '<p>HTML でも：<img alt="フェンシングの流れ"',
  '  src="/images/Fencing.SVG?v=2"></p>',
  "",
  "参照でも ![図][zu] 書けます。二度目の ![図][zu] も同じ定義です。",
  "",
  "![あとの図](/images/after.svg)",
  "",
  "[zu]: /images/ref.svg",
  "",
].join("\n");

let dir: TempDir | undefined;
afterEach(() => {
  dir?.remove();
  dir = undefined;
});

/** The 1-based line and column where `needle` starts in `text`. */
function placeOf(text: string, needle: string): string {
  const at = text.indexOf(needle);
  const before = text.slice(0, at).split("\n");
  return `${before.length}:${(before.at(-1) ?? "").length + 1}`;
}

async function email(frontMatterLine = "") {
  const text = issue({ title: "四月号", issue: 1, date: "2011-04-01" }, BODY).replace("---\n", `---\n${frontMatterLine}`);
  const images = { "public/images/stack.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>", "public/images/rack.png": "png", "public/images/Fencing.SVG": "<svg xmlns='http://www.w3.org/2000/svg'/>", "public/images/ref.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>", "public/images/after.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>" };
  dir = tempSite({ "gekkan.config.json": CONFIG, [FILE]: text, ...images });
  const out = join(dir.path, "issue.eml");
  const io = captureIo();
  const code = await main(["email", "1", "--root", dir.path, "--no-cache", "--out", out], io);
  return { code, text, err: io.stderr, mail: await simpleParser(readFileSync(out)) };
}

describe("an SVG image in an issue's email", () => {
  it("is a warning at each SVG image, where its address is written, and the message is written all the same", async () => {
    const { code, text, err, mail } = await email();
    expect(code).toBe(0);
    // What the reader's mail app gets: the SVGs as <img>, which Gmail and Outlook leave out.
    const sources = [...String(mail.html).matchAll(/<img\b[^>]*\bsrc="([^"]*)"/g)].map((m) => m[1]);
    expect(sources).toEqual(["https://example.org/images/stack.svg", "https://example.org/images/rack.png", "https://example.org/images/Fencing.SVG?v=2", "https://example.org/images/ref.svg", "https://example.org/images/ref.svg", "https://example.org/images/after.svg"]);
    // One per place the address is written, in the order of the file: the definition used twice is one.
    const warned = err.filter((line) => line.includes("is an SVG image"));
    expect(warned.map((line) => line.slice(0, line.indexOf("  warning: ")))).toEqual([
      `${FILE}:${placeOf(text, "![クラスタの構成図]")}`,
      `${FILE}:${placeOf(text, 'src="/images/Fencing.SVG')}`,
      `${FILE}:${placeOf(text, "![あとの図]")}`,
      `${FILE}:${placeOf(text, "[zu]: ")}`,
    ]);
    expect(warned[0]).toBe(`${FILE}:${placeOf(text, "![クラスタの構成図]")}  warning: "/images/stack.svg" is an SVG image, which Gmail and Outlook do not show in an email: readers of the email see only its description in its place (its alt text, or nothing); for the email, save a PNG or JPEG of it beside it under the same name (/images/stack.png in public/), which the email then shows in its place while the web page keeps the SVG, or stop this warning if the description says enough`);
    expect(err.at(-1)).toContain('"ignoreWarnings": ["email-svg"], or for one issue only in its front matter with ignoreWarnings: [email-svg]');
  });

  it("an issue that means its SVG stops the warning in its front matter", async () => {
    const { code, err } = await email("ignoreWarnings: [email-svg]\n");
    expect(code).toBe(0);
    expect(err.join("\n")).not.toContain("SVG");
  });
});
