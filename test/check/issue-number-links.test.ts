/**
 * A link to an issue by its number (`/issues/1/`) is broken, as issues are
 * published by month or slug; it is told the page of that number's issue in
 * the edition it asks for. Before, it was near no page by spelling and was
 * told nothing. Oracle: the test site's issues by hand (ja: 1 April with slug
 * tokushu, 2 May; en: 1 April only).
 */
import { afterEach, describe, expect, it } from "vitest";
import { runCheck } from "../../src/check/run-check.js";
import { formatDiagnostic } from "../../src/diagnostics.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

const NOW = new Date("2011-06-15T00:00:00Z");
const CONFIG = `${JSON.stringify({ title: "テスト月刊", url: "https://example.org/", lang: "ja", languages: { en: { title: "Test Monthly" } } })}\n`;
const FILE = "content/issues/2011/2011-05.md";
const WHY = "an issue's address is its month or its slug, not its number";
let site: TempDir | undefined;
afterEach(() => site?.remove());

/** The check's errors for May (its body `body`, line 7 on). */
async function errors(body: string): Promise<string[]> {
  site = tempSite({
    "gekkan.config.json": CONFIG,
    "content/issues/2011/2011-04.md": issue({ title: "特集", issue: 1, date: "2011-04-01", slug: "tokushu" }, "## 概要\n\n本文。\n"),
    "content/issues/2011/2011-04.en.md": issue({ title: "Feature", issue: 1, date: "2011-04-01", lang: "en" }, "Text.\n"),
    [FILE]: issue({ title: "5月号", issue: 2, date: "2011-05-01" }, body),
  });
  return (await runCheck({ root: site.path, now: NOW })).errors.map(formatDiagnostic);
}

describe("a link to an issue by its number", () => {
  it("is told that issue's page, in the link's form, with its #anchor when the page has it", async () => {
    expect(await errors("[a](/issues/1/) [b](../1/#概要) [c](/issues/1)\n")).toEqual([
      `${FILE}:7:1  broken link "/issues/1/": nothing is published at /issues/1/ — did you mean "/issues/tokushu/"? (issue 1's page: ${WHY})`,
      `${FILE}:7:17  broken link "../1/#概要": nothing is published at /issues/1/ — did you mean "../tokushu/#概要"? (issue 1's page: ${WHY})`,
      `${FILE}:7:31  broken link "/issues/1": nothing is published at /issues/1 — did you mean "/issues/tokushu/"? (issue 1's page: ${WHY})`,
    ]);
  });

  it("in a translation's edition is told that edition's issue of the number", async () => {
    expect(await errors("[a](/en/issues/1/)\n")).toEqual([`${FILE}:7:1  broken link "/en/issues/1/": nothing is published at /en/issues/1/ — did you mean "/en/issues/tokushu/"? (issue 1's page: ${WHY})`]);
  });

  it("is told nothing of the kind for a number no issue of that edition has", async () => {
    const found = await errors("[a](/issues/9/) [b](/en/issues/2/)\n");
    expect(found).toHaveLength(2);
    expect(found.filter((line) => line.includes(WHY))).toEqual([]);
  });
});
