import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCheck } from "../../src/check/run-check.js";
import { formatDiagnostic } from "../../src/diagnostics.js";
import { buildInProcess, captureIo } from "../helpers/io.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";
import { serveDir } from "../helpers/static-server.js";
import { attr, byTag, links, parseHtml } from "../helpers/html.js";
import { child, children, parseXml, text } from "../helpers/xml.js";

/**
 * An issue's slug corrected after it was published: its old address (in a
 * reader's bookmarks, in every email already sent, in older issues) was a
 * 404, and every feed reader showed the issue again as a new post, its id
 * being its address. With `aliases: [old-slug]` the old address is a page
 * that leads to the new one, and the feeds keep the entry's first id.
 */
const CONFIG = `${JSON.stringify({ title: "テスト月刊", url: "https://example.org/news/", lang: "ja", authors: ["編集部"], languages: { en: { title: "Test Monthly", description: "A test" } } })}\n`;
const APRIL = "content/issues/2011/2011-04.md";
const APRIL_EN = "content/issues/2011/2011-04.en.md";
const first = (extra: Record<string, string> = {}, aliases = "") =>
  issue({ title: "創刊号", issue: 1, date: "2011-04-01", ...extra }, "## 見出し\n\n本文です。\n").replace("\n---\n\n", aliases === "" ? "\n---\n\n" : `\naliases: ${aliases}\n---\n\n`);
const FILES = {
  "gekkan.config.json": CONFIG,
  [APRIL]: first(),
  [APRIL_EN]: issue({ title: "First issue", issue: 1, date: "2011-04-01", lang: "en" }, "## Heading\n\nThe text.\n"),
  "content/issues/2011/2011-05.md": issue({ title: "第2号", issue: 2, date: "2011-05-01" }, "[創刊号の見出し](/issues/2011-04/#見出し)\n"),
};

let dir: TempDir | undefined;
afterEach(() => dir?.remove());

const build = buildInProcess;
const read = (path: string) => readFileSync(join(dir!.path, "dist", path), "utf8");

/** Every entry id of the site's Atom, RSS and JSON feeds, read as a feed reader reads them. */
function feedIds(): string[] {
  const atom = children(parseXml(read("feed.xml")), "entry").map((entry) => text(child(entry, "id")));
  const rss = children(child(parseXml(read("rss.xml")), "channel")!, "item").map((item) => text(child(item, "guid")));
  const json = (JSON.parse(read("feed.json")) as { items: Array<{ id: string }> }).items.map((item) => item.id);
  return [...atom, ...rss, ...json];
}

describe("an issue whose slug changed after publication", () => {
  it("the old address leads to the new one (with the #heading), the feeds keep their ids, the sitemap lists only the new address", async () => {
    dir = tempSite(FILES);
    expect(await build(dir.path)).toEqual({ code: 0, stderr: [] });
    const before = ["https://example.org/news/issues/2011-05/", "https://example.org/news/issues/2011-04/"];
    expect(feedIds()).toEqual([...before, ...before, ...before]);

    writeFileSync(join(dir.path, APRIL), first({ slug: "sokan" }, "[2011-04]"));
    expect(await build(dir.path)).toEqual({ code: 0, stderr: [] });
    expect(feedIds()).toEqual([...before, ...before, ...before]);
    const atomLinks = children(parseXml(read("feed.xml")), "entry").map((entry) => child(entry, "link")?.attributes?.href);
    expect(atomLinks).toEqual(["https://example.org/news/issues/2011-05/", "https://example.org/news/issues/sokan/"]);
    expect(read("sitemap.xml")).toContain("<loc>https://example.org/news/issues/sokan/</loc>");
    expect(read("sitemap.xml")).not.toContain("issues/2011-04/");

    const server = await serveDir(join(dir.path, "dist"), { basePath: "/news/" });
    try {
      for (const [old, now] of [["issues/2011-04/", "/news/issues/sokan/"], ["en/issues/2011-04/", "/news/en/issues/sokan/"]] as const) {
        const response = await fetch(server.url(old));
        expect(response.status).toBe(200);
        const doc = parseHtml(await response.text());
        const refresh = byTag(doc, "meta").find((m) => attr(m, "http-equiv") === "refresh");
        expect(attr(refresh!, "content")).toBe(`0; url=${now}`);
        expect(attr(links(doc, "canonical")[0]!, "href")).toBe(`https://example.org${now}`);
        expect(attr(byTag(doc, "meta").find((m) => attr(m, "name") === "robots")!, "content")).toBe("noindex");
        expect(byTag(doc, "script").map((s) => (s.childNodes[0] as { value?: string } | undefined)?.value)).toEqual([`location.replace("${now}" + location.hash)`]);
        expect((await fetch(new URL(now, server.origin))).status).toBe(200);
      }
    } finally {
      await server.close();
    }
  });

  it("an alias that is an address in use, or another issue's alias, is an error at the aliases line", async () => {
    dir = tempSite({
      ...FILES,
      [APRIL]: first({ slug: "sokan" }, "[sokan, 2011-05]"),
      "content/issues/2011/2011-06.md": issue({ title: "第3号", issue: 3, date: "2011-06-01", slug: "june" }).replace("\n---\n\n", "\naliases: [2011-04]\n---\n\n"),
      "content/issues/2011/2011-07.md": issue({ title: "第4号", issue: 4, date: "2011-07-01", slug: "july" }).replace("\n---\n\n", "\naliases: [2011-04]\n---\n\n"),
    });
    const result = await build(dir.path);
    expect(result.code).toBe(1);
    expect(result.stderr.filter((line) => line.includes("aliases:"))).toEqual([
      'content/issues/2011/2011-04.md:6:1  aliases: "2011-05" is the address of another issue now (content/issues/2011/2011-05.md:4), so it cannot lead here too; remove it from aliases, or give that issue another slug',
      'content/issues/2011/2011-04.md:6:1  aliases: "sokan" is this issue\'s own address; aliases list only the slugs it had before, so remove "sokan" from them',
      'content/issues/2011/2011-07.md:6:1  aliases: "2011-04" is also an alias of content/issues/2011/2011-06.md:6; an old address can lead to one issue only, so keep it in one of them',
    ]);
  });

  it("an alias listed twice that is another issue's address is said once", async () => {
    dir = tempSite({ ...FILES, [APRIL]: first({ slug: "sokan" }, "[2011-05, 2011-05]") });
    const result = await build(dir.path);
    expect(result.code).toBe(1);
    expect(result.stderr.filter((line) => line.includes("aliases:"))).toEqual([
      'content/issues/2011/2011-04.md:6:1  aliases: "2011-05" is the address of another issue now (content/issues/2011/2011-05.md:4), so it cannot lead here too; remove it from aliases, or give that issue another slug',
    ]);
  });
});

