import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { captureIo } from "../helpers/io.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

// Issue 1, then issue 3 (a gap: a warning from check) whose text opens with a heading 1 (a warning from every command).
const FILES = {
  "content/issues/2011/2011-04.md": issue({ title: "4月号", issue: 1, date: "2011-04-01" }, "本文です。\n"),
  "content/issues/2011/2011-05.md": issue({ title: "5月号", issue: 3, date: "2011-05-01" }, "# 今月の話題\n\n本文です。\n"),
};
const GAP = "content/issues/2011/2011-05.md:3:1  warning: issue numbers jump from 1 (content/issues/2011/2011-04.md) to 3: issue 2 is missing";
const H1 = 'content/issues/2011/2011-05.md:7:1  warning: "今月の話題" is a heading 1, a second one on the page: the issue\'s title is its heading 1, and headings in the text start at ##; write "## 今月の話題"';

// Written out here, not read from WARNING_KINDS: the README's table lists the same kinds.
const KINDS = "a list of kinds of warning not to show: issue-number-gap, issue-number-order, empty-issue, long-title, body-h1, file-name-date, todo-note, front-matter-markdown, bidi-control, raw-html-removed, table-short-row, image-alt, untranslated-field, translation-facts, translation-outdated, translation-address, email-size, email-svg, address-moved, address-gone, reader-repeated, template-note-missing, locale-fallback, locale-language, public-link, public-svg-script, public-svg-unchecked, public-name, public-dot-name, redirects-alias, redirects-page, redirects-fallback, site-address, site-address-parts";

let site: TempDir | undefined;
afterEach(() => site?.remove());

function config(extra: Record<string, unknown>): string {
  return JSON.stringify({ title: "テスト月刊", url: "https://example.org/", ...extra }, null, 2);
}

async function run(args: string[]): Promise<{ code: number; stderr: string[]; stdout: string[] }> {
  const io = captureIo();
  const code = await main(args, io);
  return { code, stderr: io.stderr, stdout: io.stdout };
}

