/**
 * On a site published under a sub-path (https://example.org/newsletter/),
 * a root-relative address that leaves the base path out leads outside the
 * site: gekkan adds the base path to issues' links, but not to a file of
 * public/ (copied as it is) nor to an address a template writes by hand.
 * When the address under the base path is a page or file of the site, the
 * author meant it, and check says so where it is written; when it is not,
 * it may be another thing on the same host (`/api/`) and is left alone.
 * Oracle: the line and column of each address counted by hand in the files
 * below, the site's address, and the files the site has (public/images/x.png,
 * the April issue's page, the archive page every site has).
 */
import { afterEach, describe, expect, it } from "vitest";
import { checkInProcess } from "../helpers/io.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

const config = (url: string) => `${JSON.stringify({ title: "Newsletter", url, lang: "en", authors: ["me"] })}\n`;
const UNDER = config("https://example.org/newsletter/");
const APRIL = issue({ title: "April", issue: 1, date: "2011-04-01" }, "## GUI\n\nText.\n");
// Line 3: an issue's page, its `<a` at column 4; line 4: /api/, no page of the site, its `<a` at column 4.
const ABOUT = '<!doctype html>\n<html lang="en"><title>About</title>\n<p><a href="/issues/2011-04/">April</a></p>\n<p><a href="/api/">API</a></p>\n</html>\n';
// Line 2: the url( at column 15.
const STYLE = "body {\n  background: url(/images/x.png);\n}\n";
// gekkan's 404 page as the site's own: line 4 writes /archive/ by hand, not through the url filter.
const NOT_FOUND = '<!DOCTYPE html>\n<html lang="en"><title>Not found</title>\n<p>Not here.</p>\n<p><a href="/archive/">archive</a></p>\n</html>\n';
const PNG = "not really a png, but a file of the site\n";

let site: TempDir | undefined;
afterEach(() => site?.remove());

async function check(configText: string, files: Record<string, string>): Promise<{ code: number; lines: string[] }> {
  site = tempSite({ "gekkan.config.json": configText, "content/issues/2011/2011-04.md": APRIL, "public/images/x.png": PNG, ...files });
  return checkInProcess(site.path);
}

describe("gekkan check: a root-relative address without the base path, on a site under /newsletter/", () => {
  it("in an HTML page of public/: an error at its line and column, offering the address relative to the file and with the base path", async () => {
    const run = await check(UNDER, { "public/about.html": ABOUT });
    expect(run.code).toBe(1);
    expect(run.lines.filter((line) => line.startsWith("public/"))).toEqual([
      'public/about.html:3:4  broken link "/issues/2011-04/": on the published site it leads outside the site, to https://example.org/issues/2011-04/, as the site is under /newsletter/ — write "issues/2011-04/" (relative to this file: it works under any base path, gekkan dev\'s too) or "/newsletter/issues/2011-04/" (a[href] in a file of public/, which is published as it is)',
    ]);
  });

  it("in a stylesheet of public/: an error at its url(), offering the path relative to the stylesheet", async () => {
    const run = await check(UNDER, { "public/style.css": STYLE });
    expect(run.code).toBe(1);
    expect(run.lines.filter((line) => line.startsWith("public/"))).toEqual([
      'public/style.css:2:15  broken reference "/images/x.png": on the published site it leads outside the site, to https://example.org/images/x.png, as the site is under /newsletter/ — write "images/x.png" (relative to this file: it works under any base path, gekkan dev\'s too) or "/newsletter/images/x.png" (css url() in a file of public/, which is published as it is)',
    ]);
  });

  it("written by hand in a template: an error at the built page, told to write it through the url filter", async () => {
    const run = await check(UNDER, { "templates/404.liquid": NOT_FOUND });
    expect(run.code).toBe(1);
    expect(run.lines.filter((line) => line.includes("outside the site"))).toEqual([
      '/newsletter/404.html:4:4  broken link "/archive/": on the published site it leads outside the site, to https://example.org/archive/, as the site is under /newsletter/ — write it in the template as {{ "/archive/" | url }}, which adds the base path (a[href] in the built page: check the templates)',
    ]);
  });

  it("in the site's own stylesheet of the templates: an error at the built stylesheet, offering the path relative to it", async () => {
    const run = await check(UNDER, { "templates/assets/style.css": STYLE });
    expect(run.code).toBe(1);
    expect(run.lines.filter((line) => line.includes("outside the site"))).toEqual([
      '/newsletter/assets/style.css:2:15  broken reference "/images/x.png": on the published site it leads outside the site, to https://example.org/images/x.png, as the site is under /newsletter/ — write "../images/x.png" (relative to this file: it works under any base path, gekkan dev\'s too) or "/newsletter/images/x.png" (css url() in the built stylesheet: check the templates)',
    ]);
  });

  it("/api/, which is no page of the site under the base path either: left alone, neither error nor warning", async () => {
    const run = await check(UNDER, { "public/about.html": ABOUT.replace("/issues/2011-04/", "/newsletter/issues/2011-04/") });
    expect(run.lines).toEqual([expect.stringMatching(/: 0 errors, 0 warnings$/)]);
    expect(run.code).toBe(0);
  });

  it("in an issue's Markdown, as a link and in raw HTML: gekkan adds the base path, so nothing is reported", async () => {
    const body = "## GUI\n\nSee [April](/issues/2011-04/), <a href=\"/issues/2011-04/\">April</a> and ![x](/images/x.png).\n";
    const run = await check(UNDER, { "content/issues/2011/2011-05.md": issue({ title: "May", issue: 2, date: "2011-05-01" }, body) });
    expect(run.lines).toEqual([expect.stringMatching(/: 0 errors, 0 warnings$/)]);
    expect(run.code).toBe(0);
  });
});

