/**
 * A mistake in a site's own layout is on every page built from it: it was
 * reported once per page (8,000 lines for one mistake on a large site). It
 * is now one message, at the template's line when the template's text holds
 * the address (or the tag) literally, naming how many other pages show it.
 * A broken link in two issues' Markdown is still two messages: each is the
 * author's to fix at its own line. Oracle: the line and column of the
 * address counted by hand in the layout written below, and the pages that
 * hold it, found in the files gekkan build writes; the real Nu Html Checker
 * decides what is invalid.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildInProcess, checkInProcess } from "../helpers/io.js";
import { ensureCompiled, runCli } from "../helpers/run-cli.js";
import { AWKWARD_TMP, issue, tempSite, type TempDir } from "../helpers/temp-site.js";

const CONFIG = `${JSON.stringify({ title: "Newsletter", url: "https://example.org/", lang: "en", authors: ["me"] })}\n`;
const BUILT_IN_LAYOUT = readFileSync(join(import.meta.dirname, "../../templates/layouts/base.liquid"), "utf8");
// One line after <body>: the broken address is on it at column 13 ("<p><a href=" is 12 characters).
const BROKEN_LINE = '<p><a href="/old-archive/">old</a></p>';
const LAYOUT = BUILT_IN_LAYOUT.replace("<body>\n", `<body>\n${BROKEN_LINE}\n`);
const LAYOUT_LINE = LAYOUT.split("\n").indexOf(BROKEN_LINE) + 1;

/** Twenty monthly issues, 2010-01 to 2011-08, numbered 1 to 20. */
function issues(): Record<string, string> {
  const files: Record<string, string> = {};
  for (let n = 1; n <= 20; n++) {
    const year = 2010 + Math.floor((n - 1) / 12);
    const month = String(((n - 1) % 12) + 1).padStart(2, "0");
    files[`content/issues/${year}/${year}-${month}.md`] = issue({ title: `Issue ${n}`, issue: n, date: `${year}-${month}-01` }, "## GUI\n\nText.\n");
  }
  return files;
}

let site: TempDir | undefined;
afterEach(() => {
  site?.remove();
  site = undefined;
});

async function check(files: Record<string, string>, ...args: string[]): Promise<{ code: number; lines: string[] }> {
  site ??= tempSite({ "gekkan.config.json": CONFIG, ...files });
  return checkInProcess(site.path, ...args);
}

/**
 * The public address of every page `gekkan build` writes that holds `part`,
 * in the order of their addresses (under `basePath`), with the place of `part`
 * in the first (a message at a built page points at the tag's `<`):
 * found in the files written to dist/, not by check.
 */
