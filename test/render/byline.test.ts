/**
 * Who wrote an issue, on its page and in its email, in each language's own
 * words: the English edition said "By: Jane Doe", the Japanese pattern with
 * its colon put after an English word. A site pack that renamed `by` (written
 * before the `byline` pattern existed) keeps its word.
 * Oracle: the names and words written here, read back from the parsed page.
 */
import { afterEach, expect, it } from "vitest";
import { generate } from "../../src/pipeline/generate.js";
import { find, parseHtml, textContent } from "../helpers/html.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

let site: TempDir | undefined;
afterEach(() => site?.remove());

const CONFIG = `${JSON.stringify({ title: "テスト月刊", url: "https://example.org/", lang: "ja", languages: { en: { title: "Test Monthly" } } })}\n`;

function withAuthors(text: string, authors: string): string {
  return text.replace("\n---\n", `\nauthors: ${authors}\n---\n`);
}

function dateLine(html: string): string {
  const line = find(parseHtml(html), (el) => el.attrs.some((a) => a.name === "class" && a.value.split(" ").includes("issue-date")));
  return textContent(line ?? parseHtml("")).replace(/\s+/g, " ").trim();
}

it("is 'By Jane Doe, Ken Sato' in English and '執筆: 編集部' in Japanese, on the page and in the email; a site's own word for `by` stays", async () => {
  site = tempSite({
    "gekkan.config.json": CONFIG,
    "content/issues/2011/2011-04.md": withAuthors(issue({ title: "四月号", issue: 1, date: "2011-04-01" }), "[編集部]"),
    "content/issues/2011/2011-04.en.md": withAuthors(issue({ title: "April", issue: 1, date: "2011-04-01", lang: "en" }, "The text.\n"), "[Jane Doe, Ken Sato]"),
  });
  const built = await generate({ root: site.path, search: false });
  const page = (path: string) => dateLine(built.output.text(path) ?? "");
  expect(page("en/issues/2011-04/index.html")).toMatch(/ · By Jane Doe, Ken Sato$/);
  expect(page("en/issues/2011-04/email.html")).toMatch(/ · By Jane Doe, Ken Sato$/);
  expect(page("issues/2011-04/index.html")).toMatch(/ · 執筆: 編集部$/);
  expect(page("issues/2011-04/email.html")).toMatch(/ · 執筆: 編集部$/);

  site.remove();
  site = tempSite({
    "gekkan.config.json": CONFIG,
    "templates/locales/ja.json": `${JSON.stringify({ strings: { by: "文" } })}\n`,
    "content/issues/2011/2011-04.md": withAuthors(issue({ title: "四月号", issue: 1, date: "2011-04-01" }), "[編集部]"),
  });
  const renamed = await generate({ root: site.path, search: false });
  expect(dateLine(renamed.output.text("issues/2011-04/index.html") ?? "")).toMatch(/ · 文: 編集部$/);
});
