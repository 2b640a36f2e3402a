/**
 * A translation whose original was corrected after it is re-dated in its
 * edition's feeds by that correction (translation-feed-dates.test.ts), but
 * its entry carried the body as before: a feed reader showed the entry as
 * changed with nothing in it saying what had. The entry's content now starts
 * with the note its page shows (translation-correction-note.test.ts), in the
 * same words, its link the original's full address, in Atom, RSS and JSON
 * Feed alike; an entry its page shows no note for (a translation brought up
 * to date after its original's correction) has none. The note's words are
 * escaped as HTML (a site's own locale pack may hold `<` or `&`). A cached
 * build follows a correction of the original alone, and a new address of
 * the original (which its translation, at an address of its own, does not
 * show), byte for byte as a build without the cache. The compiled CLI on a
 * site written here; the oracle is the sentences and addresses written out
 * by hand, read back by real XML, JSON and HTML parsers, and the cold build.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliSites } from "../helpers/cli-sites.js";
import { allElements, attr, find, normalizeSpace, parseHtml, textContent } from "../helpers/html.js";
import { runCli } from "../helpers/run-cli.js";
import { issue, readTree } from "../helpers/temp-site.js";
import { child, children, parseXml, text, xmlAttr } from "../helpers/xml.js";

const sites = cliSites();
const CONFIG = `${JSON.stringify({ title: "テスト月刊", url: "https://example.org/", lang: "ja", languages: { en: { title: "Test Monthly" } } })}\n`;
const APRIL = "content/issues/2011/2011-04.md";
const APRIL_EN = "content/issues/2011/2011-04.en.md";

const april = (updated?: string) => issue({ title: "創刊号", issue: 1, date: "2011-04-01", ...(updated === undefined ? {} : { updated }) });

/** April's translation, not touched since its original was corrected; May's, brought up to date after its original's correction. */
function files(aprilUpdated: string | undefined, more: Record<string, string> = {}): Record<string, string> {
  return {
    "gekkan.config.json": CONFIG,
    [APRIL]: april(aprilUpdated),
    [APRIL_EN]: issue({ title: "First issue", issue: 1, date: "2011-04-01", lang: "en" }, "The text.\n"),
    "content/issues/2011/2011-05.md": issue({ title: "第2号", issue: 2, date: "2011-05-01", updated: "2011-05-03" }),
    "content/issues/2011/2011-05.en.md": issue({ title: "Second issue", issue: 2, date: "2011-05-01", updated: "2011-05-10", lang: "en" }, "More text.\n"),
    ...more,
  };
}

async function build(root: string, ...flags: string[]): Promise<void> {
  const run = await runCli(["build", "--no-search", ...flags], { cwd: root });
  expect(run.code, run.stderr).toBe(0);
}

/** Each entry's content HTML in the English edition's three feeds, by the entry's link. */
function englishContents(root: string): Record<"atom" | "rss" | "json", Map<string, string>> {
  const read = (path: string) => readFileSync(join(root, "dist", path), "utf8");
  const atom = children(parseXml(read("en/feed.xml")), "entry").map((entry) => [xmlAttr(child(entry, "link"), "href") ?? "", text(child(entry, "content"))] as const);
  const rss = children(child(parseXml(read("en/rss.xml")), "channel")!, "item").map((item) => [text(child(item, "link")), text(child(item, "content:encoded"))] as const);
  const json = (JSON.parse(read("en/feed.json")) as { items: Array<{ url: string; content_html: string }> }).items.map((item) => [item.url, item.content_html] as const);
  return { atom: new Map(atom), rss: new Map(rss), json: new Map(json) };
}

/** The note an entry's content starts with (its first element, a paragraph of class issue-correction), or undefined. */
function noteIn(content: string): { text: string; href: string | undefined; hreflang: string | undefined } | undefined {
  const body = find(parseHtml(content), (el) => el.tagName === "body")!;
  const first = allElements(body).find((el) => el !== body);
  if (first === undefined || first.tagName !== "p" || attr(first, "class") !== "issue-correction") return undefined;
  const link = find(first, (el) => el.tagName === "a");
  return { text: normalizeSpace(textContent(first)), href: link && attr(link, "href"), hreflang: link && attr(link, "hreflang") };
}

