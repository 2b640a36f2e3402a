/**
 * The email edition as `gekkan build` writes it (email.html, email.txt
 * beside each issue page), read back with an HTML parser and as text.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generate, type Generated } from "../../src/pipeline/generate.js";
import { generateFixture, generateSite } from "../helpers/fixtures.js";
import { allElements, attr, byTag, find, normalizeSpace, parseHtml, textContent, urlAttributes, type Element } from "../helpers/html.js";
import { REPO_ROOT } from "../helpers/sample-build.js";
import { copyToTemp } from "../helpers/temp-site.js";
import { EMAIL_FIXTURE, EMAIL_SITE, GMAIL_CLIP_BYTES, SITE_URL, columns, cssOutsideMedia } from "../helpers/email.js";

const JA = "issues/2011-04/";
/** Issue 2's English translation; its Japanese original is JA_MAY. */
const EN = "en/issues/2011-05/";
const JA_MAY = "issues/2011-05/";

let built: Generated;
const html = (route: string) => built.output.text(`${route}email.html`) ?? "";
const text = (route: string) => built.output.text(`${route}email.txt`) ?? "";
const hasClass = (el: Element, name: string) => (attr(el, "class") ?? "").split(/\s+/).includes(name);

beforeAll(async () => {
  built = await generateFixture(EMAIL_FIXTURE);
});

describe("which issues get an email", () => {
  it("every published issue has email.html and email.txt beside its page, in every language; drafts and future issues have none", async () => {
    const emails = built.output.paths().filter((p) => /\/email\.(html|txt)$/.test(p));
    expect(emails).toEqual([`${EN}email.html`, `${EN}email.txt`, `${JA}email.html`, `${JA}email.txt`, `${JA_MAY}email.html`, `${JA_MAY}email.txt`]);
    // Like the pages: a build with --drafts --future has them too.
    const preview = await generateFixture(EMAIL_FIXTURE, { drafts: true, future: true });
    expect(preview.output.paths()).toEqual(expect.arrayContaining(["issues/2011-06/email.html", "issues/2011-06/email.txt", "issues/2030-01/email.html", "issues/2030-01/email.txt"]));
  });

  it('"email": { "files": false } leaves them out (gekkan email still makes messages)', async () => {
    const dir = copyToTemp(EMAIL_SITE);
    try {
      const config = JSON.parse(await readFile(join(dir.path, "gekkan.config.json"), "utf8")) as { email: Record<string, unknown> };
      await writeFile(join(dir.path, "gekkan.config.json"), JSON.stringify({ ...config, email: { ...config.email, files: false } }));
      const off = await generateSite(dir.path);
      expect(off.output.paths().filter((p) => p.includes("/email."))).toEqual([]);
      expect(off.output.paths()).toContain(`${JA}index.html`);
    } finally {
      dir.remove();
    }
  });

  it("the same input gives the same bytes, whatever day the build runs", async () => {
    // Three years on (still before the future issue's date): pages may differ in "today", emails must not.
    const later = await generate({ root: built.config.root, now: new Date("2029-12-31T00:00:00Z"), search: false });
    for (const path of built.output.paths().filter((p) => p.includes("/email."))) expect(later.output.text(path), path).toBe(built.output.text(path));
  });
});

