/**
 * A translation's reader is told that its original was corrected after it:
 * the Japanese issue got `updated: 2011-04-20`, the English one, made on
 * 2011-04-01, was not touched, and its page said nothing, so an English
 * reader had no way to know the original may say something else now. The
 * English page (and a Japanese translation of an English original, in the
 * reader's words) carries a note under the date with a link to the original
 * marked with the original's language; only by the `translation-outdated`
 * rule: not on a translation brought up to date or dated after the
 * correction, nor on the original. A draft shows it in the preview, as it
 * would come out. Its email says it too. And the cached build follows a correction made alone:
 * built, the original's `updated` changed, built again with the cache, the
 * output is the --no-cache build's byte for byte.
 * Oracle: the sentences and addresses written out here by hand, and the
 * cold build.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli.js";
import { attr, find, normalizeSpace, parseHtml, textContent, type Element } from "../helpers/html.js";
import { captureIo } from "../helpers/io.js";
import { issue, readTree, tempSite, writeFiles, type TempDir } from "../helpers/temp-site.js";

const ORIGINAL = "content/issues/2011/2011-04.md";
const FILE = "content/issues/2011/2011-04.en.md";
const config = (lang: string, other: string) => `${JSON.stringify({ title: "テスト月刊", url: "https://example.org/", lang, languages: { [other]: { title: "Test Monthly" } } })}\n`;

const dirs: TempDir[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) dir.remove();
  vi.unstubAllEnvs();
});

function site(originalUpdated: string | undefined, translation: Record<string, string | boolean> = {}): TempDir {
  const dir = tempSite({
    "gekkan.config.json": config("ja", "en"),
    [ORIGINAL]: issue({ title: "創刊号", issue: 1, date: "2011-04-01", ...(originalUpdated === undefined ? {} : { updated: originalUpdated }) }, "本文です。\n"),
    [FILE]: issue({ title: "First issue", issue: 1, date: "2011-04-01", lang: "en", ...translation }, "The text.\n"),
  });
  dirs.push(dir);
  return dir;
}

async function build(root: string, ...flags: string[]): Promise<void> {
  vi.stubEnv("SOURCE_DATE_EPOCH", "1325376000");
  const io = captureIo();
  expect(await main(["build", "--root", root, "--no-search", ...flags], io), io.stderr.join("\n")).toBe(0);
}

/** The note on the page at `path` under dist/, or undefined. */
function note(root: string, path: string): Element | undefined {
  const doc = parseHtml(readFileSync(join(root, "dist", path), "utf8"));
  return find(doc, (el) => attr(el, "class") === "issue-correction");
}

async function noteOn(dir: TempDir, path: string, ...flags: string[]) {
  await build(dir.path, "--no-cache", ...flags);
  const found = note(dir.path, path);
  if (found === undefined) return undefined;
  const link = find(found, (el) => el.tagName === "a");
  return { text: normalizeSpace(textContent(found)), href: link && attr(link, "href"), hreflang: link && attr(link, "hreflang"), role: attr(found, "role") };
}

describe("a translation whose original was corrected after it", () => {
  it("says so in the reader's words on its page, linking the original with its language", async () => {
    expect(await noteOn(site("2011-04-20"), "en/issues/2011-04/index.html")).toEqual({
      text: "The Japanese original was corrected on April 20, 2011, after this translation. Read the original →",
      href: "/issues/2011-04/",
      hreflang: "ja",
      role: "note",
    });
  });

  it("says so in its email too, linking the original's full address", async () => {
    const dir = site("2011-04-20");
    expect(await noteOn(dir, "en/issues/2011-04/email.html")).toEqual({
      text: "The Japanese original was corrected on April 20, 2011, after this translation. Read the original →",
      href: "https://example.org/issues/2011-04/",
      hreflang: "ja",
      role: undefined,
    });
    const text = normalizeSpace(readFileSync(join(dir.path, "dist/en/issues/2011-04/email.txt"), "utf8"));
    expect(text).toContain("The Japanese original was corrected on April 20, 2011, after this translation. Read the original → [1]");
    expect(text).toContain("Links: [1] https://example.org/issues/2011-04/");
  });

  it("says so against the translation's own updated, and not once it is brought up to date or dated after the correction", async () => {
    expect((await noteOn(site("2011-04-20", { updated: "2011-04-10" }), "en/issues/2011-04/index.html"))?.href).toBe("/issues/2011-04/");
    expect(await noteOn(site("2011-04-20", { updated: "2011-04-20" }), "en/issues/2011-04/index.html")).toBeUndefined();
    expect(await noteOn(site("2011-04-20", { date: "2011-04-25" }), "en/issues/2011-04/index.html")).toBeUndefined();
    expect(await noteOn(site(undefined), "en/issues/2011-04/index.html")).toBeUndefined();
  });

  it("is never on the original's own page", async () => {
    expect(await noteOn(site("2011-04-20"), "issues/2011-04/index.html")).toBeUndefined();
  });

  it("shows in the preview of a draft translation, as the page would come out", async () => {
    expect((await noteOn(site("2011-04-20", { draft: true }), "en/issues/2011-04/index.html", "--drafts"))?.hreflang).toBe("ja");
  });

  it("is in Japanese on a Japanese translation of an English original", async () => {
    const dir = tempSite({
      "gekkan.config.json": config("en", "ja"),
      "content/issues/2011/2011-04.md": issue({ title: "First issue", issue: 1, date: "2011-04-01", updated: "2011-04-20", lang: "en" }, "The text.\n"),
      "content/issues/2011/2011-04.ja.md": issue({ title: "創刊号", issue: 1, date: "2011-04-01", lang: "ja" }, "本文です。\n"),
    });
    dirs.push(dir);
    expect(await noteOn(dir, "ja/issues/2011-04/index.html")).toEqual({
      text: "英語の原文は、この翻訳の後の2011年4月20日に訂正されています。 原文を読む →",
      href: "/issues/2011-04/",
      hreflang: "en",
      role: "note",
    });
  });
});

describe("the cached build after a correction of the original alone", () => {
  it("re-renders the translation's page: the same output as a build without the cache", async () => {
    const warm = site(undefined);
    await build(warm.path);
    expect(note(warm.path, "en/issues/2011-04/index.html")).toBeUndefined();
    const corrected = issue({ title: "創刊号", issue: 1, date: "2011-04-01", updated: "2011-04-20" }, "本文です。\n");
    writeFiles(warm.path, { [ORIGINAL]: corrected });
    await build(warm.path);
    const cold = site("2011-04-20");
    await build(cold.path, "--no-cache");
    expect(note(warm.path, "en/issues/2011-04/index.html")).toBeDefined();
    expect(readTree(join(warm.path, "dist"))).toEqual(readTree(join(cold.path, "dist")));
  });
});
