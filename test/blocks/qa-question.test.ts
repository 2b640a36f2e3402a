import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generate, type Generated } from "../../src/pipeline/generate.js";
import { attr, byTag, find, parseHtml, textContent, type Element } from "../helpers/html.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

/**
 * A question may carry what it asks about: a second paragraph, the
 * configuration, a list of conditions. Its heading is its first paragraph;
 * the rest is shown under the heading, on the issue page and on /compat/,
 * with its form (code stays code). Read as one text, the parts ran together
 * in the heading with no space between them. The oracle is the Markdown
 * below, read by eye.
 */
const QA = [
  ':::qa{components="pacemaker" versions="1.1"}',
  "次の設定で動きますか？",
  "",
  "二つ目の段落で、**強調**と `code` があります。",
  "",
  "```",
  "primitive p1 ocf:heartbeat:IPaddr2",
  "```",
  "",
  "- 条件A",
  "- 条件B",
  "",
  "---",
  "",
  "動きます。",
  ":::",
  "",
  ':::qa{components="corosync"}',
  "一つだけの問いですか？",
  "",
  "---",
  "",
  "はい。",
  ":::",
].join("\n");

describe("a :::qa question of more than one paragraph", () => {
  let site: TempDir;
  let built: Generated;
  beforeAll(async () => {
    site = tempSite({ "content/issues/2011/2011-04.md": issue({ title: "創刊号", issue: 1, date: "2011-04-01" }, `${QA}\n`) });
    built = await generate({ root: site.path, search: false });
  });
  afterAll(() => site.remove());

  const section = (path: string, className: string, index: number): Element => {
    const found = byTag(parseHtml(built.output.text(path) ?? ""), className === "block-qa" ? "section" : "article").filter((el) => (attr(el, "class") ?? "").split(" ").includes(className));
    const el = found[index];
    if (el === undefined) throw new Error(`no ${className} #${index} in ${path}`);
    return el;
  };
  const part = (root: Element, className: string) => find(root, (el) => attr(el, "class") === className);

  it("has its first paragraph as its heading, and the rest, with its form, under it on the issue page", () => {
    const block = section("issues/2011-04/index.html", "block-qa", 0);
    const heading = find(block, (el) => attr(el, "class") === "block-title");
    expect(textContent(find(heading as Element, (el) => el.tagName === "a") as Element)).toBe("次の設定で動きますか？");
    const detail = part(block, "qa-question") as Element;
    expect(byTag(detail, "strong").map(textContent)).toEqual(["強調"]);
    expect(byTag(detail, "code").map(textContent)).toEqual(["code", "primitive p1 ocf:heartbeat:IPaddr2\n"]);
    expect(byTag(detail, "li").map(textContent)).toEqual(["条件A", "条件B"]);
    expect(textContent(part(block, "qa-answer") as Element)).toContain("動きます。");
  });

  it("shows the same under its heading on /compat/, and a question of one paragraph gets no such part", () => {
    const entries = [0, 1].map((i) => section("compat/index.html", "qa-entry", i));
    const titled = (title: string) => entries.find((entry) => textContent(byTag(entry, "h2")[0] as Element) === title) as Element;
    expect(byTag(part(titled("次の設定で動きますか？"), "qa-question") as Element, "pre")).toHaveLength(1);
    expect(part(titled("一つだけの問いですか？"), "qa-question")).toBeUndefined();
    expect(part(section("issues/2011-04/index.html", "block-qa", 1), "qa-question")).toBeUndefined();
  });
});

/**
 * Raw HTML taken out of a question's first line or a heading (`A & <x> "B"`)
 * left the spaces on both sides of it: "A &  "B"" with two, in the contents
 * list, as /compat/'s heading and data/compat.json's question. Blanks now
 * read as one space there, as a browser shows them; the body keeps its HTML.
 */
describe("a question or heading with raw HTML taken out", () => {
  let site: TempDir;
  let built: Generated;
  const body = ['## 見出し & <x> "引用"', "", "本文。", "", ':::qa{components="pacemaker"}', 'Q の本文 & <x> "引用"?', "", "---", "", "はい。", ":::", ""].join("\n");
  beforeAll(async () => {
    site = tempSite({ "content/issues/2011/2011-04.md": issue({ title: "創刊号", issue: 1, date: "2011-04-01" }, body) });
    built = await generate({ root: site.path, search: false });
  });
  afterAll(() => site.remove());

  it("has one space where the HTML was, in the contents list, on /compat/ and in data/compat.json", () => {
    const page = parseHtml(built.output.text("issues/2011-04/index.html") ?? "");
    const links = byTag(page, "li").filter((li) => /^toc-/.test(attr(li, "class") ?? "")).flatMap((li) => byTag(li, "a").map(textContent));
    expect(links).toContain('見出し & "引用"');
    expect(links).toContain('Q の本文 & "引用"?');
    const compat = byTag(parseHtml(built.output.text("compat/index.html") ?? ""), "h2").map((el) => textContent(el).trim());
    expect(compat).toContain('Q の本文 & "引用"?');
    const data = JSON.parse(built.output.text("data/compat.json") ?? "null") as { questions: Array<{ question: string }> };
    expect(data.questions.map((q) => q.question)).toEqual(['Q の本文 & "引用"?']);
    for (const text of [...links, ...compat]) expect(text).not.toMatch(/ {2}/);
  });
});
