import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkInProcess } from "../helpers/io.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

// A site under a sub-path with a space in it, as a new author sets one up: every issue also gets an email edition.
const CONFIG = `${JSON.stringify({ title: "My News", url: "https://example.org/my news/", lang: "en", authors: ["me"], email: { from: "My News <news@example.org>" } }, null, 2)}\n`;
const OCTOBER = issue({ title: "October", issue: 1, date: "2020-10-01" }, "## Hello\n\nHi.\n");
const DECEMBER = "content/issues/2020/2020-12.md";

let site: TempDir | undefined;
afterEach(() => site?.remove());


/** The site with issue 2's body as given (its line 7 is the body's first line). */
function siteWith(body: string): TempDir {
  return tempSite({ "gekkan.config.json": CONFIG, "content/issues/2020/2020-10.md": OCTOBER, [DECEMBER]: issue({ title: "December", issue: 2, date: "2020-12-01" }, body) });
}

/** What check prints for that site, which must fail. */
async function failedCheck(body: string): Promise<string[]> {
  site = siteWith(body);
  const run = await checkInProcess(site.path);
  expect(run.code).toBe(1);
  return run.lines;
}

describe("gekkan check on a site with a base path: links are reported as the author wrote them", () => {
  it("quotes a root-relative link without the base path, and suggests what to write in the Markdown", async () => {
    expect(await failedCheck("See [x](/issues/2020-09/).\n")).toContain(`${DECEMBER}:7:5  broken link "/issues/2020-09/": nothing is published at /issues/2020-09/ (/my%20news/issues/2020-09/ on the site) — did you mean "/issues/2020-10/"?`);
  });

  it("passes once its suggestion is written in the Markdown (no loop of base paths)", async () => {
    site = siteWith("See [x](/issues/2020-09/).\n");
    const first = await checkInProcess(site.path);
    const suggested = first.lines.join("\n").match(/did you mean "([^"]+)"/)?.[1];
    expect(suggested).toBeDefined();
    const file = join(site.path, DECEMBER);
    writeFileSync(file, readFileSync(file, "utf8").replace("(/issues/2020-09/)", `(${suggested ?? ""})`));
    const second = await checkInProcess(site.path);
    expect(second.lines).toEqual([expect.stringMatching(/: 0 errors, 0 warnings$/)]);
    expect(second.code).toBe(0);
  });

  it("suggests a relative path for a relative link, and a full URL for a full URL", async () => {
    site = siteWith("See [x](../2020-09/) and [y](https://example.org/my%20news/issues/2020-09/).\n");
    const run = await checkInProcess(site.path);
    expect(run.lines).toContain(`${DECEMBER}:7:5  broken link "../2020-09/": nothing is published at /issues/2020-09/ (/my%20news/issues/2020-09/ on the site) — did you mean "../2020-10/"?`);
    expect(run.lines).toContain(`${DECEMBER}:7:26  broken link "https://example.org/my%20news/issues/2020-09/": nothing is published at /my%20news/issues/2020-09/ — did you mean "https://example.org/my%20news/issues/2020-10/"?`);
  });
});

describe("gekkan check's suggestion for a broken link is one the author can use", () => {
  it("never suggests the page the link is on (\"./\" fixes nothing): a near miss of this page's own path gets the nearest other page", async () => {
    site = siteWith("See [x](../2020-02/).\n");
    const run = await checkInProcess(site.path);
    expect(run.code).toBe(1);
    // Oracle: the site has two issue pages; the link sits on 2020-12, so the only other issue, 2020-10, is what to suggest.
    expect(run.lines).toContain(`${DECEMBER}:7:5  broken link "../2020-02/": nothing is published at /issues/2020-02/ (/my%20news/issues/2020-02/ on the site) — did you mean "../2020-10/"?`);
  });

  it("says that the base path is added for the author when a broken link was written with it", async () => {
    expect(await failedCheck("See [x](/my%20news/issues/2020-10/).\n")).toContain(`${DECEMBER}:7:5  broken link "/my%20news/issues/2020-10/": nothing is published at /my%20news/my%20news/issues/2020-10/ — did you mean "/issues/2020-10/"? (links are written from the site root without the base path /my%20news/: gekkan adds it)`);
  });

  it("adds no base-path note to a broken link written without the base path", async () => {
    site = siteWith("See [x](/issues/2020-09/).\n");
    const run = await checkInProcess(site.path);
    expect(run.lines.filter((line) => line.includes("base path"))).toEqual([]);
  });
});

