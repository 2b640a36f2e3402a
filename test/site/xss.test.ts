/**
 * A throwaway site whose every author-controlled string (config title and
 * description, issue title/summary/authors, Markdown body, raw HTML, block
 * attribute values, link targets) carries a script-injection payload. Every
 * generated HTML page, and the HTML inside every feed, is parsed with parse5
 * and walked: no <script> apart from the search page's own Pagefind loader,
 * no on* handler attribute, no javascript:/vbscript:/data: URL, no
 * iframe/object/embed/base/form/meta-refresh. The payloads must still show
 * up as visible text, so the test cannot pass by dropping the content.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate, type Generated } from "../../src/pipeline/generate.js";
import { tempSite, type TempDir } from "../helpers/temp-site.js";
import { allElements, attr, byTag, describeElement, meta, normalizeSpace, parseHtml, textContent, urlAttributes, type Document } from "../helpers/html.js";
import { child, children, parseXml, text, xmlAttr } from "../helpers/xml.js";

const SCRIPT = "<script>alert(1)</script>";
const BREAKOUT = '"><img src=x onerror=alert(1)>';
const SVG = "'><svg onload=alert(1)>";

const CONFIG = {
  title: `月刊 ${SCRIPT}`,
  description: `説明 ${BREAKOUT}`,
  url: "https://example.org/",
  lang: "ja",
  authors: [`編集部 ${SVG}`],
  // The English edition's own title; its description falls back to the site's (marked lang="ja").
  languages: { en: { title: `Monthly ${BREAKOUT}` } },
};

const ISSUE_TITLE = `${SCRIPT} ${BREAKOUT} 号`;
const ISSUE_SUMMARY = `まとめ ${BREAKOUT} ${SCRIPT}`;

const ISSUE = `---
title: ${JSON.stringify(ISSUE_TITLE)}
issue: 1
date: 2011-04-01
summary: ${JSON.stringify(ISSUE_SUMMARY)}
tags: [pacemaker, stonith]
authors: [${JSON.stringify(`著者 ${BREAKOUT}`)}]
lang: ja
---

本文の先頭。${SCRIPT}

<script>alert("raw")</script>

<img src="x" onerror="alert(1)" alt="画像">

<svg><script>alert(1)</script></svg>

<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>

<a href="javascript:alert(1)">raw link</a> <a href=" &#x6A;avascript:alert(1)">entity raw link</a> <a href="vbscript:msgbox(1)">vb</a> <a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">data</a>

<a href="https://example.org/" onclick="alert(1)" onmouseover="alert(1)">handler link</a>

<iframe src="javascript:alert(1)"></iframe> <iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>

<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">

<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">go</button><input type="image" src="x" onerror="alert(1)"></form>

<meta http-equiv="refresh" content="0;url=javascript:alert(1)">

<base href="javascript:alert(1)//">

<div style="background:url(javascript:alert(1))">styled</div>

<details open ontoggle="alert(1)"><summary>toggle</summary>x</details>

<p title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">titled paragraph</p>

\`${SCRIPT}\` in code.

## ${SCRIPT} 見出し

:::release{component="pacemaker" version="1.0.11" status="planned" title="${SCRIPT}"}
リリース本文 ${SCRIPT}
:::

:::release{component="pacemaker" status="announcement" title='${BREAKOUT}'}
アナウンス本文
:::

:::stonith{device='HP ${BREAKOUT}' plugin="ipmi" vendor="${SCRIPT}" hardware='${SVG.replace(/'/g, "")}'}
STONITH 本文
:::

:::qa{components="pacemaker" versions="1.0 1.1"}
質問 ${SCRIPT}？

---

回答 <a href="javascript:alert(1)">answer link</a>
:::
`;

/** Markdown links and images to javascript: are refused with the build (remark-link-schemes.ts); raw HTML ones above are sanitised. */
const MARKDOWN_LINKS = `[markdown link](javascript:alert(1)) / [entity link](&#106;avascript:alert(1)) / [spaced link]( JaVaScRiPt:alert(1)) / <javascript:alert(1)>

![image](javascript:alert(1))
`;

