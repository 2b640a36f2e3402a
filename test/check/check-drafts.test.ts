import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { runCheck } from "../../src/check/run-check.js";
import { formatDiagnostic } from "../../src/diagnostics.js";
import { captureIo } from "../helpers/io.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

const NOW = new Date("2011-06-15T00:00:00Z");
const APRIL = issue({ title: "4月号", issue: 1, date: "2011-04-01" }, "## 概要\n\n本文です。\n");
const MAY = issue({ title: "5月号", issue: 2, date: "2011-05-01" }, "本文です。\n");

let site: TempDir | undefined;
afterEach(() => site?.remove());

function lines(messages: Parameters<typeof formatDiagnostic>[0][]): string[] {
  return messages.map(formatDiagnostic);
}

describe("gekkan check covers the issue being written", () => {
  it("reports a broken anchor in a draft by default, marked as in a draft", async () => {
    site = tempSite({
      "content/issues/2011/2011-04.md": APRIL,
      "content/issues/2011/2011-05.md": MAY,
      "content/issues/2011/2011-06.md": issue({ title: "6月号", issue: 3, date: "2011-06-01", draft: true }, "[概要](/issues/2011-04/#gaiyou)\n"),
    });
    const report = await runCheck({ root: site.path, now: NOW });
    expect(lines(report.errors)).toEqual([
      'content/issues/2011/2011-06.md:8:1  broken anchor in link "/issues/2011-04/#gaiyou": /issues/2011-04/ has no element with id "gaiyou"; its headings\' ids are "#概要" [in a draft]',
    ]);
    expect(report.unpublishedErrors).toBe(1);
    const published = await runCheck({ root: site.path, now: NOW, published: true });
    expect(published.errors).toEqual([]);
  });

  it("reports a broken link in a future-dated issue, marked with its day", async () => {
    site = tempSite({
      "content/issues/2011/2011-04.md": APRIL,
      "content/issues/2011/2011-07.md": issue({ title: "7月号", issue: 2, date: "2011-07-01" }, "[次](/issues/2011-13/)\n"),
    });
    const report = await runCheck({ root: site.path, now: NOW });
    expect(lines(report.errors)).toEqual([
      'content/issues/2011/2011-07.md:7:1  broken link "/issues/2011-13/": nothing is published at /issues/2011-13/ — did you mean "/issues/2011-04/"? [in scheduled for 2011-07-01]',
    ]);
  });

  // (One whose original is scheduled is scheduled itself: it may not be dated before its original.)
  it("a translation that is ready but whose original is a draft is marked: build leaves it out too", async () => {
    site = tempSite({
      "content/issues/2011/2011-04.md": APRIL,
      "content/issues/2011/2011-06.md": issue({ title: "6月号", issue: 2, date: "2011-06-01", draft: true }),
      "content/issues/2011/2011-06.en.md": issue({ title: "June", issue: 2, date: "2011-06-01", lang: "en" }, "[x](/en/issues/2011-06/#nothing-here)\n"),
    });
    const report = await runCheck({ root: site.path, now: NOW });
    expect(lines(report.errors)).toEqual([
      'content/issues/2011/2011-06.en.md:8:1  broken anchor in link "/en/issues/2011-06/#nothing-here": /en/issues/2011-06/ has no element with id "nothing-here" [in a translation of a draft]',
    ]);
    expect(report.unpublishedErrors).toBe(1);
    expect((await runCheck({ root: site.path, now: NOW, published: true })).errors).toEqual([]);
  });

  // No suggestion by spelling: the issue linked is there, only not out yet (cli/held-issue-link.test.ts).
  it("a published issue linking to a draft is broken on the published site", async () => {
    site = tempSite({
      "content/issues/2011/2011-04.md": issue({ title: "4月号", issue: 1, date: "2011-04-01" }, "[来月](/issues/2011-05/)\n"),
      "content/issues/2011/2011-05.md": issue({ title: "5月号", issue: 2, date: "2011-05-01", draft: true }, "本文です。\n"),
    });
    const report = await runCheck({ root: site.path, now: NOW });
    expect(lines(report.errors)).toEqual([
      'content/issues/2011/2011-04.md:7:1  broken link "/issues/2011-05/": nothing is published at /issues/2011-05/; it is the page of issue 2 (content/issues/2011/2011-05.md), a draft, which gekkan build leaves out until it is published: publish it, or take the link out until then (on the published site: the link works only while drafts and scheduled issues are included)',
    ]);
  });

  it("the CLI says which errors are in drafts, and --published narrows the check", async () => {
    site = tempSite({
      "content/issues/2011/2011-04.md": APRIL,
      "content/issues/2011/2011-05.md": issue({ title: "5月号", issue: 2, date: "2011-05-01", draft: true }, "[x](/issues/2011-04/#nothing-here)\n"),
    });
    const all = captureIo();
    expect(await main(["check", "--root", site.path], all)).toBe(1);
    expect(all.stderr.join("\n")).toMatch(/\[in a draft\]$/m);
    expect(all.stderr.join("\n")).toMatch(/^gekkan check: .*, drafts and scheduled issues included in \d+ ms: 1 error \(1 in drafts or scheduled issues\), 0 warnings$/m);
    const published = captureIo();
    expect(await main(["check", "--root", site.path, "--published"], published)).toBe(0);
    expect(published.stdout.join("\n")).toMatch(/^gekkan check: \d+ pages, \d+ links checked \(0 from Markdown\) in \d+ ms: 0 errors, 0 warnings$/m);
    const withDrafts = captureIo();
    expect(await main(["check", "--root", site.path, "--published", "--drafts"], withDrafts)).toBe(1);
    expect(withDrafts.stderr.join("\n")).toMatch(/\[in a draft\]$/m);
    // Scheduled issues are not among what --drafts adds back, and the summary does not say they are.
    expect(withDrafts.stderr.join("\n")).toMatch(/^gekkan check: .*, drafts included in \d+ ms: 1 error/m);
    const withFuture = captureIo();
    expect(await main(["check", "--root", site.path, "--published", "--future"], withFuture)).toBe(0);
    expect(withFuture.stdout.join("\n")).toMatch(/^gekkan check: .*, scheduled issues included in \d+ ms: 0 errors/m);
  });
});

