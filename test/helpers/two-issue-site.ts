import { CONFIG, issue, tempSite, type TempDir } from "./temp-site.js";

/** The second issue's file: its body starts at line 7 (after the front matter `issue()` writes). */
export const SECOND_ISSUE = "content/issues/2020/2020-11.md";

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
