import { expect } from "vitest";
import { checkInProcess } from "./io.js";
import { CONFIG, issue, tempSite, type TempDir } from "./temp-site.js";

/** The second issue's file: its body starts at line 7 (after the front matter `issue()` writes). */
export const SECOND_ISSUE = "content/issues/2020/2020-11.md";

/** The file line of the second issue's body's first line: issue() writes five lines of front matter and a blank one. */
const BODY_LINE = 7;

/** `line:column` in SECOND_ISSUE of the `nth` (0-based) occurrence of `text` in its `body`, counted from the body's own text. */
export function placeInBody(body: string, text: string, nth = 0): string {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = body.indexOf(text, at + 1);
  if (at === -1) throw new Error(`${text} is not in the body ${nth + 1} times`);
  const before = body.slice(0, at).split("\n");
  return `${BODY_LINE + before.length - 1}:${(before.at(-1) ?? "").length + 1}`;
}

/**
 * A site of two issues for `gekkan check` tests: 2020-10 (its body
 * `firstBody`, by default a heading 見出し) and 2020-11 (`body`, the links
 * under test), with CONFIG (https://example.org/) unless `files` gives
 * another config or more files.
 */
export function twoIssueSite(body: string, options: { firstBody?: string; files?: Readonly<Record<string, string>> } = {}): TempDir {
  return tempSite({
    "gekkan.config.json": CONFIG,
    "content/issues/2020/2020-10.md": issue({ title: "十月", issue: 1, date: "2020-10-01" }, options.firstBody ?? "## 見出し\n\n本文。\n"),
    [SECOND_ISSUE]: issue({ title: "十一月", issue: 2, date: "2020-11-01" }, body),
    ...options.files,
  });
}

/**
 * `gekkan check` (in this process) over twoIssueSite(body), which must find
 * something: the lines it printed. Each site made is removed by `remove`
 * (call it in afterEach).
 */
export function twoIssueChecker(): { checked: (body: string) => Promise<string[]>; remove: () => void } {
  const sites: TempDir[] = [];
  return {
    async checked(body) {
      const site = twoIssueSite(body);
      sites.push(site);
      const run = await checkInProcess(site.path);
      expect(run.code).toBe(1);
      return run.lines;
    },
    remove: () => sites.splice(0).forEach((site) => site.remove()),
  };
}
