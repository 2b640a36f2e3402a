/**
 * A broken #anchor written as the heading's text (`#STONITH プラグイン`, the
 * heading as the author sees it) is told the id the heading has; a near
 * miss of an id, as typed or as its text slugged, the nearest id; anything
 * else, the page's headings' ids to choose from; one that is more or less
 * of an id, to a word's end, that id. Before, each was told
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
  it("is shown the page's headings' ids, in page order (a heading the page does not have, #cli-support)", async () => {
    expect(await errors("[a](../2011-04/#cli-support)\n")).toEqual([
      `${FILE}:7:1  broken anchor in link "../2011-04/#cli-support": /issues/2011-04/ has no element with id "cli-support"; its headings' ids are "#stonith-プラグイン", "#drbd-と-pacemaker-の連携", "#gui"`,
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

describe("a broken #anchor that is more or less of one id, to a word's end", () => {
  // Oracle: the ids below are the headings' text by hand, in lower case with "-" for a space.
  it("is told the id it starts with (#gui-support where the page has #gui)", async () => {
    expect(await errors("[a](../2011-04/#gui-support)\n")).toEqual([
      `${FILE}:7:1  broken anchor in link "../2011-04/#gui-support": /issues/2011-04/ has no element with id "gui-support" — did you mean "#gui"? (the one id on the page that "gui-support" starts with)`,
    ]);
  });

  it("is told the one id that starts with it (#gui where the page has #gui-support and #guide)", async () => {
    expect(await errors("[a](../2011-04/#gui)\n", "## GUI Support\n\n本文。\n\n## Guide\n\n本文。\n")).toEqual([
      `${FILE}:7:1  broken anchor in link "../2011-04/#gui": /issues/2011-04/ has no element with id "gui" — did you mean "#gui-support"? (the one id on the page that starts with "gui")`,
    ]);
  });

  it("is shown the list when two ids start with it, as either would be a guess", async () => {
    expect(await errors("[a](../2011-04/#gui)\n", "## GUI Support\n\n本文。\n\n## GUI Tools\n\n本文。\n")).toEqual([
      `${FILE}:7:1  broken anchor in link "../2011-04/#gui": /issues/2011-04/ has no element with id "gui"; its headings' ids are "#gui-support", "#gui-tools"`,
    ]);
  });

  it("in Japanese, a word ends only at a space of the heading: #監視 is told #監視-リソース, not #監視機能", async () => {
    expect(await errors("[a](../2011-04/#監視)\n", "## 監視 リソース\n\n本文。\n\n## 監視機能\n\n本文。\n")).toEqual([
      `${FILE}:7:1  broken anchor in link "../2011-04/#監視": /issues/2011-04/ has no element with id "監視" — did you mean "#監視-リソース"? (the one id on the page that starts with "監視")`,
    ]);
  });

  it("comes after a heading's text and a near miss: #GUI Support and #gui-suport are told #gui-support, beside #gui", async () => {
    const both = "## GUI\n\n本文。\n\n## GUI Support\n\n本文。\n";
    expect(await errors("[a](<../2011-04/#GUI Support>)\n\n[b](../2011-04/#gui-suport)\n", both)).toEqual([
      `${FILE}:7:1  broken anchor in link "../2011-04/#GUI Support": /issues/2011-04/ has no element with id "GUI Support" — did you mean "#gui-support"? ${SLUG_NOTE}`,
      `${FILE}:9:1  broken anchor in link "../2011-04/#gui-suport": /issues/2011-04/ has no element with id "gui-suport" — did you mean "#gui-support"?`,
    ]);
  });
});