describe("gekkan check reports a mistake in an issue once, at the Markdown, not again in the issue's email", () => {
  it("two broken links and a broken anchor: three errors, all at the Markdown, none at the email", async () => {
    site = siteWith("See [x](/issues/2020-09/) and [y](/issues/2020-10/#nope) and [z](../2020-11/).\n");
    const run = await checkInProcess(site.path);
    expect(run.code).toBe(1);
    expect(run.lines.filter((line) => line.includes("email.html"))).toEqual([]);
    expect(run.lines.filter((line) => line.startsWith(`${DECEMBER}:`))).toEqual([
      `${DECEMBER}:7:5  broken link "/issues/2020-09/": nothing is published at /issues/2020-09/ (/my%20news/issues/2020-09/ on the site) — did you mean "/issues/2020-10/"?`,
      `${DECEMBER}:7:31  broken anchor in link "/issues/2020-10/#nope": /issues/2020-10/ has no element with id "nope"; its headings' ids are "#hello"`,
      `${DECEMBER}:7:62  broken link "../2020-11/": nothing is published at /issues/2020-11/ (/my%20news/issues/2020-11/ on the site) — did you mean "../2020-10/"?`,
    ]);
    expect(run.lines.at(-1)).toMatch(/\(3 from Markdown\).*: 3 errors, 0 warnings$/);
  });
});

describe("gekkan check names a broken link's address as the author wrote it, not with the base path the build adds", () => {
  // Oracle: the author wrote /issues/…; the site is served under /newsletter/, so that is where a browser asks.
  const NEWSLETTER = `${JSON.stringify({ title: "Newsletter", url: "https://example.org/newsletter/", lang: "en", authors: ["me"] })}\n`;
  const FILE = "content/issues/2011/2011-05.md";

  it("a missing page from the root or relative, and a missing #anchor, without /newsletter/; a full URL, written with it, with it", async () => {
    site = tempSite({
      "gekkan.config.json": NEWSLETTER,
      "content/issues/2011/2011-04.md": issue({ title: "April", issue: 1, date: "2011-04-01" }, "## GUI\n\nText.\n"),
      [FILE]: issue({ title: "May", issue: 2, date: "2011-05-01" }, "[a](/issues/2011-03/)\n\n[b](../2011-13/)\n\n[c](/issues/2011-04/#cli)\n\n[d](https://example.org/newsletter/issues/2011-03/)\n"),
    });
    const run = await checkInProcess(site.path);
    expect(run.lines.filter((line) => line.startsWith(`${FILE}:`))).toEqual([
      `${FILE}:7:1  broken link "/issues/2011-03/": nothing is published at /issues/2011-03/ (/newsletter/issues/2011-03/ on the site) — did you mean "/issues/2011-04/"?`,
      `${FILE}:9:1  broken link "../2011-13/": nothing is published at /issues/2011-13/ (/newsletter/issues/2011-13/ on the site) — did you mean "../2011-04/"?`,
      `${FILE}:11:1  broken anchor in link "/issues/2011-04/#cli": /issues/2011-04/ has no element with id "cli"; its headings' ids are "#gui"`,
      `${FILE}:13:1  broken link "https://example.org/newsletter/issues/2011-03/": nothing is published at /newsletter/issues/2011-03/ — did you mean "https://example.org/newsletter/issues/2011-04/"?`,
    ]);
  });
});
