/**
 * A Q&A answer with a footnote, shown on /compat/ away from its issue (a
 * component's page lists the question only), kept the issue page's footnote reference: the
 * same id in every issue (user-content-fnref-1), so the page had it twice,
 * and a link to a note (#user-content-fn-1) that is not on that page, with
 * an aria-describedby naming a heading that is not there either. Each
 * reference now links to the note on its issue's page and names nothing on
 * the list page. On test/fixtures/compat-footnotes: 2011-04 has a footnote
 * in its body, one in a heading and one in its answer ([^1]); 2011-05 one in its question
 * (used again in its detail) and one in its answer ([^1] too). Read with parse5; each link followed
 * to the page it names, the note looked up there as a browser finds it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Generated } from "../../src/pipeline/generate.js";
import { builtPage, generateFixture } from "../helpers/fixtures.js";
import { allElements, attr, textContent, type Element } from "../helpers/html.js";

let built: Generated;
beforeAll(async () => {
  built = await generateFixture("compat-footnotes");
}, 60_000);

const elements = (path: string): Element[] => allElements(builtPage(built, path));
const isFootnoteRef = (el: Element) => el.tagName === "a" && attr(el, "data-footnote-ref") !== undefined;

/** The element a link lands on: its page's element with the fragment as id, as written, else percent-decoded (HTML's "indicated part"). */
function landing(from: string, href: string): Element | undefined {
  const url = new URL(href, `https://example.org/${from}`);
  const page = url.pathname.endsWith("/") ? `${url.pathname.slice(1)}index.html` : url.pathname.slice(1);
  const fragment = url.hash.slice(1);
  const ids = elements(page);
  return ids.find((el) => attr(el, "id") === fragment) ?? ids.find((el) => attr(el, "id") === decodeURIComponent(fragment));
}

describe("footnotes in Q&A shown on /compat/", () => {
  const path = "compat/index.html";
  it("no id is on the page twice", () => {
    const ids = elements(path).flatMap((el) => attr(el, "id") ?? []);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it("each reference leads to its note on its own issue's page, and describes itself by nothing the page lacks", () => {
    const refs = elements(path).filter(isFootnoteRef);
    // 2011-04's answer, 2011-05's question detail and answer (the question's first line is its plain-text heading).
    expect(refs.length).toBe(3);
    const pageIds = new Set(elements(path).flatMap((el) => attr(el, "id") ?? []));
    const notes = refs.map((ref) => {
      const note = landing(path, attr(ref, "href") ?? "");
      expect(note?.tagName, attr(ref, "href")).toBe("li");
      const described = attr(ref, "aria-describedby");
      if (described !== undefined) expect(pageIds.has(described), described).toBe(true);
      return `${new URL(attr(ref, "href") ?? "", `https://example.org/${path}`).pathname} ${attr(ref, "href")?.split("#")[1]}`;
    });
    expect(notes).toEqual(expect.arrayContaining(["/issues/2011-04/ user-content-fn-1", "/issues/2011-05/ user-content-fn-q", "/issues/2011-05/ user-content-fn-1"]));
  });
});

describe("the issue page itself", () => {
  it("keeps its references to its own notes", () => {
    const refs = elements("issues/2011-04/index.html").filter(isFootnoteRef);
    expect(refs.map((ref) => attr(ref, "href"))).toEqual(["#user-content-fn-%E6%9C%AC%E6%96%87", "#user-content-fn-%E5%89%8D%E6%8F%90", "#user-content-fn-1"]);
    expect(refs.map((ref) => attr(ref, "id"))).toEqual(["user-content-fnref-%E6%9C%AC%E6%96%87", "user-content-fnref-%E5%89%8D%E6%8F%90", "user-content-fnref-1"]);
  });
});

/**
 * A footnote reference in a question's first line or in a heading ran its
 * number into the words wherever that text is shown away from its notes:
 * "…組み合わせられますか？q" as /compat/'s heading and data/compat.json's
 * question, "検証の前提1" in the issue's contents list. The text is now the
 * words alone; the heading's id keeps the number, as GitHub's does, so the
 * contents link still lands on its heading.
 */
describe("footnote numbers stay out of text shown away from the notes", () => {
  const text = (el: Element): string => textContent(el);

  it("a question's title on /compat/ and in data/compat.json is its words alone", () => {
    const headings = elements("compat/index.html").filter((el) => el.tagName === "h2").map((el) => text(el).trim());
    expect(headings).toContain("Corosync 2.0 と組み合わせられますか？");
    const data = JSON.parse(built.output.text("data/compat.json") ?? "null") as { questions: Array<{ question: string }> };
    expect(data.questions.map((q) => q.question)).toContain("Corosync 2.0 と組み合わせられますか？");
  });

  it("a heading's entry in the contents list is its words alone, and still leads to the heading", () => {
    const path = "issues/2011-04/index.html";
    const entries = elements(path).filter((el) => el.tagName === "a" && el.parentNode !== null && attr(el.parentNode as Element, "class")?.startsWith("toc-") === true);
    expect(entries.map((el) => text(el))).toEqual(["検証の前提", "まとめ", "Pacemaker 1.0 で STONITH は必須ですか？", "脚注"]);
    const target = landing(path, attr(entries[0] as Element, "href") ?? "");
    expect(target?.tagName).toBe("h2");
    expect(text(target as Element)).toContain("検証の前提");
  });
});
