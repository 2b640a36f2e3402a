/**
 * A second issue in a month (a special issue, 臨時号): the build takes two
 * issues of one month when their slugs differ, but `gekkan new` refused any
 * month that had an issue and named only --date. `--slug NAME` starts one at
 * /issues/NAME/, in a file that sorts after the month's first; a slug the
 * build would refuse, or an address another issue has, is refused before
 * anything is written. The compiled CLI, spawned from a folder whose path has
 * a space and Japanese; the oracles are the names and sentences written out
 * here, and the real build, which must publish both issues' pages.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliSites } from "../helpers/cli-sites.js";
import { runCli } from "../helpers/run-cli.js";
import { issue } from "../helpers/temp-site.js";

const sites = cliSites();
const CONFIG = `${JSON.stringify({ title: "テスト月刊", url: "https://example.org/", lang: "ja", authors: ["編集部"] })}\n`;
const JANUARY = issue({ title: "2026年1月号", issue: 1, date: "2026-01-01", lang: "ja" });

function january(extra: Readonly<Record<string, string>> = {}) {
  return sites.make({ "gekkan.config.json": CONFIG, "content/issues/2026/2026-01.md": JANUARY, ...extra });
}

function issueFiles(root: string): string[] {
  return readdirSync(join(root, "content/issues/2026")).sort();
}

describe("gekkan new --slug: a second issue in a month", () => {
  it("a month that has an issue is refused with both ways out named: --date and --slug", async () => {
    const site = january();
    const run = await runCli(["new", "--date", "2026-01"], { cwd: site.path });
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n")[0]).toBe("content/issues/2026/2026-01.md:4:1  an issue for 2026-01 already exists here; gekkan new never overwrites — choose another month with --date YYYY-MM, or, for a second issue in 2026-01, give it an address of its own with --slug NAME (e.g. --slug 2026-01-special)");
    expect(issueFiles(site.path)).toEqual(["2026-01.md"]);
  });

  it("writes the month's second issue with slug: NAME, in a file listed after the first, and the build publishes both pages", async () => {
    const site = january();
    const run = await runCli(["new", "--date", "2026-01", "--slug", "rinji"], { cwd: site.path });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe("content/issues/2026/2026-01_rinji.md\n");
    // Only the next step: a second issue on purpose is not "gekkan new run twice".
    expect(run.stderr).toMatch(/^next: [^\n]*\n$/);
    // Listed in code-unit order (ls in the C locale, git, gekkan's own walk), the month's first issue comes first.
    expect(issueFiles(site.path)).toEqual(["2026-01.md", "2026-01_rinji.md"]);
    const text = readFileSync(join(site.path, "content/issues/2026/2026-01_rinji.md"), "utf8");
    // Titled apart from the month's first issue ("2026年1月号"), which the archive, the feed and the browser's tab showed alike.
    expect(text).toMatch(/^---\ntitle: "2026年1月号 \(rinji\)"\nissue: 2\ndate: 2026-01-01\nslug: rinji\n/);
    const built = await runCli(["build", "--drafts", "--no-search", "--no-cache"], { cwd: site.path, deadlineMs: 60_000 });
    expect(built.code, built.stderr).toBe(0);
    expect(readFileSync(join(site.path, "dist/issues/2026-01/index.html"), "utf8")).toContain("第1号");
    expect(readFileSync(join(site.path, "dist/issues/rinji/index.html"), "utf8")).toContain("第2号");
    // The archive lists the two by titles of their own.
    const archive = readFileSync(join(site.path, "dist/archive/index.html"), "utf8");
    expect(archive).toContain(">2026年1月号 (rinji)<");
    expect(archive).toContain(">2026年1月号<");
  });

  it("an English site's second issue is titled with its month and its slug too, and its translation with both in Japanese", async () => {
    const site = sites.make({
      "gekkan.config.json": `${JSON.stringify({ title: "Test Monthly", url: "https://example.org/", lang: "en", authors: ["Editors"] })}\n`,
      "content/issues/2026/2026-01.md": issue({ title: "January 2026", issue: 1, date: "2026-01-01", lang: "en" }),
    });
    const run = await runCli(["new", "--date", "2026-01", "--slug", "special"], { cwd: site.path });
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(join(site.path, "content/issues/2026/2026-01_special.md"), "utf8")).toMatch(/^---\ntitle: "January 2026 \(special\)"\nissue: 2\n/);
    // Still gekkan new's title, so the translation gets gekkan new's title in its language, not the English left in.
    const translated = await runCli(["new", "--translate", "special", "--lang", "ja"], { cwd: site.path });
    expect(translated.code, translated.stderr).toBe(0);
    expect(readFileSync(join(site.path, "content/issues/2026/2026-01_special.ja.md"), "utf8")).toMatch(/^---\ntitle: "2026年1月号 \(special\)"\n/);
  });

  it("without --date, takes the month after the latest issue, as gekkan new does", async () => {
    const site = january();
    const run = await runCli(["new", "--slug", "rinji"], { cwd: site.path });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe("content/issues/2026/2026-02_rinji.md\n");
    expect(readFileSync(join(site.path, "content/issues/2026/2026-02_rinji.md"), "utf8")).toMatch(/^date: 2026-02-01\nslug: rinji$/m);
  });

  it.each([
    ["Rinji", `--slug "Rinji": a slug is lowercase letters, digits and single hyphens, at most 100 characters (e.g. 2011-04-special); write it in lower case: "rinji"`],
    ["臨時 号", `--slug "臨時 号": a slug is lowercase letters, digits and single hyphens, at most 100 characters (e.g. 2011-04-special)`],
    ["con", `--slug "con": a slug is lowercase letters, digits and single hyphens, at most 100 characters (e.g. 2011-04-special); "con" is a name Windows keeps for a device`],
    ["a".repeat(101), `--slug "${"a".repeat(101)}": a slug is lowercase letters, digits and single hyphens, at most 100 characters`],
  ])("a slug the build would refuse (%s) is a usage error, and nothing is written", async (slug, said) => {
    const site = january();
    const run = await runCli(["new", "--date", "2026-01", "--slug", slug], { cwd: site.path });
    expect(run.code).toBe(2);
    const [first, usage] = run.stderr.split("\n");
    expect(first?.startsWith(`gekkan new: ${said}`), first).toBe(true);
    expect(usage).toMatch(/^usage: gekkan new /);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(issueFiles(site.path)).toEqual(["2026-01.md"]);
  });

  it.each([
    ["another issue's slug", { "content/issues/2025/2025-12.md": issue({ title: "号外", issue: 2, date: "2025-12-01", slug: "rinji" }) }, "content/issues/2025/2025-12.md:5:1  issue 2 is at /issues/rinji/ already, and two issues cannot share an address — choose another slug with --slug NAME"],
    ["another issue's old address", { "content/issues/2025/2025-12.md": `---\ntitle: "号外"\nissue: 2\ndate: 2025-12-01\nslug: gogai\naliases: [rinji]\n---\n\n本文です。\n` }, "content/issues/2025/2025-12.md:6:1  issue 2 keeps /issues/rinji/ as an old address (aliases: [rinji]), which readers and sent emails lead to — choose another slug with --slug NAME"],
  ])("an address that is %s is refused at it, and nothing is written", async (_, files, said) => {
    const site = january(files);
    const run = await runCli(["new", "--date", "2026-01", "--slug", "rinji"], { cwd: site.path });
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n")[0]).toBe(said);
    expect(existsSync(join(site.path, "content/issues/2026/2026-01_rinji.md"))).toBe(false);
  });

  it("a slug that is a month with an issue is that issue's address, and refused", async () => {
    const site = january();
    const run = await runCli(["new", "--date", "2026-02", "--slug", "2026-01"], { cwd: site.path });
    expect(run.code).toBe(1);
    expect(run.stderr.split("\n")[0]).toBe("content/issues/2026/2026-01.md:4:1  issue 1 is at /issues/2026-01/ already (its month, as it sets no slug), and two issues cannot share an address — choose another slug with --slug NAME");
  });

  it("a second issue on purpose says nothing of the month's first being gekkan new's untouched draft", async () => {
    const site = sites.make({ "gekkan.config.json": CONFIG, "content/issues/.keep": "" });
    expect((await runCli(["new"], { cwd: site.path })).stdout).toBe("content/issues/2026/2026-01.md\n");
    const run = await runCli(["new", "--date", "2026-01", "--slug", "rinji"], { cwd: site.path });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("content/issues/2026/2026-01_rinji.md\n");
    expect(run.stderr).toMatch(/^next: [^\n]*\n$/);
  });

  it("--translate with --slug is a usage error, not a flag dropped in silence", async () => {
    const site = january();
    const run = await runCli(["new", "--translate", "1", "--lang", "en", "--slug", "special"], { cwd: site.path });
    expect(run.code).toBe(2);
    expect(run.stderr.split("\n")[0]).toBe("gekkan new: --translate puts the translation at its original's address (/LANG/issues/<its slug>/); leave out --slug, or set slug: in the translation's front matter afterwards");
    expect(issueFiles(site.path)).toEqual(["2026-01.md"]);
  });

  it("an issue it started with --slug, left untouched, is still known as gekkan new's draft by the next gekkan new", async () => {
    const site = sites.make({ "gekkan.config.json": CONFIG, "content/issues/.keep": "" });
    expect((await runCli(["new", "--slug", "sokan"], { cwd: site.path })).code).toBe(0);
    // Titled with its slug (not the month alone), and known as untouched all the same.
    expect(readFileSync(join(site.path, "content/issues/2026/2026-01_sokan.md"), "utf8")).toMatch(/^---\ntitle: "2026年1月号 \(sokan\)"\n/);
    const again = await runCli(["new"], { cwd: site.path });
    expect(again.code).toBe(0);
    expect(again.stderr.split("\n")[0]).toBe("gekkan new: note: issue 1 (content/issues/2026/2026-01_sokan.md) is still the draft gekkan new started, not written in yet; this made issue 2, the next; if you meant to write issue 1, delete content/issues/2026/2026-02.md and open content/issues/2026/2026-01_sokan.md");
  });
});
