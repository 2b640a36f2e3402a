/**
 * A relative address in a site's layout (`href="feed.xml"`) leads to another
 * place from each page (/archive/feed.xml, /issues/2010-01/feed.xml …), so
 * its messages differed page by page and none was merged: one line per page,
 * thousands on a large site, for one mistake in the layout. It is now one
 * message, for the pages where it is broken, with the fix: the address from
 * the site's root through the url filter. The same relative link in two
 * issues' Markdown is still two messages. On a site under a base path, one
 * that leaves it from some pages (`../archive/` from /newsletter/) and is
 * missing from others was a message for each place it led to; it is one too.
 * Oracle: the pages that hold the
 * address, found in the files gekkan build writes, and where a browser takes
 * it from each (the WHATWG URL parser resolving it against the page's
 * address, then whether it is under the base path and dist/ has that file);
 * the layout's line and column
 * counted by hand.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, sep } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildInProcess, checkInProcess } from "../helpers/io.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

const CONFIG = `${JSON.stringify({ title: "Newsletter", url: "https://example.org/", lang: "en", authors: ["me"] })}\n`;
const BUILT_IN_LAYOUT = readFileSync(join(import.meta.dirname, "../../templates/layouts/base.liquid"), "utf8");
// One line after <body>: the address is on it at column 13 ("<p><a href=" is 12 characters).
const FEED_LINE = '<p><a href="feed.xml">feed</a></p>';
const LAYOUT = BUILT_IN_LAYOUT.replace("<body>\n", `<body>\n${FEED_LINE}\n`);
const LAYOUT_LINE = LAYOUT.split("\n").indexOf(FEED_LINE) + 1;
const ADVICE = `; a relative address in a template resolves against the address of each page it is on: write it from the site's root through the url filter, {{ "/feed.xml" | url }}, which leads to /feed.xml from every page`;

/** Ten monthly issues, 2010-01 to 2010-10, numbered 1 to 10. */
function issues(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let n = 1; n <= 10; n++) {
    const month = String(n).padStart(2, "0");
    files[`content/issues/2010/2010-${month}.md`] = issue({ title: `Issue ${n}`, issue: n, date: `2010-${month}-01` }, "## GUI\n\nText.\n");
  }
  return files;
}

let site: TempDir | undefined;
afterEach(() => {
  site?.remove();
  site = undefined;
});

async function check(files: Record<string, string>): Promise<{ code: number; lines: string[] }> {
  site ??= tempSite({ "gekkan.config.json": CONFIG, ...files });
  return checkInProcess(site.path);
}

/**
 * The public address of every page `gekkan build` writes that holds `part`
 * (which holds the address `url`), in the order of their addresses, split
 * by whether `url`, resolved against the page's address, is a file of dist/;
 * with where it leads from the first broken page, and the place of `part` there.
 */
async function pagesHolding(part: string, url: string, base = "/"): Promise<{ all: string[]; broken: string[]; target: string; first: string }> {
  const root = site?.path ?? "";
  expect((await buildInProcess(root)).code).toBe(0);
  const dist = join(root, "dist");
  const files = readdirSync(dist, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".html") && readFileSync(join(dist, file), "utf8").includes(part));
  const address = (file: string) => `${base}${file.split(sep).join("/")}`.replace(/(^|\/)index\.html$/, "$1");
  const all = files.map(address).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const leadsTo = (page: string) => new URL(url, `https://example.org${page}`).pathname;
  const served = (path: string) => {
    if (!path.startsWith(base)) return false;
    const file = join(dist, path.slice(base.length));
    return existsSync(file) && (statSync(file).isFile() || existsSync(join(file, "index.html")));
  };
  const broken = all.filter((page) => !served(leadsTo(page)));
  const firstFile = files.find((file) => address(file) === broken[0]) ?? "";
  return { all, broken, target: leadsTo(broken[0] ?? "/"), first: placeIn(readFileSync(join(dist, firstFile), "utf8"), part) };
}

/** 1-based line and column of `part` in `text`, counted here by hand. */
function placeIn(text: string, part: string): string {
  const before = text.slice(0, text.indexOf(part)).split("\n");
  return `${before.length}:${(before.at(-1) ?? "").length + 1}`;
}

/** The summary line without its timing, which differs from run to run. */
function untimed(lines: readonly string[]): string[] {
  return lines.map((line) => line.replace(/ in \d+ ms:/, " in … ms:"));
}

