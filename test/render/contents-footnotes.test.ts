/**
 * An issue with footnotes and no headings had a contents list of one entry,
 * 脚注: the footnotes section's heading (there for screen readers) was counted
 * as a section of the issue. The list is still shown when the issue has any
 * heading of its own, the footnotes entry last as before; the same in the
 * email's contents. On test/fixtures/contents-footnotes: 2011-04 has a
 * footnote and no heading, 2011-05 two headings and a footnote, 2011-06 one
 * heading and a footnote. Read with parse5, expectations written by hand.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Generated } from "../../src/pipeline/generate.js";
import { builtPage, generateFixture } from "../helpers/fixtures.js";
import { allElements, attr, byTag, find, normalizeSpace, parseHtml, textContent, type Element } from "../helpers/html.js";

let built: Generated;
beforeAll(async () => {
  built = await generateFixture("contents-footnotes");
}, 60_000);

const hasClass = (name: string) => (el: Element) => (attr(el, "class") ?? "").split(/\s+/).includes(name);

/** The entries of a page's contents list as "text → href", or undefined when the page shows none. */
function contents(path: string, listClass: string): string[] | undefined {
  const list = find(builtPage(built, path), hasClass(listClass));
  if (list === undefined) return undefined;
  return byTag(list, "a").map((a) => `${normalizeSpace(textContent(a))} → ${attr(a, "href")}`);
}

/** Whether the page shows the footnotes at all (so a missing list is not a missing body). */
const hasFootnotes = (path: string) => allElements(parseHtml(built.output.text(path) ?? "")).some((el) => attr(el, "id") === "user-content-footnote-label");

describe("the contents list of an issue with footnotes", () => {
  it("with no heading of its own, the issue page shows no contents list", () => {
    expect(hasFootnotes("issues/2011-04/index.html")).toBe(true);
    expect(contents("issues/2011-04/index.html", "issue-toc")).toBeUndefined();
  });

  it("with two headings, the page lists them and the footnotes, as before", () => {
    expect(contents("issues/2011-05/index.html", "issue-toc")).toEqual(["今月のリリース → #今月のリリース", "来月の予定 → #来月の予定", "脚注 → #user-content-footnote-label"]);
  });

  it("with one heading, the list is shown as it always was for one", () => {
    expect(contents("issues/2011-06/index.html", "issue-toc")).toEqual(["ひとつだけの見出し → #ひとつだけの見出し", "脚注 → #user-content-footnote-label"]);
  });

  it("the email has no contents either without a heading, and lists the headings and footnotes with two", () => {
    expect(hasFootnotes("issues/2011-04/email.html")).toBe(true);
    expect(contents("issues/2011-04/email.html", "email-toc")).toBeUndefined();
    expect(built.output.text("issues/2011-04/email.txt")).not.toContain("目次");
    const page = "https://example.org/issues/2011-05/";
    expect(contents("issues/2011-05/email.html", "email-toc")).toEqual([`今月のリリース → ${page}#%E4%BB%8A%E6%9C%88%E3%81%AE%E3%83%AA%E3%83%AA%E3%83%BC%E3%82%B9`, `来月の予定 → ${page}#%E6%9D%A5%E6%9C%88%E3%81%AE%E4%BA%88%E5%AE%9A`, `脚注 → ${page}#user-content-footnote-label`]);
  });
});
