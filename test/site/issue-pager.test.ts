import { afterEach, describe, expect, it } from "vitest";
import { generate } from "../../src/pipeline/generate.js";
import { attr, byTag, find, parseHtml } from "../helpers/html.js";
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
});
