/**
 * An author taking a series up again after a gap: `gekkan new` planned the
 * month after the latest issue whatever the day, so a series whose latest
 * issue was for 2024-03, taken up in 2026-12, got a 2024-04 issue, published
 * at once, back-dated two and a half years and listed among 2024's issues.
 * Once the month after the latest is past, it plans this month (in the
 * site's time zone) and says which month it skipped and how to make that one
 * instead. The compiled CLI, with today set by SOURCE_DATE_EPOCH; the
 * oracles are the file names, dates and sentences written out here.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliSites } from "../helpers/cli-sites.js";
import { runCli } from "../helpers/run-cli.js";
import { issue } from "../helpers/temp-site.js";

const sites = cliSites();
/** 2026-12-07 12:00 UTC. */
const DECEMBER_7 = { SOURCE_DATE_EPOCH: String(Date.UTC(2026, 11, 7, 12) / 1000) };

function config(timeZone = "UTC"): string {
  return `${JSON.stringify({ title: "テスト月刊", url: "https://example.org/", lang: "ja", authors: ["編集部"], timeZone })}\n`;
}

/** A series whose issues are for `months` (YYYY-MM), numbered 1, 2, … in that order. */
function series(months: readonly string[], extra: Readonly<Record<string, string | boolean>> = {}, timeZone?: string) {
  const files = Object.fromEntries(months.map((month, at) => [`content/issues/${month.slice(0, 4)}/${month}.md`, issue({ title: `第${at + 1}号`, issue: at + 1, date: `${month}-01`, lang: "ja", ...extra })]));
  return sites.make({ "gekkan.config.json": config(timeZone), ...files });
}

function frontOf(root: string, file: string): string {
  return readFileSync(join(root, file), "utf8").split("\n---\n")[0] ?? "";
}