describe("email.html", () => {
  it("is self-contained: no script, no stylesheet link, no web font, no @import", () => {
    for (const route of [JA, EN]) {
      const doc = parseHtml(html(route));
      expect(html(route).startsWith("<!DOCTYPE html>\n")).toBe(true);
      expect(byTag(doc, "script")).toEqual([]);
      expect(byTag(doc, "link")).toEqual([]);
      const css = byTag(doc, "style").map((s) => textContent(s)).join("\n");
      expect(css).not.toMatch(/@font-face|@import|url\(/);
    }
  });

  it("has every link and image as an absolute URL: the site's under its url and base path", () => {
    const doc = parseHtml(html(JA));
    const urls = urlAttributes(doc).map((u) => u.value);
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) {
      expect(URL.canParse(url), url).toBe(true);
      expect(["https:", "mailto:"]).toContain(new URL(url).protocol);
      if (new URL(url).host === "news.example.org" && !url.endsWith("/unsubscribe")) expect(url.startsWith(SITE_URL), url).toBe(true);
    }
    expect(urls).toEqual(expect.arrayContaining([`${SITE_URL}images/diagram.png`, `${SITE_URL}issues/2011-05/`, "https://clusterlabs.org/", `${SITE_URL}${JA}#release-pacemaker-1-0-11`]));
    // "View in browser" comes before anything else and leads to the issue's page.
    const first = find(doc, (el) => el.tagName === "a");
    expect(first && attr(first, "href")).toBe(`${SITE_URL}${JA}`);
  });

  it("has its CSS inlined; a <style> block holds only what inlining cannot say (small screens, dark mode)", () => {
    const doc = parseHtml(html(JA));
    const css = byTag(doc, "style").map((s) => textContent(s)).join("\n");
    expect(cssOutsideMedia(css).trim()).toBe("");
    expect(css).toMatch(/@media \(prefers-color-scheme: dark\)/);
    expect(css).toMatch(/@media \(max-width: \d+px\)/);
    const content = find(doc, (el) => el.tagName === "td" && hasClass(el, "email-content"));
    expect(content).toBeDefined();
    for (const tag of ["p", "h2", "table", "th", "td", "pre", "code", "blockquote", "section", "img"]) {
      const elements = allElements(content as Element).filter((el) => el.tagName === tag);
      expect(elements.length, tag).toBeGreaterThan(0);
      for (const el of elements) expect(attr(el, "style") ?? "", `<${tag}> has no inline style`).toMatch(/\S/);
    }
  });

  it("is one column at most 600 px wide, laid out with tables, with Outlook's fixed width in a conditional comment", () => {
    const source = html(JA);
    const doc = parseHtml(source);
    const container = find(doc, (el) => el.tagName === "table" && hasClass(el, "email-container"));
    expect(container && attr(container, "role")).toBe("presentation");
    expect(attr(container as Element, "style")).toMatch(/max-width: 600px/);
    expect(source).toMatch(/<!--\[if mso\]><table role="presentation" align="center" width="600"/);
    for (const match of source.matchAll(/(?:^|[;" ])(?:min-|max-)?width: (\d+)px/g)) expect(Number(match[1])).toBeLessThanOrEqual(600);
  });

  it("opens with the issue's summary as a hidden preheader", () => {
    const doc = parseHtml(html(EN));
    const body = byTag(doc, "body")[0] as Element;
    const first = allElements(body)[0] as Element;
    expect(attr(first, "style")).toMatch(/display: none/);
    expect(normalizeSpace(textContent(first)).startsWith("Which STONITH plugin to use for which management board, and what changed in Pacemaker 1.0.11.")).toBe(true);
  });

  it("carries the web page's own issue body, blocks and all, in the issue's language", () => {
    for (const [route, lang] of [[JA, "ja"], [EN, "en"]] as const) {
      const page = parseHtml(built.output.text(`${route}index.html`) ?? "");
      const email = parseHtml(html(route));
      expect(attr(byTag(email, "html")[0] as Element, "lang")).toBe(lang);
      const pageBody = find(page, (el) => hasClass(el, "issue-body")) as Element;
      const emailBody = find(email, (el) => el.tagName === "td" && hasClass(el, "email-content")) as Element;
      expect(normalizeSpace(textContent(emailBody))).toBe(normalizeSpace(textContent(pageBody)));
    }
    const blocks = allElements(parseHtml(html(JA))).filter((el) => el.tagName === "section" && hasClass(el, "block"));
    expect(blocks.map((b) => attr(b, "id"))).toEqual(["release-pacemaker-1-0-11", "qa-python-gui-pacemaker-1-0-1-1", "stonith-hp-ilo3"]);
    // Each kind is told apart at a glance: a different border colour.
    const edges = blocks.map((b) => /border-left-color: (#[0-9a-f]{6})/.exec(attr(b, "style") ?? "")?.[1]);
    expect(new Set(edges).size).toBe(3);
  });
});

describe("email.txt", () => {
  it("gives links as numbered references, listed with absolute URLs under the text", () => {
    for (const route of [JA, EN]) {
      const [body = "", list = ""] = text(route).split(/\n(?:リンク|Links):\n/);
      const used = [...body.matchAll(/ \[(\d+)\]/g)].map((m) => Number(m[1]));
      const listed = [...list.matchAll(/^\[(\d+)\] (\S+)$/gm)].map((m) => [Number(m[1]), m[2] as string] as const);
      expect(listed.map(([n]) => n)).toEqual(listed.map((_, i) => i + 1));
      expect([...new Set(used)].sort((a, b) => a - b)).toEqual(listed.map(([n]) => n));
      // Numbered in order of first use.
      expect([...new Set(used)]).toEqual(listed.map(([n]) => n));
      for (const [, url] of listed) expect(url).toMatch(/^https:\/\//);
    }
    expect(text(JA)).toContain("[5] https://clusterlabs.org/");
    expect(text(JA)).toMatch(/^ブラウザで読む <https:\/\/news\.example\.org\/letters\/issues\/2011-04\/>$/m);
  });

  it("labels each block with its kind", () => {
    expect(text(JA)).toMatch(/^\| \[リリース・アナウンス\] Pacemaker 1\.0\.11 \[\d+\]$/m);
    expect(text(JA)).toMatch(/^\| \[バージョン互換 Q&A\] Python GUI は/m);
    expect(text(JA)).toMatch(/^\| \[STONITH メモ\] HP iLO3 → ipmi \[\d+\]$/m);
    expect(text(EN)).toMatch(/^\| \[STONITH notes\] IBM IMM → ipmi \[\d+\]$/m);
    expect(text(EN)).toMatch(/^\| Status: released$/m);
  });

  it("lines table columns up by display width, and gives a table too wide for a mail reader one record per row", () => {
    const lines = text(JA).split("\n");
    const header = lines.findIndex((l) => l.startsWith("コンポーネント"));
    const rows = lines.slice(header, header + 4);
    expect(rows[1]).toMatch(/^-+ +-+$/);
    const second = (line: string) => columns(line.slice(0, line.search(/\S+$/)));
    expect(new Set(rows.map(second)).size).toBe(1);
    expect(rows.map((r) => r.trim().split(/ {2,}/))).toEqual([["コンポーネント", "担当"], [expect.stringMatching(/^-+$/), expect.stringMatching(/^-+$/)], ["Pacemaker", "本体"], ["Corosync", "通信層"]]);
    expect(text(JA)).toContain("項目: resource-agents\n説明: リソースの起動・停止・監視を受け持つスクリプト群です\n備考: Mercurial から git へ移りました");
  });

  it("wraps English at 72 columns and leaves Japanese paragraphs whole", () => {
    const en = text(EN).split("\n").filter((l) => !/https?:\/\//.test(l));
    expect(Math.max(...en.map((l) => l.length))).toBeLessThanOrEqual(72);
    expect(text(EN)).toContain("This issue follows up on the first one [3], which was written in\nJapanese");
    expect(text(JA)).toContain("\n今月から月刊のメール版 [4]も始めます。詳しくは ClusterLabs [5] を見てください。\n");
  });
});

describe("a wide table in English", () => {
  // The sample's English April has a table too wide for columns, given as records; a record's value was one line, 97 columns.
  it("wraps each of its records at 72 columns too, a record's further lines indented under its name", async () => {
    const sample = await generateSite(REPO_ROOT);
    const lines = (sample.output.text("en/issues/2011-04/email.txt") ?? "").split("\n");
    const at = lines.findIndex((line) => line.startsWith("Main people (company): Dejan"));
    expect(at).toBeGreaterThan(0);
    expect(lines.slice(at, at + 2)).toEqual(["Main people (company): Dejan Muhamedagic (Novell), Florian Haas", "  (Linbit), Lars Ellenberg (Linbit)"]);
    const long = lines.filter((line) => !/https?:\/\//.test(line) && line.length > 72);
    expect(long).toEqual([]);
  });
});

describe("size", () => {
  it("every sample issue's email.html stays under Gmail's clipping limit (102 KB)", async () => {
    const sample = await generateSite(REPO_ROOT);
    const sizes = sample.output.paths().filter((p) => p.endsWith("/email.html")).map((p) => [p, Buffer.byteLength(sample.output.text(p) ?? "")] as const);
    expect(sizes.length).toBe(sample.site.issues.length + sample.site.translations.flatMap((e) => e.issues).length);
    for (const [path, size] of [...sizes, [`fixture ${JA}email.html`, Buffer.byteLength(html(JA))] as const]) {
      expect(size, path).toBeGreaterThan(5_000);
      expect(size, `${path} is ${size} bytes`).toBeLessThan(GMAIL_CLIP_BYTES);
    }
  });
});