const DANGEROUS_ELEMENTS = new Set(["iframe", "frame", "frameset", "object", "embed", "applet", "base", "form", "portal"]);
const DANGEROUS_URL = /^(javascript|vbscript|data):/i;

/** Why an HTML document is unsafe; [] when it is fine. `allowScripts` checks the page's own scripts. */
function unsafeParts(doc: Document, allowScripts: (el: ReturnType<typeof allElements>[number]) => boolean = () => false): string[] {
  const problems: string[] = [];
  for (const el of allElements(doc)) {
    if (el.tagName === "script" && !allowScripts(el)) problems.push(`script element: ${describeElement(el)} ${textContent(el).slice(0, 80)}`);
    if (DANGEROUS_ELEMENTS.has(el.tagName)) problems.push(`dangerous element: ${describeElement(el)}`);
    if (el.tagName === "meta" && (attr(el, "http-equiv") ?? "").toLowerCase() === "refresh") problems.push(`meta refresh: ${describeElement(el)}`);
    for (const a of el.attrs) {
      if (/^on/i.test(a.name)) problems.push(`event handler ${a.name}: ${describeElement(el)}`);
      if (a.name === "srcdoc") problems.push(`srcdoc: ${describeElement(el)}`);
      if (a.name === "style" && /javascript:|expression\(/i.test(a.value)) problems.push(`script in style: ${describeElement(el)}`);
    }
  }
  for (const { el, name, value } of urlAttributes(doc)) {
    // Browsers ignore leading/trailing whitespace and strip tabs/newlines inside a URL's scheme.
    const normalized = value.replace(/[\u0000-\u0020]/g, "");
    const candidates = name === "srcset" ? normalized.split(",") : [normalized];
    if (candidates.some((c) => DANGEROUS_URL.test(c))) problems.push(`${name}="${value}" on ${describeElement(el)}`);
  }
  return problems;
}

let dir: TempDir;
let built: Generated;

function page(path: string): Document {
  const html = built.output.text(path);
  if (html === undefined) throw new Error(`not generated: ${path}`);
  return parseHtml(html);
}

function htmlPaths(): string[] {
  return built.output.paths().filter((p) => p.endsWith(".html") && !p.startsWith("pagefind/"));
}

/** The search page may load Pagefind UI (a file of the build) and run its initialiser (which reads data-* attributes and may add gekkan's Japanese phrase boundaries, named by one of them), nothing else. */
/** The search template's inline script as written: it has no placeholders, so the page must carry it byte for byte. */
const SEARCH_INIT = /<script>([\s\S]*?)<\/script>/.exec(readFileSync(join(import.meta.dirname, "..", "..", "templates", "search.liquid"), "utf8"))?.[1]?.trim() ?? "";

function isPagefindScript(el: ReturnType<typeof allElements>[number]): boolean {
  const src = attr(el, "src");
  if (src !== undefined) return src === "/pagefind/pagefind-ui.js";
  const code = textContent(el).trim();
  return code === SEARCH_INIT && code.includes("new PagefindUI(") && !/alert|javascript:|\{\{|\{%/i.test(code);
}

beforeAll(async () => {
  dir = tempSite({
    "gekkan.config.json": `${JSON.stringify(CONFIG, null, 2)}\n`,
    "content/issues/2011/2011-04.md": ISSUE,
    // The same hostile text as a translation: every page of the English edition, its language links and switch.
    // (Plus a line of its own: a translation that is its original word for word is refused as untranslated.)
    "content/issues/2011/2011-04.en.md": `${ISSUE.replace("lang: ja", "lang: en")}\nIn English.\n`,
    "content/issues/2011/2011-05.md": `---\ntitle: "次の号"\nissue: 2\ndate: 2011-05-01\n---\n\n[創刊号](/issues/2011-04/)へ。\n`,
  });
  built = await generate({ root: dir.path, now: new Date("2026-01-01T00:00:00Z"), search: false, threads: 0 });
});

afterAll(() => {
  dir?.remove();
});

describe("hostile content: generated HTML pages", () => {
  it("the detector itself flags every kind of executable markup", () => {
    const bad = parseHtml(
      `<p onclick="x()">a</p><script>x()</script><a href=" java\tscript:x()">b</a><iframe src="https://e.example/"></iframe><img srcset="ok.png 1x, data:image/svg+xml,x 2x"><meta http-equiv="Refresh" content="0">`,
    );
    const found = unsafeParts(bad).join("\n");
    for (const kind of ["event handler onclick", "script element", 'href=" java\tscript:x()"', "dangerous element: <iframe", "srcset=", "meta refresh"]) {
      expect(found).toContain(kind);
    }
    expect(unsafeParts(parseHtml('<p><a href="https://e.example/">ok</a> &lt;script&gt;</p>'))).toEqual([]);
  });

  it("renders every page type", () => {
    expect(htmlPaths()).toEqual(
      expect.arrayContaining(["index.html", "404.html", "issues/2011-04/index.html", "archive/index.html", "archive/2011/index.html", "releases/index.html", "compat/index.html", "stonith/index.html", "components/index.html", "components/pacemaker/index.html", "search/index.html", "en/index.html", "en/issues/2011-04/index.html", "en/releases/index.html"]),
    );
  });

  it("no page contains a script, handler, dangerous element or javascript: URL", () => {
    const report: string[] = [];
    for (const path of htmlPaths()) {
      const allow = path === "search/index.html" || path === "en/search/index.html" ? isPagefindScript : () => false;
      for (const p of unsafeParts(page(path), allow)) report.push(`${path}: ${p}`);
    }
    expect(report).toEqual([]);
  });

  it.each(["search/index.html", "en/search/index.html"])("the search page's own scripts are exactly the Pagefind loader and initialiser (%s)", (path) => {
    const scripts = byTag(page(path), "script");
    expect(scripts.map((s) => attr(s, "src") ?? "inline")).toEqual(["/pagefind/pagefind-ui.js", "inline"]);
    expect(scripts.every(isPagefindScript)).toBe(true);
    // The one script the initialiser adds, when a Japanese excerpt needs it: the build's own file, named in the search box's data.
    const box = byTag(page(path), "div").find((d) => attr(d, "id") === "search");
    expect(box && attr(box, "data-phrases-url")).toBe("/assets/budoux-ja.js");
  });

  it("shows the payloads as inert text (nothing was silently dropped)", () => {
    const issue = page("issues/2011-04/index.html");
    expect(normalizeSpace(textContent(byTag(issue, "h1")[0] ?? issue))).toBe(ISSUE_TITLE);
    expect(meta(issue, "description")).toBe(ISSUE_SUMMARY);
    expect(meta(issue, "og:site_name")).toBe(CONFIG.title);
    const body = normalizeSpace(textContent(issue));
    // Raw HTML in the body is sanitised away; text from front matter, block attributes and code is escaped.
    for (const visible of ["本文の先頭。", `著者 ${BREAKOUT}`, `${SCRIPT} in code.`, `HP ${BREAKOUT} → ipmi`, `ベンダー${SCRIPT}`, "リリース本文", "answer link", "raw link", "handler link", "titled paragraph"]) {
      expect(body).toContain(visible);
    }
    const home = page("index.html");
    expect(normalizeSpace(textContent(byTag(home, "h1")[0] ?? home))).toBe(CONFIG.title);
    const rel = page("releases/index.html");
    expect(normalizeSpace(textContent(rel))).toContain(SCRIPT);
  });

  it("a Markdown link or image to javascript:, however written, is refused at its place", async () => {
    const bad = tempSite({ "content/issues/2011/2011-04.md": `---\ntitle: "t"\nissue: 1\ndate: 2011-04-01\n---\n\n${MARKDOWN_LINKS}` });
    try {
      const refused = await generate({ root: bad.path, now: new Date("2026-01-01T00:00:00Z"), search: false, threads: 0 }).then(() => [], (e: { messages: Array<{ line?: number; column?: number }> }) => e.messages.map((m) => `${String(m.line)}:${String(m.column)}`));
      expect(refused).toEqual(["7:1", "7:40", "7:82", "7:120", "9:1"]);
    } finally {
      bad.remove();
    }
  });

  it("a tag cannot carry markup: tags must be known component names", async () => {
    const bad = tempSite({
      "content/issues/2011/2011-04.md": `---\ntitle: "t"\nissue: 1\ndate: 2011-04-01\ntags: ["${SCRIPT}"]\n---\n\nx\n`,
    });
    try {
      await expect(generate({ root: bad.path, now: new Date("2026-01-01T00:00:00Z"), search: false, threads: 0 })).rejects.toThrow(/not a known component/);
    } finally {
      bad.remove();
    }
  });
});

describe("hostile content: feeds", () => {
  it("Atom: title/summary/content of type html parse to inert HTML that still shows the payload", () => {
    const atom = parseXml(built.output.text("feed.xml") ?? "");
    const entry = children(atom, "entry").find((e) => text(child(e, "id")) === "https://example.org/issues/2011-04/");
    expect(entry).toBeDefined();
    const report: string[] = [];
    const shown: Record<string, string> = {};
    for (const field of ["title", "summary", "content"]) {
      const node = child(entry ?? {}, field);
      const type = xmlAttr(node, "type") ?? "text";
      const value = text(node);
      if (type === "html") {
        const doc = parseHtml(value);
        for (const p of unsafeParts(doc)) report.push(`${field}: ${p}`);
        shown[field] = normalizeSpace(textContent(doc));
      } else {
        shown[field] = normalizeSpace(value);
      }
    }
    expect(report).toEqual([]);
    // What a reader displays is the author's text, character for character.
    expect(shown["title"]).toBe(ISSUE_TITLE);
    expect(shown["summary"]).toBe(ISSUE_SUMMARY);
    expect(shown["content"]).toContain(`${SCRIPT} in code.`);
    expect(shown["content"]).toContain(`HP ${BREAKOUT} → ipmi`);
  });

  // An RSS title is plain text (RSS Best Practices Profile), never HTML: the author's characters, a script tag's too.
  it("RSS: the title is the author's text; description and content:encoded parse to inert HTML", () => {
    const rss = parseXml(built.output.text("rss.xml") ?? "");
    const item = children(child(rss, "channel") ?? {}, "item").find((i) => text(child(i, "link")) === "https://example.org/issues/2011-04/");
    expect(item).toBeDefined();
    expect(text(child(item ?? {}, "title"))).toBe(ISSUE_TITLE);
    const report: string[] = [];
    for (const field of ["description", "content:encoded"]) {
      for (const p of unsafeParts(parseHtml(text(child(item ?? {}, field))))) report.push(`${field}: ${p}`);
    }
    expect(report).toEqual([]);
    expect(normalizeSpace(textContent(parseHtml(text(child(item ?? {}, "description")))))).toBe(ISSUE_SUMMARY);
  });

  it("JSON Feed: content_html is inert; title and summary are plain text, unchanged", () => {
    const json = JSON.parse(built.output.text("feed.json") ?? "{}") as { items: Array<{ id: string; title: string; summary?: string; content_html: string }> };
    const item = json.items.find((i) => i.id === "https://example.org/issues/2011-04/");
    expect(item?.title).toBe(ISSUE_TITLE);
    expect(item?.summary).toBe(ISSUE_SUMMARY);
    expect(unsafeParts(parseHtml(item?.content_html ?? ""))).toEqual([]);
    expect(normalizeSpace(textContent(parseHtml(item?.content_html ?? "")))).toContain(`${SCRIPT} in code.`);
  });

  it("component feeds are inert too", () => {
    const feed = parseXml(built.output.text("components/pacemaker/feed.xml") ?? "");
    const report: string[] = [];
    for (const e of children(feed, "entry")) {
      for (const field of ["title", "summary", "content"]) {
        const node = child(e, field);
        if ((xmlAttr(node, "type") ?? "text") === "html") for (const p of unsafeParts(parseHtml(text(node)))) report.push(`${field}: ${p}`);
      }
    }
    expect(children(feed, "entry").length).toBeGreaterThan(0);
    expect(report).toEqual([]);
  });
});