/**
 * A link in an older issue to the month address of an issue whose slug was
 * set later: gekkan check said `did you mean "/issues/2011-06/"?`, the
 * nearest spelling, another issue. It now names the issue that lived there,
 * its address now, and the alias that keeps the old one.
 */
describe("gekkan check and a link to an issue's address before its slug was set", () => {
  it("names the issue, its new address, and aliases", async () => {
    dir = tempSite({
      ...FILES,
      [APRIL]: first({ slug: "sokan" }),
      "content/issues/2011/2011-06.md": issue({ title: "第3号", issue: 3, date: "2011-06-01" }),
    });
    const errors = (await runCheck({ root: dir.path, now: new Date("2011-07-01T00:00:00Z") })).errors.map(formatDiagnostic);
    expect(errors).toEqual([
      'content/issues/2011/2011-05.md:7:1  broken link "/issues/2011-04/#見出し": nothing is published at /issues/2011-04/ (/news/issues/2011-04/ on the site); the issue of that month (content/issues/2011/2011-04.md) is at /issues/sokan/#見出し since it sets slug: sokan: link there, or, if readers and sent emails know the old address, keep it with aliases: [2011-04] in that issue\'s front matter',
    ]);
  });
});

/**
 * The same link once the old address is kept with aliases: it leads through
 * the old-address page, which carries the #fragment on to the issue. gekkan
 * check judged the fragment on the old-address page itself, which has no
 * headings, and called the very link aliases exist for a broken anchor.
 */
describe("gekkan check and a link through an old address kept with aliases", () => {
  it("judges its #fragment on the issue's page, where the reader lands", async () => {
    dir = tempSite({ ...FILES, [APRIL]: first({ slug: "sokan" }, "[2011-04]") });
    const check = async () => (await runCheck({ root: dir!.path, now: new Date("2011-07-01T00:00:00Z") })).errors.map(formatDiagnostic);
    expect(await check()).toEqual([]);
    const may = join(dir.path, "content/issues/2011/2011-05.md");
    writeFileSync(may, readFileSync(may, "utf8").replace("#見出し", "#見出い"));
    expect(await check()).toEqual(['content/issues/2011/2011-05.md:7:1  broken anchor in link "/issues/2011-04/#見出い": /issues/sokan/ has no element with id "見出い" — did you mean "#見出し"?']);
  });
});

/**
 * A translation takes its original's aliases, so its feed entry's id is the
 * original's old address in its edition. With the cache on, aliases taken
 * away from the original left the English feeds with the id the cold build
 * no longer gives (/en/issues/2011-04/ against /en/issues/sokan/): the
 * feeds' memo key held the translation's own front matter, unchanged.
 */
describe("a translation's feed ids when its original's aliases change", () => {
  it("the cached build gives the ids a build without the cache gives", async () => {
    dir = tempSite({ ...FILES, [APRIL]: first({ slug: "sokan" }, "[2011-04]") });
    expect((await build(dir.path)).code).toBe(0);
    writeFileSync(join(dir.path, APRIL), first({ slug: "sokan" }));
    expect((await build(dir.path)).code).toBe(0);
    const warm = ["en/feed.xml", "en/rss.xml", "en/feed.json"].map(read);
    const { main } = await import("../../src/cli.js");
    expect(await main(["build", "--root", dir.path, "--no-search", "--quiet", "--no-cache"], captureIo())).toBe(0);
    expect(warm).toEqual(["en/feed.xml", "en/rss.xml", "en/feed.json"].map(read));
    expect(warm[0]).toContain("<id>https://example.org/news/en/issues/sokan/</id>");
  });
});
