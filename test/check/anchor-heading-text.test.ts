/**
 * A broken #anchor written as the heading's text (`#STONITH プラグイン`, the
 * heading as the author sees it) is told the id the heading has; a near
 * miss of an id, as typed or as its text slugged, the nearest id; anything
 * else, the page's headings' ids to choose from. Before, each was told
 * nothing: by spelling, a heading's text is far from its id. Oracle: the
 * heading ids written by hand from the headings of the test site (GitHub's
 * rule: lower case, spaces as "-", punctuation dropped).
 */
import { afterEach, describe, expect, it } from "vitest";
import { runCheck } from "../../src/check/run-check.js";
import { formatDiagnostic } from "../../src/diagnostics.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

const NOW = new Date("2011-06-15T00:00:00Z");
const FILE = "content/issues/2011/2011-05.md";
const HEADINGS = "## STONITH プラグイン\n\n本文。\n\n## DRBD と Pacemaker の連携\n\n本文。\n\n## GUI\n\n本文。\n";
const SLUG_NOTE = `(a heading's id is its text in lower case, spaces as "-", most punctuation left out)`;
let site: TempDir | undefined;
afterEach(() => site?.remove());

/** The check's errors for May (its body `body`, line 7 on) linking April (`april`, by default three headings). */
async function errors(body: string, april = HEADINGS): Promise<string[]> {
  site = tempSite({
    "content/issues/2011/2011-04.md": issue({ title: "4月号", issue: 1, date: "2011-04-01" }, april),
    [FILE]: issue({ title: "5月号", issue: 2, date: "2011-05-01" }, body),
  });
  return (await runCheck({ root: site.path, now: NOW })).errors.map(formatDiagnostic);
}

describe("a broken #anchor written as a heading's text", () => {
  it("is told the heading's id, on another page and on its own", async () => {
    expect(await errors("[a](<../2011-04/#STONITH プラグイン>)\n\n## Release Notes\n\n[b](<#Release Notes>)\n")).toEqual([
      `${FILE}:7:1  broken anchor in link "../2011-04/#STONITH プラグイン": /issues/2011-04/ has no element with id "STONITH プラグイン" — did you mean "#stonith-プラグイン"? ${SLUG_NOTE}`,
      `${FILE}:11:1  broken anchor in link "#Release Notes": /issues/2011-05/ has no element with id "Release Notes" — did you mean "#release-notes"? ${SLUG_NOTE}`,
    ]);
  });

  it("a near miss of a heading's text is told the nearest id, where the text as typed is near none", async () => {
    expect(await errors("[a](<../2011-04/#DRBD と Pacemaker との連携>)\n")).toEqual([
      `${FILE}:7:1  broken anchor in link "../2011-04/#DRBD と Pacemaker との連携": /issues/2011-04/ has no element with id "DRBD と Pacemaker との連携" — did you mean "#drbd-と-pacemaker-の連携"?`,
    ]);
  });

  it("one written %-encoded is told the id %-encoded too", async () => {
    expect(await errors("[a](../2011-04/#STONITH%20%E3%83%97%E3%83%A9%E3%82%B0%E3%82%A4%E3%83%B3)\n")).toEqual([
      `${FILE}:7:1  broken anchor in link "../2011-04/#STONITH%20%E3%83%97%E3%83%A9%E3%82%B0%E3%82%A4%E3%83%B3" (that is "../2011-04/#STONITH%20プラグイン"): /issues/2011-04/ has no element with id "STONITH プラグイン" — did you mean "#stonith-%E3%83%97%E3%83%A9%E3%82%B0%E3%82%A4%E3%83%B3"? ${SLUG_NOTE}`,
    ]);
  });
});

describe("a broken #anchor near no id", () => {
  it("is shown the page's headings' ids, in page order (a heading the page does not have, #gui-support beside #gui)", async () => {
    expect(await errors("[a](../2011-04/#gui-support)\n")).toEqual([
      `${FILE}:7:1  broken anchor in link "../2011-04/#gui-support": /issues/2011-04/ has no element with id "gui-support"; its headings' ids are "#stonith-プラグイン", "#drbd-と-pacemaker-の連携", "#gui"`,
    ]);
  });

  it("is shown the first five of a page of many headings, and how many more there are", async () => {
    const seven = ["一", "二", "三", "四", "五", "六", "七"].map((name) => `## ${name}\n\n本文。\n`).join("\n");
    expect(await errors("[a](../2011-04/#zzz)\n", seven)).toEqual([
      `${FILE}:7:1  broken anchor in link "../2011-04/#zzz": /issues/2011-04/ has no element with id "zzz"; its headings' ids are "#一", "#二", "#三", "#四", "#五" and 2 more`,
    ]);
  });

  it("says no more on a page without headings", async () => {
    expect(await errors("[a](../2011-04/#zzz)\n", "本文だけ。\n")).toEqual([`${FILE}:7:1  broken anchor in link "../2011-04/#zzz": /issues/2011-04/ has no element with id "zzz"`]);
  });
});

describe("an anchor written as a heading's text without <…>, which Markdown does not make a link", () => {
  it("is told to write the heading's id, on its own page and on another", async () => {
    const found = await errors("[a](#Release Notes) と [b](../2011-04/#STONITH プラグイン)\n\n## Release Notes\n");
    const why = `is printed as text, not as a link: its #anchor has a space, and a heading's id has none (its text in lower case, spaces as "-")`;
    expect(found).toEqual([`${FILE}:7:1  "[a](#Release Notes)" ${why}: write "[a](#release-notes)"`, `${FILE}:7:23  "[b](../2011-04/#STONITH プラグイン)" ${why}: write "[b](../2011-04/#stonith-プラグイン)"`]);
  });

  it("a space in the path is still told %20 or <…>", async () => {
    expect(await errors("[a](../2011-04/my page/#x)\n")).toEqual([
      `${FILE}:7:1  "[a](../2011-04/my page/#x)" is printed as text, not as a link: its address has a space; write the space as %20 (../2011-04/my%20page/#x) or put the address in angle brackets (<../2011-04/my page/#x>)`,
    ]);
  });
});