const APRIL_EN_URL = "https://example.org/en/issues/2011-04/";
const MAY_EN_URL = "https://example.org/en/issues/2011-05/";
const APRIL_NOTE = { text: "The Japanese original was corrected on April 20, 2011, after this translation. Read the original →", href: "https://example.org/issues/2011-04/", hreflang: undefined };

describe("a translation's feed entry re-dated by its original's correction", () => {
  it("starts with the page's note, linking the original's full address, in Atom, RSS and JSON Feed", async () => {
    const site = sites.make(files("2011-04-20"));
    await build(site.path, "--no-cache");
    for (const [format, contents] of Object.entries(englishContents(site.path))) {
      const content = contents.get(APRIL_EN_URL) ?? "";
      expect(noteIn(content), format).toEqual(APRIL_NOTE);
      // The body follows the note, whole.
      expect(normalizeSpace(textContent(parseHtml(content))), format).toBe(`${APRIL_NOTE.text} The text.`);
    }
  });

  it("is not on an entry its page shows no note for", async () => {
    const site = sites.make(files("2011-04-20"));
    await build(site.path, "--no-cache");
    for (const [format, contents] of Object.entries(englishContents(site.path))) {
      const content = contents.get(MAY_EN_URL);
      expect(content, format).toBeDefined();
      expect(noteIn(content!), format).toBeUndefined();
      expect(normalizeSpace(textContent(parseHtml(content!))), format).toBe("More text.");
    }
  });

  it("says the locale's words as text, escaped as HTML", async () => {
    const pack = `${JSON.stringify({ strings: { originalCorrected: "Corrected <i>in</i> the {language} original & on {date}.", readOriginal: "Read <b>the original</b> & more" } })}\n`;
    const site = sites.make(files("2011-04-20", { "templates/locales/en.json": pack }));
    await build(site.path, "--no-cache");
    for (const [format, contents] of Object.entries(englishContents(site.path))) {
      const note = noteIn(contents.get(APRIL_EN_URL) ?? "");
      expect(note?.text, format).toBe("Corrected <i>in</i> the Japanese original & on April 20, 2011. Read <b>the original</b> & more →");
    }
  });
});

describe("the cached build of a translation's feeds", () => {
  /** The feeds and the rest of dist/ of `warm`, built with the cache after `change`, against a cold build of what it became. */
  async function afterChange(before: Record<string, string>, after: Record<string, string>) {
    const warm = sites.make(before);
    await build(warm.path);
    for (const [path, content] of Object.entries(after)) writeFileSync(join(warm.path, path), content);
    await build(warm.path);
    const warmTree = readTree(join(warm.path, "dist"));
    const warmContents = englishContents(warm.path);
    warm.remove();
    const cold = sites.make({ ...before, ...after });
    await build(cold.path, "--no-cache");
    return { warm: warmTree, warmContents, cold: readTree(join(cold.path, "dist")) };
  }

  it("adds the note when only the original's updated: changes, as a build without the cache", async () => {
    const { warm, warmContents, cold } = await afterChange(files(undefined), { [APRIL]: april("2011-04-20") });
    for (const contents of Object.values(warmContents)) expect(noteIn(contents.get(APRIL_EN_URL) ?? "")).toEqual(APRIL_NOTE);
    for (const path of ["en/feed.xml", "en/rss.xml", "en/feed.json"]) expect(warm.get(path)?.toString("utf8"), path).toBe(cold.get(path)?.toString("utf8"));
    expect(warm).toEqual(cold);
  });

  it("follows the original to its new address, which the translation at its own does not show", async () => {
    const moved = "---\ntitle: 創刊号\nissue: 1\ndate: 2011-04-01\nupdated: 2011-04-20\nslug: sokan\naliases: [2011-04]\n---\n\n本文です。\n";
    const own = issue({ title: "First issue", issue: 1, date: "2011-04-01", lang: "en", slug: "first-issue" }, "The text.\n");
    const { warm, warmContents, cold } = await afterChange(files("2011-04-20", { [APRIL_EN]: own }), { [APRIL]: moved });
    for (const contents of Object.values(warmContents)) expect(noteIn(contents.get("https://example.org/en/issues/first-issue/") ?? "")?.href).toBe("https://example.org/issues/sokan/");
    for (const path of ["en/feed.xml", "en/rss.xml", "en/feed.json"]) expect(warm.get(path)?.toString("utf8"), path).toBe(cold.get(path)?.toString("utf8"));
    expect(warm).toEqual(cold);
  });
});
