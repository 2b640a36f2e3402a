/**
 * Last month's issue file copied for this one, its date left as it was:
 * 2011-05.md dated 2011-04-20 was published as April's second issue, at an
 * April address and under April's label, without a word. It is a
 * warning at the date now; a translation (named for its original, dated by
 * its own publication) and files not named for a month are left alone.
 * Oracle: the names and dates written here.
 */
import { afterEach, expect, it } from "vitest";
import { ContentError, formatDiagnostic } from "../../src/diagnostics.js";
import { generateSite } from "../helpers/fixtures.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

let site: TempDir | undefined;
afterEach(() => site?.remove());

const CONFIG = `${JSON.stringify({ title: "テスト月刊", url: "https://example.org/", lang: "ja", languages: { en: { title: "Test Monthly" } } })}\n`;

it("warns at the date of an original named for another month, and of no other issue", async () => {
  site = tempSite({
    "gekkan.config.json": CONFIG,
    "content/issues/2011/2011-04.md": issue({ title: "四月号", issue: 1, date: "2011-04-01" }),
    "content/issues/2011/2011-04.en.md": issue({ title: "April", issue: 1, date: "2011-05-02", lang: "en" }, "The text.\n"),
    "content/issues/2011/2011-05.md": issue({ title: "五月号", issue: 2, date: "2011-03-20" }),
    "content/issues/2011/2011-06-special.md": issue({ title: "六月号", issue: 3, date: "2011-06-01" }),
    "content/issues/2011/july.md": issue({ title: "七月号", issue: 4, date: "2011-07-01" }),
  });
  const built = await generateSite(site.path);
  expect(built.warnings.filter((w) => w.ruleId === "file-name-date").map(formatDiagnostic)).toEqual([
    "content/issues/2011/2011-05.md:4:1  warning: this file is named for 2011-05, but its date is 2011-03-20, so it is published as an issue of 2011-03 (its address and month label come from the date); if it is the 2011-05 issue, correct the date (date: 2011-05-01), else rename the file",
  ]);
});

it("can be stopped for the one issue that means it", async () => {
  site = tempSite({
    "content/issues/2011/2011-05.md": issue({ title: "五月号", issue: 1, date: "2011-04-20" }).replace("\n---\n", "\nignoreWarnings: [file-name-date]\n---\n"),
  });
  expect((await generateSite(site.path)).warnings.filter((w) => w.ruleId === "file-name-date")).toEqual([]);
});

it("names the date as the mistake when a file named for May takes April's address", async () => {
  site = tempSite({
    "content/issues/2011/2011-04.md": issue({ title: "四月号", issue: 1, date: "2011-04-01" }),
    "content/issues/2011/2011-05.md": issue({ title: "五月号", issue: 2, date: "2011-04-01" }),
  });
  const error = await generateSite(site.path).then(() => undefined, (thrown: unknown) => thrown);
  const lines = error instanceof ContentError ? error.messages.map(formatDiagnostic) : [];
  expect(lines).toContain("content/issues/2011/2011-05.md:4:1  duplicate page URL \"/issues/2011-04/\": also used by content/issues/2011/2011-04.md:4; an issue's URL is its month unless it sets a slug: give one of them a slug of its own (for example slug: 2011-04-2), or correct its date; this file is named for 2011-05: if it is the 2011-05 issue, its date is the mistake (date: 2011-05-01)");
  // April's own file is named for its month: its message has no such line.
  expect(lines.find((line) => line.startsWith("content/issues/2011/2011-04.md"))).not.toContain("this file is named for");
});