async function builtPagesHolding(part: string, basePath = "/"): Promise<{ pages: string[]; first: string }> {
  const root = site?.path ?? "";
  expect((await buildInProcess(root)).code).toBe(0);
  const dist = join(root, "dist");
  const files = readdirSync(dist, { recursive: true, encoding: "utf8" }).filter((file) => file.endsWith(".html") && readFileSync(join(dist, file), "utf8").includes(part));
  const address = (file: string) => `${basePath}${file.split(sep).join("/")}`.replace(/(^|\/)index\.html$/, "$1");
  const pages = files.map(address).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const firstFile = files.find((file) => address(file) === pages[0]) ?? "";
  return { pages, first: placeIn(readFileSync(join(dist, firstFile), "utf8"), part) };
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

describe("gekkan check: one mistake in a layout is one message", () => {
  it("a broken link the layout hard-codes is reported once, at the layout's line, with how many pages show it", async () => {
    const run = await check({ ...issues(), "templates/layouts/base.liquid": LAYOUT });
    expect(run.code).toBe(1);
    const { pages } = await builtPagesHolding('href="/old-archive/"');
    expect(pages.length).toBeGreaterThan(20);
    expect(run.lines.filter((line) => line.includes("/old-archive/"))).toEqual([
      `templates/layouts/base.liquid:${LAYOUT_LINE}:13  broken link "/old-archive/": nothing is published at /old-archive/ (a[href] in this template, on ${pages.length} built pages, e.g. ${pages.slice(0, 3).join(", ")})`,
    ]);
    expect(run.lines.at(-1)).toMatch(new RegExp(`: 1 error at ${pages.length} places, 0 warnings$`));
  });

  it("one the template writes otherwise than the page has it is reported once, at the first page, naming a few others", async () => {
    // The url filter adds the base path: the page has /newsletter/old-archive/, which no template has as such.
    const layout = BUILT_IN_LAYOUT.replace("<body>\n", '<body>\n<p><a href="{{ "/old-archive/" | url }}">old</a></p>\n');
    const config = `${JSON.stringify({ title: "Newsletter", url: "https://example.org/newsletter/", lang: "en", authors: ["me"] })}\n`;
    const run = await check({ ...issues(), "templates/layouts/base.liquid": layout, "gekkan.config.json": config });
    expect(run.code).toBe(1);
    const { pages, first } = await builtPagesHolding('<a href="/newsletter/old-archive/"', "/newsletter/");
    expect(pages.length).toBeGreaterThan(20);
    expect(run.lines.filter((line) => line.includes("old-archive/"))).toEqual([
      `${pages[0]}:${first}  broken link "/newsletter/old-archive/": nothing is published at /newsletter/old-archive/ (a[href] in the built page: check the templates) and on ${pages.length - 1} other pages (e.g. ${pages.slice(1, 4).join(", ")})`,
    ]);
    expect(run.lines.at(-1)).toMatch(new RegExp(`: 1 error at ${pages.length} places, 0 warnings$`));
  });

  it("on GitHub Actions, the one message is one annotation, at the layout's line", async () => {
    const root = tempSite({ "gekkan.config.json": CONFIG, ...issues(), "templates/layouts/base.liquid": LAYOUT });
    site = root;
    ensureCompiled();
    const workspace = dirname(AWKWARD_TMP);
    const run = await runCli(["check"], { cwd: root.path, env: { GITHUB_ACTIONS: "true", GITHUB_WORKSPACE: workspace }, deadlineMs: 120_000 });
    expect(run.code).toBe(1);
    // GitHub's documented workflow command: ::error file=…,line=…,col=…,title=…::message, the file from the repository's root.
    const file = `${relative(workspace, root.path).split(sep).join("/")}/templates/layouts/base.liquid`;
    const annotations = run.stderr.split("\n").filter((line) => line.startsWith("::error"));
    expect(annotations).toHaveLength(1);
    expect(annotations[0]?.startsWith(`::error file=${file},line=${LAYOUT_LINE},col=13,title=gekkan check::broken link "/old-archive/"`)).toBe(true);
  }, 150_000);

  it("the same broken link in two issues' Markdown is two messages, each at its line", async () => {
    const files = issues();
    const body = "## GUI\n\nSee [the old archive](/old-archive/).\n";
    files["content/issues/2010/2010-03.md"] = issue({ title: "Issue 3", issue: 3, date: "2010-03-01" }, body);
    files["content/issues/2010/2010-04.md"] = issue({ title: "Issue 4", issue: 4, date: "2010-04-01" }, body);
    const run = await check(files);
    expect(run.code).toBe(1);
    // Line 9: the front matter (five lines), a blank line, the heading, a blank line; column 5: the link's "[" after "See ".
    expect(run.lines.filter((line) => line.includes("/old-archive/"))).toEqual([
      'content/issues/2010/2010-03.md:9:5  broken link "/old-archive/": nothing is published at /old-archive/',
      'content/issues/2010/2010-04.md:9:5  broken link "/old-archive/": nothing is published at /old-archive/',
    ]);
    expect(run.lines.at(-1)).toMatch(/: 2 errors, 0 warnings$/);
  });

  it("says the same, in the same order, run after run", async () => {
    const layout = LAYOUT.replace("<body>\n", '<body>\n<p><a href="{{ "/gone/" | url }}#x">gone</a> <a href="/missing.png">png</a></p>\n');
    const first = await check({ ...issues(), "templates/layouts/base.liquid": layout });
    const second = await check({});
    expect(first.lines.filter((line) => line.includes("broken"))).toHaveLength(3);
    expect(untimed(second.lines)).toEqual(untimed(first.lines));
  });

  describe("--html", () => {
    // vnu holds a custom attribute without data- invalid; the tag is the layout's only one so.
    const BAD = '<span foo-bar="x">';
    const badLayout = BUILT_IN_LAYOUT.replace("<body>\n", `<body>\n<p>${BAD}old</span></p>\n`);

    it("invalid markup in the layout is reported once, at the layout's line, with how many pages show it", async () => {
      const run = await check({ ...issues(), "templates/layouts/base.liquid": badLayout }, "--html");
      expect(run.code).toBe(1);
      const { pages } = await builtPagesHolding(BAD);
      expect(pages.length).toBeGreaterThan(20);
      const errors = run.lines.filter((line) => line.includes("Nu Html Checker"));
      expect(errors).toHaveLength(1);
      const examples = pages.slice(0, 3).map((page) => `${page.replace(/[.]/g, "\\.")}:\\d+:\\d+`).join(", ");
      expect(errors[0]).toMatch(new RegExp(`^templates/layouts/base\\.liquid:${placeIn(badLayout, BAD)}  invalid HTML \\(Nu Html Checker\\): .*“foo-bar”.* \\(on ${pages.length} built pages, e\\.g\\. ${examples}\\)$`));
      expect(run.lines.at(-1)).toMatch(new RegExp(`: 1 error at ${pages.length} places, 0 warnings$`));
    }, 120_000);

    it("invalid markup two templates hold is reported once, at the first page, naming a few others", async () => {
      // The same tag in a partial too: which template a page's comes from is not certain, so it stays at the page.
      const run = await check({ ...issues(), "templates/layouts/base.liquid": badLayout, "templates/partials/note.liquid": `<p>${BAD}note</span></p>\n` }, "--html");
      expect(run.code).toBe(1);
      const { pages, first } = await builtPagesHolding(BAD);
      const errors = run.lines.filter((line) => line.includes("Nu Html Checker"));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(new RegExp(`^${pages[0]}:${first}  invalid HTML \\(Nu Html Checker\\): .*“foo-bar”.* and on ${pages.length - 1} other pages \\(e\\.g\\. ${pages.slice(1, 4).join(", ").replace(/[.]/g, "\\.")}\\)$`));
      expect(run.lines.at(-1)).toMatch(new RegExp(`: 1 error at ${pages.length} places, 0 warnings$`));
    }, 120_000);
  });
});