describe("a site stops the warnings it means with ignoreWarnings", () => {
  it("check prints each warning, then one line naming their kinds and the config line that stops them", async () => {
    site = tempSite({ ...FILES, "gekkan.config.json": config({}) });
    const { code, stderr } = await run(["check", "--root", site.path]);
    expect(code).toBe(0);
    expect(stderr).toEqual([GAP, H1, 'gekkan: if you mean these, stop the warning in gekkan.config.json with "ignoreWarnings": ["body-h1", "issue-number-gap"], or for one issue only in its front matter with ignoreWarnings: [body-h1, issue-number-gap]']);
  });

  it("the kinds listed are not shown by check or build; the others still are, and errors are never hidden", async () => {
    site = tempSite({ ...FILES, "gekkan.config.json": config({ ignoreWarnings: ["issue-number-gap"] }) });
    const checked = await run(["check", "--root", site.path]);
    expect(checked.stderr).toEqual([H1, 'gekkan: if you mean this, stop the warning in gekkan.config.json with "ignoreWarnings": ["body-h1"], or for one issue only in its front matter with ignoreWarnings: [body-h1]']);
    expect(checked.stdout.join("\n")).toMatch(/0 errors, 1 warning$/);
    site.remove();
    site = tempSite({ ...FILES, "gekkan.config.json": config({ ignoreWarnings: ["issue-number-gap", "body-h1"] }) });
    expect((await run(["check", "--root", site.path])).stderr).toEqual([]);
    const built = await run(["build", "--root", site.path, "--no-search", "--quiet"]);
    expect(built).toMatchObject({ code: 0, stderr: [] });
    // An error of the same issue still stops the build.
    site.remove();
    site = tempSite({ ...FILES, "content/issues/2011/2011-06.md": issue({ title: "6月号", issue: 4, date: "2011-06-31" }), "gekkan.config.json": config({ ignoreWarnings: ["issue-number-gap", "body-h1"] }) });
    const failed = await run(["build", "--root", site.path, "--no-search"]);
    expect(failed.code).toBe(1);
    expect(failed.stderr.join("\n")).toContain("content/issues/2011/2011-06.md:4:");
  });

  it("build prints the body-h1 warning and the line that stops it, and so does the up-to-date build after it", async () => {
    site = tempSite({ ...FILES, "gekkan.config.json": config({}) });
    const expected = [H1, 'gekkan: if you mean this, stop the warning in gekkan.config.json with "ignoreWarnings": ["body-h1"], or for one issue only in its front matter with ignoreWarnings: [body-h1]'];
    expect((await run(["build", "--root", site.path, "--no-search", "--quiet"])).stderr).toEqual(expected);
    const again = await run(["build", "--root", site.path, "--no-search", "--quiet"]);
    expect(again.stderr).toEqual(expected);
  });

  it("a kind gekkan does not have is an error at its place in the config, with the nearest kind", async () => {
    site = tempSite({ ...FILES, "gekkan.config.json": config({ ignoreWarnings: ["body-h1", "issue-number-gaps", "spelling"] }) });
    const { code, stderr } = await run(["build", "--root", site.path, "--no-search"]);
    expect(code).toBe(1);
    // The config is written by JSON.stringify with two spaces: the list's items are on lines 5, 6 and 7, at column 5.
    expect(stderr.slice(0, 2)).toEqual([
      `gekkan.config.json:6:5  invalid config field "ignoreWarnings" (item 2): expected ${KINDS}, found the string "issue-number-gaps" — did you mean "issue-number-gap"?`,
      `gekkan.config.json:7:5  invalid config field "ignoreWarnings" (item 3): expected ${KINDS}, found the string "spelling"`,
    ]);
  });

  it("an issue's front matter stops the warnings about that issue only", async () => {
    const h1 = (n: number, month: string) => issue({ title: `${month}月号`, issue: n, date: `2011-${month}-01` }, "# 今月の話題\n\n本文です。\n");
    // Issue 1 means its heading 1; issue 3 (after a gap) means nothing.
    site = tempSite({
      "gekkan.config.json": config({}),
      "content/issues/2011/2011-04.md": h1(1, "04").replace("date: 2011-04-01", "date: 2011-04-01\nignoreWarnings: [body-h1]"),
      "content/issues/2011/2011-05.md": h1(3, "05"),
    });
    const checked = await run(["check", "--root", site.path]);
    expect(checked.stderr.slice(0, 2)).toEqual([GAP, H1]);
    const built = await run(["build", "--root", site.path, "--no-search", "--quiet"]);
    expect(built.stderr.slice(0, 1)).toEqual([H1]);
    // The key in the other issue stops its warnings too, the gap included.
    site.remove();
    site = tempSite({
      "gekkan.config.json": config({}),
      "content/issues/2011/2011-04.md": h1(1, "04").replace("date: 2011-04-01", "date: 2011-04-01\nignoreWarnings: [body-h1]"),
      "content/issues/2011/2011-05.md": h1(3, "05").replace("date: 2011-05-01", "date: 2011-05-01\nignoreWarnings: [body-h1, issue-number-gap]"),
    });
    expect((await run(["check", "--root", site.path])).stderr).toEqual([]);
  });

  it("a kind an issue cannot stop is an error at its place in the front matter", async () => {
    site = tempSite({
      "gekkan.config.json": config({}),
      "content/issues/2011/2011-04.md": `---\ntitle: "4月号"\nissue: 1\ndate: 2011-04-01\nignoreWarnings: [body-h2, public-link]\n---\n\n本文です。\n`,
    });
    const { code, stderr } = await run(["build", "--root", site.path, "--no-search"]);
    expect(code).toBe(1);
    const expectation = "expected a list of kinds of warning not to show for this issue: issue-number-gap, issue-number-order, empty-issue, long-title, body-h1, file-name-date, todo-note, front-matter-markdown, bidi-control, raw-html-removed, table-short-row, image-alt, untranslated-field, translation-facts, translation-outdated, translation-address, email-size, email-svg, address-moved, address-gone";
    expect(stderr.slice(0, 2)).toEqual([
      `content/issues/2011/2011-04.md:5:18  invalid front matter field "ignoreWarnings" (item 1): ${expectation}, found the string "body-h2" — did you mean "body-h1"?`,
      `content/issues/2011/2011-04.md:5:27  invalid front matter field "ignoreWarnings" (item 2): ${expectation}, found the string "public-link"; public-link is about public/, not an issue: list it in gekkan.config.json's "ignoreWarnings"`,
    ]);
  });
});