describe("gekkan check on a site at the host's root (base path /)", () => {
  it("the same files are the site's own addresses: nothing is reported", async () => {
    // Without /api/, which on this site is an address of its own, and missing.
    const run = await check(config("https://example.org/"), { "public/about.html": ABOUT.replace('<p><a href="/api/">API</a></p>\n', ""), "public/style.css": STYLE, "templates/404.liquid": NOT_FOUND });
    expect(run.lines).toEqual([expect.stringMatching(/: 0 errors, 0 warnings$/)]);
    expect(run.code).toBe(0);
  });
});

/**
 * A full URL to the site's own host without the base path, and a relative
 * address that climbs above it, land outside the site as a root-relative one
 * does: gekkan adds the base path to neither, in an issue or anywhere else.
 * Oracle: as above, with each address resolved by hand from the page it is
 * on (public/about.html is /newsletter/about.html; the 404 page
 * /newsletter/404.html; the May issue /newsletter/issues/2011-05/, whose
 * body's third line is line 9 of its file).
 */
describe("gekkan check: a full URL or a relative address that leaves the base path, on a site under /newsletter/", () => {
  it("a full URL in an HTML page of public/: an error at it, offering the relative address and the full URL with the base path", async () => {
    const run = await check(UNDER, { "public/about.html": ABOUT.replace('"/issues/2011-04/"', '"https://example.org/issues/2011-04/"') });
    expect(run.code).toBe(1);
    expect(run.lines.filter((line) => line.startsWith("public/"))).toEqual([
      'public/about.html:3:4  broken link "https://example.org/issues/2011-04/": on the published site it leads outside the site, to https://example.org/issues/2011-04/, as the site is under /newsletter/ — write "issues/2011-04/" (relative to this file: it works under any base path, gekkan dev\'s too) or "https://example.org/newsletter/issues/2011-04/" (a[href] in a file of public/, which is published as it is)',
    ]);
  });

  it("a relative address in an HTML page of public/ that climbs above the base path: an error at it", async () => {
    const run = await check(UNDER, { "public/about.html": ABOUT.replace('"/issues/2011-04/"', '"../../issues/2011-04/"') });
    expect(run.code).toBe(1);
    expect(run.lines.filter((line) => line.startsWith("public/"))).toEqual([
      'public/about.html:3:4  broken link "../../issues/2011-04/": on the published site it leads outside the site, to https://example.org/issues/2011-04/, as the site is under /newsletter/ — write "issues/2011-04/" (relative to this file: it works under any base path, gekkan dev\'s too) or "/newsletter/issues/2011-04/" (a[href] in a file of public/, which is published as it is)',
    ]);
  });

  it("a full URL written in a template: an error at the built page, offering the site's address with the base path", async () => {
    const run = await check(UNDER, { "templates/404.liquid": NOT_FOUND.replace('"/archive/"', '"https://example.org/archive/"') });
    expect(run.code).toBe(1);
    expect(run.lines.filter((line) => line.includes("outside the site"))).toEqual([
      '/newsletter/404.html:4:4  broken link "https://example.org/archive/": on the published site it leads outside the site, to https://example.org/archive/, as the site is under /newsletter/ — write "https://example.org/newsletter/archive/", the site\'s address with its base path (a[href] in the built page: check the templates)',
    ]);
  });

  it("a relative address written in a template that climbs above the base path: told to write it through the url filter", async () => {
    const run = await check(UNDER, { "templates/404.liquid": NOT_FOUND.replace('"/archive/"', '"../archive/"') });
    expect(run.code).toBe(1);
    expect(run.lines.filter((line) => line.includes("outside the site"))).toEqual([
      '/newsletter/404.html:4:4  broken link "../archive/": on the published site it leads outside the site, to https://example.org/archive/, as the site is under /newsletter/ — write it in the template as {{ "/archive/" | url }}, which adds the base path (a[href] in the built page: check the templates)',
    ]);
  });

  it("in an issue's Markdown: each at its place, offered in the form it is written in", async () => {
    const body = "## GUI\n\nSee [April](https://example.org/issues/2011-04/), [April](../../../issues/2011-04/) and ![x](http://example.org/images/x.png).\n";
    const run = await check(UNDER, { "content/issues/2011/2011-05.md": issue({ title: "May", issue: 2, date: "2011-05-01" }, body) });
    expect(run.code).toBe(1);
    expect(run.lines.filter((line) => line.startsWith("content/"))).toEqual([
      'content/issues/2011/2011-05.md:9:5  broken link "https://example.org/issues/2011-04/": on the published site it leads outside the site, to https://example.org/issues/2011-04/, as the site is under /newsletter/ — did you mean "https://example.org/newsletter/issues/2011-04/"?',
      'content/issues/2011/2011-05.md:9:51  broken link "../../../issues/2011-04/": on the published site it leads outside the site, to https://example.org/issues/2011-04/, as the site is under /newsletter/ — did you mean "../2011-04/"?',
      'content/issues/2011/2011-05.md:9:89  broken image "http://example.org/images/x.png": on the published site it leads outside the site, to http://example.org/images/x.png, as the site is under /newsletter/ — did you mean "https://example.org/newsletter/images/x.png"?',
    ]);
  });

  // The file's place in the site's folder, as an editor's preview finds it from the issue's file: it climbed out of the site and was passed in silence.
  it("in an issue's Markdown, a file of public/ by its path from the issue's file: an error at it, offering the address the file is published at", async () => {
    const body = "## GUI\n\n![x](../../../public/images/x.png)\n\n![y](../../../public/images/none.png)\n";
    const run = await check(UNDER, { "content/issues/2011/2011-05.md": issue({ title: "May", issue: 2, date: "2011-05-01" }, body) });
    expect(run.code).toBe(1);
    // public/images/none.png is no file of the site: left alone, as any address outside it that the site does not have.
    expect(run.lines.filter((line) => line.startsWith("content/"))).toEqual([
      'content/issues/2011/2011-05.md:9:1  broken image "../../../public/images/x.png": on the published site it leads outside the site, to https://example.org/public/images/x.png, as the site is under /newsletter/ — did you mean "../../images/x.png"?',
    ]);
  });

  it("to no page of the site under the base path, or to another host: left alone, neither error nor warning", async () => {
    const links = '<p><a href="https://example.org/api/">API</a> <a href="../../api/">API</a> <a href="https://example.com/issues/2011-04/">other</a></p>\n';
    const run = await check(UNDER, { "public/about.html": ABOUT.replace('<p><a href="/issues/2011-04/">April</a></p>\n', "").replace('<p><a href="/api/">API</a></p>\n', links) });
    expect(run.lines).toEqual([expect.stringMatching(/: 0 errors, 0 warnings$/)]);
    expect(run.code).toBe(0);
  });
});