describe("gekkan check: a relative address in a layout is one message", () => {
  it("is reported once, at the layout's line, for the pages where it is broken, with the address to write", async () => {
    const run = await check({ ...issues(), "templates/layouts/base.liquid": LAYOUT });
    expect(run.code).toBe(1);
    const { all, broken, target } = await pagesHolding('href="feed.xml"', "feed.xml");
    // It lands on the pages at the site's root (/feed.xml is the site's feed), not elsewhere.
    expect(broken.length).toBeGreaterThan(10);
    expect(broken.length).toBeLessThan(all.length);
    expect(run.lines.filter((line) => line.includes("feed.xml"))).toEqual([
      `templates/layouts/base.liquid:${LAYOUT_LINE}:13  broken link "feed.xml": nothing is published at ${target} (a[href] in this template, on ${broken.length} built pages, e.g. ${broken.slice(0, 3).join(", ")})${ADVICE}`,
    ]);
    expect(run.lines.at(-1)).toMatch(new RegExp(`: 1 error at ${broken.length} places, 0 warnings$`));
  });

  it("held by two templates, it is reported once, at the first page where it is broken, naming a few others", async () => {
    // The same address in a partial too: which template a page's comes from is not certain, so it stays at the page.
    const run = await check({ ...issues(), "templates/layouts/base.liquid": LAYOUT, "templates/partials/note.liquid": '<a href="feed.xml">feed</a>\n' });
    expect(run.code).toBe(1);
    const { broken, target, first } = await pagesHolding('<a href="feed.xml"', "feed.xml");
    expect(run.lines.filter((line) => line.includes("feed.xml"))).toEqual([
      `${broken[0]}:${first}  broken link "feed.xml": nothing is published at ${target} (a[href] in the built page: check the templates) and on ${broken.length - 1} other pages (e.g. ${broken.slice(1, 4).join(", ")})${ADVICE}`,
    ]);
    expect(run.lines.at(-1)).toMatch(new RegExp(`: 1 error at ${broken.length} places, 0 warnings$`));
  });

  it("the same relative link in two issues' Markdown is two messages, each at its line", async () => {
    const files = issues();
    const body = "## GUI\n\nSee [the feed](feed.xml).\n";
    files["content/issues/2010/2010-03.md"] = issue({ title: "Issue 3", issue: 3, date: "2010-03-01" }, body);
    files["content/issues/2010/2010-04.md"] = issue({ title: "Issue 4", issue: 4, date: "2010-04-01" }, body);
    const run = await check(files);
    expect(run.code).toBe(1);
    // Line 9: the front matter (five lines), a blank line, the heading, a blank line; column 5: the link's "[" after "See ".
    const lines = run.lines.filter((line) => line.includes("feed.xml"));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^content\/issues\/2010\/2010-03\.md:9:5  broken link "feed\.xml": nothing is published at \/issues\/2010-03\/feed\.xml\b/);
    expect(lines[1]).toMatch(/^content\/issues\/2010\/2010-04\.md:9:5  broken link "feed\.xml": nothing is published at \/issues\/2010-04\/feed\.xml\b/);
    expect(run.lines.at(-1)).toMatch(/: 2 errors, 0 warnings$/);
  });

  it("under a base path, one that leaves it from some pages and is missing from others is one message at the layout's line, counting both", async () => {
    const line = '<p><a href="../archive/">archive</a></p>';
    const layout = BUILT_IN_LAYOUT.replace("<body>\n", `<body>\n${line}\n`);
    const config = `${JSON.stringify({ title: "Newsletter", url: "https://example.org/newsletter/", lang: "en", authors: ["me"] })}\n`;
    site = tempSite({ ...issues(), "gekkan.config.json": config, "templates/layouts/base.liquid": layout });
    const run = await checkInProcess(site.path);
    expect(run.code).toBe(1);
    const { all, broken } = await pagesHolding('href="../archive/"', "../archive/", "/newsletter/");
    const outside = broken.filter((page) => !new URL("../archive/", `https://example.org${page}`).pathname.startsWith("/newsletter/"));
    // Both ways broken, and not everywhere (from /newsletter/archive/ it is the archive): else this would show nothing.
    expect(outside.length).toBeGreaterThan(0);
    expect(outside.length).toBeLessThan(broken.length);
    expect(broken.length).toBeLessThan(all.length);
    // The home page comes first in the order of addresses, and from it the address leaves the site.
    expect(broken[0]).toBe("/newsletter/");
    expect(run.lines.filter((text) => text.includes("../archive/"))).toEqual([
      `templates/layouts/base.liquid:${layout.split("\n").indexOf(line) + 1}:13  broken link "../archive/": on the published site it leads outside the site, to https://example.org/archive/, as the site is under /newsletter/ — write it in the template as {{ "/archive/" | url }}, which adds the base path (a[href] in this template, on ${broken.length} built pages, e.g. ${broken.slice(0, 3).join(", ")}); a relative address in a template resolves against the address of each page it is on`,
    ]);
    expect(run.lines.at(-1)).toMatch(new RegExp(`: 1 error at ${broken.length} places, 0 warnings$`));
  });

  it("says the same, in the same order, run after run", async () => {
    const layout = LAYOUT.replace("<body>\n", '<body>\n<p><img src="img/logo.png" alt=""> <a href="#nowhere">x</a></p>\n');
    const first = await check({ ...issues(), "templates/layouts/base.liquid": layout });
    const second = await check({});
    expect(first.lines.filter((line) => line.includes("broken"))).toHaveLength(3);
    expect(untimed(second.lines)).toEqual(untimed(first.lines));
  });
});