describe("gekkan new after a gap", () => {
  it("plans this month, not the month after the latest issue years ago, and says so", async () => {
    const site = series(["2024-02", "2024-03"]);
    const run = await runCli(["new"], { cwd: site.path, env: DECEMBER_7 });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe("content/issues/2026/2026-12.md\n");
    expect(frontOf(site.path, "content/issues/2026/2026-12.md")).toMatch(/^---\ntitle: "2026年12月号"\nissue: 3\ndate: 2026-12-01\n/);
    expect(existsSync(join(site.path, "content/issues/2024/2024-04.md"))).toBe(false);
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines[0]).toBe("gekkan new: note: the latest issue is for 2024-03, and 2024-04 is past, so this issue is for 2026-12, this month (an issue for a past month is published at once, dated back); if it is the issue for 2024-04 you meant to write, delete content/issues/2026/2026-12.md and run gekkan new --date 2024-04");
    expect(lines[1]).toMatch(/^next: /);
    expect(lines).toHaveLength(2);
  });

  it("run from outside the site, the note names the file from there, and the command with --root", async () => {
    const site = sites.make({ "series 月刊/gekkan.config.json": config(), "series 月刊/content/issues/2024/2024-03.md": issue({ title: "第1号", issue: 1, date: "2024-03-01", lang: "ja" }) });
    const run = await runCli(["new", "--root", "series 月刊"], { cwd: site.path, env: DECEMBER_7 });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe("series 月刊/content/issues/2026/2026-12.md\n");
    // The file named as the other notes name it (the untouched draft's), the command with --root quoted as rootOption gives it.
    expect(run.stderr.split("\n")[0]).toBe('gekkan new: note: the latest issue is for 2024-03, and 2024-04 is past, so this issue is for 2026-12, this month (an issue for a past month is published at once, dated back); if it is the issue for 2024-04 you meant to write, delete series 月刊/content/issues/2026/2026-12.md and run gekkan new --root "series 月刊" --date 2024-04');
  });

  it("makes the skipped month's issue with --date, as the note says, and says nothing of a gap", async () => {
    const site = series(["2024-02", "2024-03"]);
    const run = await runCli(["new", "--date", "2024-04"], { cwd: site.path, env: DECEMBER_7 });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe("content/issues/2024/2024-04.md\n");
    expect(frontOf(site.path, "content/issues/2024/2024-04.md")).toMatch(/^---\ntitle: "2024年4月号"\nissue: 3\ndate: 2024-04-01\n/);
    expect(run.stderr).toMatch(/^next: [^\n]*\n$/);
  });

  it("one month skipped (the latest for 2026-10 in 2026-12): this month, and --date 2026-11 named", async () => {
    const site = series(["2026-09", "2026-10"]);
    const run = await runCli(["new"], { cwd: site.path, env: DECEMBER_7 });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe("content/issues/2026/2026-12.md\n");
    expect(run.stderr.split("\n")[0]).toBe("gekkan new: note: the latest issue is for 2026-10, and 2026-11 is past, so this issue is for 2026-12, this month (an issue for a past month is published at once, dated back); if it is the issue for 2026-11 you meant to write, delete content/issues/2026/2026-12.md and run gekkan new --date 2026-11");
  });

  it.each([
    ["last month's (2026-11)", ["2026-10", "2026-11"], "content/issues/2026/2026-12.md", "date: 2026-12-01"],
    ["this month's (2026-12)", ["2026-11", "2026-12"], "content/issues/2027/2027-01.md", "date: 2027-01-01"],
    ["a future month's (2027-03)", ["2027-02", "2027-03"], "content/issues/2027/2027-04.md", "date: 2027-04-01"],
  ])("no gap, the latest issue being %s: the month after it, and no note", async (_, months, file, date) => {
    const site = series(months);
    const run = await runCli(["new"], { cwd: site.path, env: DECEMBER_7 });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe(`${file}\n`);
    expect(frontOf(site.path, file)).toMatch(new RegExp(`^issue: 3\\n${date}$`, "m"));
    expect(run.stderr).toMatch(/^next: [^\n]*\n$/);
  });

  it("a draft counts as the latest issue: a draft for 2026-11 leaves no gap", async () => {
    const site = sites.make({
      "gekkan.config.json": config(),
      "content/issues/2024/2024-03.md": issue({ title: "第1号", issue: 1, date: "2024-03-01", lang: "ja" }),
      "content/issues/2026/2026-11.md": issue({ title: "第2号", issue: 2, date: "2026-11-01", lang: "ja", draft: true }),
    });
    const run = await runCli(["new"], { cwd: site.path, env: DECEMBER_7 });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe("content/issues/2026/2026-12.md\n");
    expect(run.stderr).toMatch(/^next: [^\n]*\n$/);
  });

  it("this month is the site's: 2026-11-30 20:00 UTC is 2026-12 in Asia/Tokyo, a gap after 2026-10 there but not in UTC", async () => {
    const env = { SOURCE_DATE_EPOCH: String(Date.UTC(2026, 10, 30, 20) / 1000) };
    const tokyo = series(["2026-09", "2026-10"], {}, "Asia/Tokyo");
    const there = await runCli(["new"], { cwd: tokyo.path, env });
    expect(there.stdout).toBe("content/issues/2026/2026-12.md\n");
    expect(there.stderr).toContain("gekkan new: note: the latest issue is for 2026-10, and 2026-11 is past");
    tokyo.remove();
    const utc = series(["2026-09", "2026-10"]);
    const here = await runCli(["new"], { cwd: utc.path, env });
    expect(here.stdout).toBe("content/issues/2026/2026-11.md\n");
    expect(here.stderr).toMatch(/^next: [^\n]*\n$/);
  });

  it("a month's second issue (--slug) after a gap is this month's too, and the note's command keeps --slug", async () => {
    const site = series(["2024-03"]);
    const run = await runCli(["new", "--slug", "fukkatsu"], { cwd: site.path, env: DECEMBER_7 });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe("content/issues/2026/2026-12_fukkatsu.md\n");
    expect(run.stderr.split("\n")[0]).toBe("gekkan new: note: the latest issue is for 2024-03, and 2024-04 is past, so this issue is for 2026-12, this month (an issue for a past month is published at once, dated back); if it is the issue for 2024-04 you meant to write, delete content/issues/2026/2026-12_fukkatsu.md and run gekkan new --slug fukkatsu --date 2024-04");
  });

  it("this month's name already taken by a file dated otherwise is refused at that file, and nothing is written", async () => {
    const site = sites.make({
      "gekkan.config.json": config(),
      "content/issues/2024/2024-03.md": issue({ title: "第1号", issue: 1, date: "2024-03-01", lang: "ja" }),
      "content/issues/2026/2026-12.md": issue({ title: "第2号", issue: 2, date: "2023-05-01", lang: "ja" }),
    });
    const run = await runCli(["new"], { cwd: site.path, env: DECEMBER_7 });
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n")[0]).toBe("content/issues/2026/2026-12.md:4:1  this file has the name gekkan new gives the 2026-12 issue, but it holds issue 2 dated 2023-05-01; gekkan new never overwrites — rename it 2023-05.md (in content/issues/2023/), or choose another month with --date YYYY-MM");
    expect(readdirSync(join(site.path, "content/issues/2026"))).toEqual(["2026-12.md"]);
  });
});
