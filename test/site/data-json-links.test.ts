/**
 * /data/compat.json is read away from the site (another site, a bot), but its
 * questionHtml and answerHtml were the issue page's HTML as written there: a
 * footnote reference linked to `#user-content-fn-1` and carried the page's
 * id and aria-describedby, and a link to another issue was `/issues/…/` or
 * `../…/`, all dead for the reader of the JSON. Every link in them is now
 * absolute, a footnote reference leads to its note on its issue's page and
 * names nothing of that page's. Built with `gekkan build` in this process,
 * on a site published under a path (https://example.org/news/); the JSON
 * parsed, its HTML read with parse5 and each link followed to the built page
 * it names, where the element it lands on is looked up as a browser finds it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allElements, attr, parseHtml, urlAttributes, type Element } from "../helpers/html.js";
import { buildInProcess } from "../helpers/io.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

const SITE = "https://example.org/news/";
const CONFIG = { title: "テスト月刊", url: SITE, authors: ["編集部"] };

const APRIL = `本文にも脚注があります[^本文]。

:::qa{components="pacemaker" versions="1.0"}
Pacemaker 1.0 で STONITH は必須ですか？

---

本番では必須です[^1]。
:::

[^本文]: 本文の脚注です。
[^1]: 検証環境では stonith-enabled=false で止められます。
`;

const MAY = `:::qa{components="pacemaker corosync" versions="1.1"}
Corosync 2.0 と組み合わせられますか？

もう少し詳しく書くと、1.1 系の話です[^q]。

---

組み合わせられます[^1]。[前号](/issues/2011-04/)の[質問](../2011-04/#qa-pacemaker-1-0)と[この質問](#qa-pacemaker-corosync-1-1)も。
:::

[^q]: 質問の補足の脚注です。
[^1]: 回答の脚注です。
`;

interface Question { questionHtml: string; answerHtml: string; issue: { url: string } }

let dir: TempDir;
let questions: Question[];
beforeAll(async () => {
  dir = tempSite({
    "gekkan.config.json": `${JSON.stringify(CONFIG)}\n`,
    "content/issues/2011/2011-04.md": issue({ title: "四月号", issue: 1, date: "2011-04-01" }, APRIL),
    "content/issues/2011/2011-05.md": issue({ title: "五月号", issue: 2, date: "2011-05-01" }, MAY),
  });
  const { code, stderr } = await buildInProcess(dir.path);
  expect(stderr).toEqual([]);
  expect(code).toBe(0);
  questions = (JSON.parse(readFileSync(join(dir.path, "dist", "data", "compat.json"), "utf8")) as { questions: Question[] }).questions;
}, 60_000);
afterAll(() => dir.remove());

/** The HTML fragments of the JSON, each with the issue page it came from. */
const fragments = () => questions.flatMap((q) => [q.questionHtml, q.answerHtml].map((html) => ({ elements: allElements(parseHtml(html)), issue: q.issue.url })));

/** The element an absolute URL of the site lands on in the built output: the id as written, else percent-decoded (HTML's "indicated part"). */
function landing(href: string): Element | undefined {
  const url = new URL(href);
  const path = url.pathname.slice(new URL(SITE).pathname.length);
  const page = path === "" || path.endsWith("/") ? `${path}index.html` : path;
  const elements = allElements(parseHtml(readFileSync(join(dir.path, "dist", page), "utf8")));
  const fragment = url.hash.slice(1);
  if (fragment === "") return elements.find((el) => el.tagName === "html");
  return elements.find((el) => attr(el, "id") === fragment) ?? elements.find((el) => attr(el, "id") === decodeURIComponent(fragment));
}

describe("the HTML in /data/compat.json", () => {
  it("has only absolute links, and each one of the site's lands on its page and element", () => {
    const hrefs = fragments().flatMap((f) => urlAttributes({ childNodes: f.elements } as never).map((u) => u.value));
    // A footnote in May's question detail and answer and April's answer, and May's three links.
    expect(hrefs.length).toBeGreaterThanOrEqual(6);
    for (const href of hrefs) {
      expect(() => new URL(href), href).not.toThrow();
      expect(href.startsWith(SITE), href).toBe(true);
      expect(landing(href), href).toBeDefined();
    }
  });

  it("links each footnote reference to its note on its own issue's page", () => {
    const notes = fragments().flatMap((f) => f.elements.filter((el) => el.tagName === "a" && attr(el, "data-footnote-ref") !== undefined).map((ref) => {
      const href = attr(ref, "href") ?? "";
      expect(href.startsWith(f.issue), `${href} is not on ${f.issue}`).toBe(true);
      const note = landing(href);
      expect(note?.tagName, href).toBe("li");
      return `${new URL(href).pathname} ${note === undefined ? "" : attr(note, "id")}`;
    }));
    expect(notes.sort()).toEqual(["/news/issues/2011-04/ user-content-fn-1", "/news/issues/2011-05/ user-content-fn-1", "/news/issues/2011-05/ user-content-fn-q"]);
  });

  it("carries no id or aria-describedby of the issue page's", () => {
    const named = fragments().flatMap((f) => f.elements.filter((el) => attr(el, "id") !== undefined || attr(el, "aria-describedby") !== undefined));
    expect(named.map((el) => el.attrs.map((a) => `${a.name}="${a.value}"`).join(" "))).toEqual([]);
  });
});