describe("gekkan check and issue numbers", () => {
  it("warns when published numbers jump over a draft (1, 2, 4 with 3 a draft)", async () => {
    site = tempSite({
      "content/issues/2011/2011-04.md": APRIL,
      "content/issues/2011/2011-05.md": MAY,
      "content/issues/2011/2011-06.md": issue({ title: "6月号", issue: 3, date: "2011-06-01", draft: true }),
      "content/issues/2011/2011-03.md": issue({ title: "号外", issue: 4, date: "2011-03-15", slug: "2011-03-extra" }),
    });
    const report = await runCheck({ root: site.path, now: NOW });
    expect(report.errors).toEqual([]);
    expect(lines(report.warnings)).toEqual([
      "content/issues/2011/2011-03.md:3:1  warning: published issue numbers jump from 2 (content/issues/2011/2011-05.md) to 4: issue 3 is a draft (content/issues/2011/2011-06.md), so readers see a gap until it is published",
      // Issue 4 is dated before issue 3 as well: the numbers do not follow the dates either.
      "content/issues/2011/2011-03.md:4:1  warning: issue 4 is dated 2011-03-15, before issue 3 (content/issues/2011/2011-06.md, dated 2011-06-01), so the issue numbers do not follow the dates; correct the date or the number in content/issues/2011/2011-03.md or in content/issues/2011/2011-06.md",
    ]);
  });

  it("still warns about a number no file has, drafts included", async () => {
    site = tempSite({
      "content/issues/2011/2011-04.md": APRIL,
      "content/issues/2011/2011-05.md": issue({ title: "5月号", issue: 3, date: "2011-05-01" }),
    });
    const report = await runCheck({ root: site.path, now: NOW });
    expect(lines(report.warnings)).toEqual([
      "content/issues/2011/2011-05.md:3:1  warning: issue numbers jump from 1 (content/issues/2011/2011-04.md) to 3: issue 2 is missing",
    ]);
  });
});
