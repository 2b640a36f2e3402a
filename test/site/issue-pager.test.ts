import { afterEach, describe, expect, it } from "vitest";
import { generate } from "../../src/pipeline/generate.js";
import { attr, byTag, find, normalizeSpace, parseHtml, textContent } from "../helpers/html.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

let site: TempDir | undefined;
afterEach(() => site?.remove());

const pager = async (path: string) => {
  const doc = parseHtml((await generate({ root: site?.path ?? "", search: false })).output.text(path) ?? "");
  return find(doc, (el) => el.tagName === "nav" && attr(el, "class") === "issue-pager");
};

/** The previous/next navigation under an issue: a list of the neighbours there are, and no empty list when there is none (an empty <ul> in a labelled <nav> is announced by screen readers as a navigation with nothing in it). */
describe("the issue pager", () => {
  it("is left out on the page of a series' only issue", async () => {
    site = tempSite({ "content/issues/2011/2011-04.md": issue({ title: "創刊号", issue: 1, date: "2011-04-01" }) });
    expect(await pager("issues/2011-04/index.html")).toBeUndefined();
  });

  it("lists the neighbours there are", async () => {
    site = tempSite({
      "content/issues/2011/2011-04.md": issue({ title: "創刊号", issue: 1, date: "2011-04-01" }),
      "content/issues/2011/2011-05.md": issue({ title: "第2号", issue: 2, date: "2011-05-01" }),
    });
    const nav = await pager("issues/2011-04/index.html");
    expect(nav && byTag(nav, "li").map((li) => attr(li, "class"))).toEqual(["pager-next"]);
  });

  it("on a translation, leads within its edition: past an issue not translated yet, saying its month, and to no newer original", async () => {
    // Issues 1 to 4 in Japanese, 1 and 3 in English: the English reader is not sent into Japanese by "Next issue"; the month shows the gap, and the edition's front page counts what is in Japanese only.
    site = tempSite({
      "gekkan.config.json": `${JSON.stringify({ title: "テスト月刊", url: "https://example.org/", lang: "ja", languages: { en: { title: "Test Monthly" } } })}\n`,
      "content/issues/2011/2011-04.md": issue({ title: "創刊号", issue: 1, date: "2011-04-01" }),
      "content/issues/2011/2011-04.en.md": issue({ title: "First", issue: 1, date: "2011-04-01", lang: "en" }, "One.\n"),
      "content/issues/2011/2011-05.md": issue({ title: "第2号", issue: 2, date: "2011-05-01" }),
      "content/issues/2011/2011-06.md": issue({ title: "第3号", issue: 3, date: "2011-06-01" }),
      "content/issues/2011/2011-06.en.md": issue({ title: "Third", issue: 3, date: "2011-06-01", lang: "en" }, "Three.\n"),
      "content/issues/2011/2011-07.md": issue({ title: "第4号", issue: 4, date: "2011-07-01" }),
    });
    const links = async (path: string) => {
      const nav = await pager(path);
      return nav === undefined ? [] : byTag(nav, "a").map((a) => `${attr(a, "href")} ${normalizeSpace(textContent(a))}`);
    };
    expect(await links("en/issues/2011-04/index.html")).toEqual(["/en/issues/2011-06/ Next issue → June 2011 · Third"]);
    expect(await links("en/issues/2011-06/index.html")).toEqual(["/en/issues/2011-04/ ← Previous issue April 2011 · First"]);
    expect(await links("issues/2011-06/index.html")).toEqual(["/issues/2011-05/ ← 前の号 2011年5月号 · 第2号", "/issues/2011-07/ 次の号 → 2011年7月号 · 第4号"]);
  });
});
