/**
 * "Did you mean" for a broken link into a translation's edition (`/en/…`)
 * stays in that edition. By spelling alone the three letters of `/en` weigh
 * as much as a slug's typo, so `/en/issue/2011-5/` on the English May page
 * was offered `/issues/2011-05/`, the Japanese version of the very page the
 * link is on (a link to a missing page did not mean the page it is on); and `/en/issues/2011-06/`, June not translated yet, was
 * offered the English May, another issue, where the page asked for is the
 * Japanese June. Oracle: the paths the test site publishes, known by hand
 * (ja: April with slug tokushu, May, June; en: April and May).
 */
import { afterEach, describe, expect, it } from "vitest";
import { runCheck } from "../../src/check/run-check.js";
import { formatDiagnostic } from "../../src/diagnostics.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

const NOW = new Date("2011-06-15T00:00:00Z");
const CONFIG = `${JSON.stringify({ title: "テスト月刊", url: "https://example.org/", lang: "ja", languages: { en: { title: "Test Monthly" } } })}\n`;
const FILE = "content/issues/2011/2011-05.en.md";
const APRIL = "content/issues/2011/2011-04.en.md";
let site: TempDir | undefined;
afterEach(() => site?.remove());

/** The check's errors for an English May (or April) whose text is `body`. */
async function errors(body: string, file = FILE): Promise<string[]> {
  const text = (which: string) => (which === file ? body : "Text.\n");
  site = tempSite({
    "gekkan.config.json": CONFIG,
    "content/issues/2011/2011-04.md": issue({ title: "特集", issue: 1, date: "2011-04-01", slug: "tokushu" }),
    [APRIL]: issue({ title: "Feature", issue: 1, date: "2011-04-01", lang: "en" }, text(APRIL)),
    "content/issues/2011/2011-05.md": issue({ title: "5月号", issue: 2, date: "2011-05-01" }),
    [FILE]: issue({ title: "May", issue: 2, date: "2011-05-01", lang: "en" }, text(FILE)),
    "content/issues/2011/2011-06.md": issue({ title: "6月号", issue: 3, date: "2011-06-01" }),
  });
  return (await runCheck({ root: site.path, now: NOW })).errors.map(formatDiagnostic);
}

describe("suggestions for a broken link into a translation's edition", () => {
  it("a typo is offered a page of the same edition, never the page the link is on in another language", async () => {
    expect(await errors("[a](/en/isues/tokushu/) [b](/en/issue/2011-5/)\n")).toEqual([
      `${FILE}:8:1  broken link "/en/isues/tokushu/": nothing is published at /en/isues/tokushu/ — did you mean "/en/issues/tokushu/"?`,
      `${FILE}:8:25  broken link "/en/issue/2011-5/": nothing is published at /en/issue/2011-5/`,
    ]);
  });

  it("the address of an issue not translated yet is offered that issue in the edition that has it", async () => {
    // From the English April, where the English May is one letter away.
    expect(await errors("[June](/en/issues/2011-06/)\n", APRIL)).toEqual([
      `${APRIL}:8:1  broken link "/en/issues/2011-06/": nothing is published at /en/issues/2011-06/ — did you mean "/issues/2011-06/"?`,
    ]);
  });
});
