/**
 * `gekkan init` starts a series: a config with the settings given, the
 * folders, a .gitignore; then `gekkan new` and `gekkan build` work there
 * with no warning about a missing address. Run as a newcomer would, from the
 * folder above, whose path has a space and Japanese. The oracle for the
 * config is the JSON written out here by hand; for the built site, its page.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureCompiled, runCli } from "../helpers/run-cli.js";
import { issue, tempDir, tempSite, type TempDir } from "../helpers/temp-site.js";

describe("gekkan init", () => {
  let work: TempDir;
  beforeAll(() => {
    ensureCompiled();
    work = tempDir("gekkan-init-");
  }, 300_000);
  afterAll(() => work.remove());

  const run = (args: string[], cwd = work.path) => runCli(args, { cwd });

  it("makes the config, the folders and a .gitignore, names them from where it ran, and the series builds", async () => {
    const result = await run(["init", "新しい 連載", "--title", "月刊 テスト", "--url", "https://example.org/news/", "--author", "編集部", "--author", "山田"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const site = join(work.path, "新しい 連載");
    expect(JSON.parse(readFileSync(join(site, "gekkan.config.json"), "utf8"))).toEqual({ title: "月刊 テスト", description: "", url: "https://example.org/news/", lang: "ja", authors: ["編集部", "山田"] });
    expect(readFileSync(join(site, ".gitignore"), "utf8").split("\n")).toEqual(expect.arrayContaining(["/dist", "/.dist-gekkan/", "/.gekkan/"]));
    expect(readdirSync(join(site, "content", "issues"))).toEqual([]);
    expect(existsSync(join(site, "public"))).toBe(true);
    expect(result.stdout.split("\n")).toEqual(expect.arrayContaining(["  新しい 連載/gekkan.config.json", "  新しい 連載/.gitignore", 'next: gekkan new --root "新しい 連載" starts issue 1']));

    writeFileSync(join(site, "content", "issues", "2011-04.md"), issue({ title: "創刊号", issue: 1, date: "2011-04-01" }));
    const built = await run(["build", "--root", "新しい 連載"]);
    expect(built.stderr).toBe("");
    expect(built.code).toBe(0);
    const page = readFileSync(join(site, "dist", "issues", "2011-04", "index.html"), "utf8");
    expect(page).toContain("<title>創刊号 (2011年4月号) | 月刊 テスト</title>");
    expect(page).toContain('<link rel="canonical" href="https://example.org/news/issues/2011-04/">');
  });

  it("git takes in none of what a build makes: not the dist link, the builds or the cache; a .gitignore that is there gets the entries it lacks", async () => {
    const site = tempDir("gekkan-init-git-");
    try {
      // The usual start: a repository whose .gitignore has its own lines, one of them the folder-only form that lets the dist link through.
      writeFileSync(join(site.path, ".gitignore"), "node_modules/\ndist/\n.gekkan");
      const result = await run(["init"], site.path);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout.split("\n")).toContain("  .gitignore (added /dist, /.dist-gekkan/)");
      expect(readFileSync(join(site.path, ".gitignore"), "utf8")).toBe("node_modules/\ndist/\n.gekkan\n# gekkan's output and cache: made again by every build\n/dist\n/.dist-gekkan/\n");
      writeFileSync(join(site.path, "content", "issues", "2011-04.md"), issue({ title: "創刊号", issue: 1, date: "2011-04-01" }));
      expect((await run(["build", "--no-search"], site.path)).code).toBe(0);
      // The oracle is git itself: what `git add -A` would stage.
      execFileSync("git", ["init", "-q"], { cwd: site.path });
      const staged = execFileSync("git", ["add", "-A", "--dry-run"], { cwd: site.path, encoding: "utf8" }).split("\n").filter(Boolean);
      expect(staged.sort()).toEqual(["add '.gitignore'", "add 'content/issues/2011-04.md'", "add 'gekkan.config.json'"]);
      // Run again, nothing is missing: the file stays as it is.
      rmSync(join(site.path, "gekkan.config.json"));
      expect((await run(["init"], site.path)).stdout).not.toContain(".gitignore");
      expect(readFileSync(join(site.path, ".gitignore"), "utf8")).toMatch(/\/\.dist-gekkan\/\n$/);
    } finally {
      site.remove();
    }
  });

  it("--time-zone: the series starts and publishes an issue from 00:00 on its date there, on a runner in UTC; a name that is no time zone makes nothing", async () => {
    const result = await run(["init", "東京 連載", "--url", "https://example.org/tokyo/", "--time-zone", "Asia/Tokyo"]);
    expect(result.code, result.stderr).toBe(0);
    const site = join(work.path, "東京 連載");
    expect(JSON.parse(readFileSync(join(site, "gekkan.config.json"), "utf8"))).toEqual({ title: "東京 連載", description: "", url: "https://example.org/tokyo/", lang: "ja", timeZone: "Asia/Tokyo", authors: [] });
    // 2011-04-30T15:00:00Z is 00:00 on 1 May in Japan (UTC+9, no summer time): gekkan new starts May's issue, and the build publishes it.
    const midnightInTokyo = { TZ: "UTC", SOURCE_DATE_EPOCH: String(Date.parse("2011-04-30T15:00:00Z") / 1000) };
    const started = await runCli(["new", "--root", "東京 連載"], { cwd: work.path, env: midnightInTokyo });
    expect(started.code, started.stderr).toBe(0);
    const first = join(site, "content", "issues", "2011", "2011-05.md");
    expect(existsSync(first)).toBe(true);
    writeFileSync(first, issue({ title: "五月号", issue: 1, date: "2011-05-01" }));
    const built = await runCli(["build", "--root", "東京 連載", "--no-search"], { cwd: work.path, env: midnightInTokyo });
    expect(built.code, built.stderr).toBe(0);
    expect(existsSync(join(site, "dist", "issues", "2011-05", "index.html"))).toBe(true);

    const refused = await run(["init", "誤り 連載", "--time-zone", "Asia/Tokio"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr.split("\n")[0]).toBe("gekkan init: --time-zone Asia/Tokio: not a time zone — did you mean Asia/Tokyo?");
    expect(existsSync(join(work.path, "誤り 連載"))).toBe(false);
    const abbreviated = await run(["init", "誤り 連載", "--time-zone", "JST"]);
    expect(abbreviated.code).toBe(2);
    expect(abbreviated.stderr.split("\n")[0]).toBe("gekkan init: --time-zone JST: an abbreviation, which names different zones in different countries (this one would be read as Asia/Tokyo); write the zone's own name instead, Asia/Tokyo if that is the one you mean");
    expect(existsSync(join(work.path, "誤り 連載"))).toBe(false);
  });

  it("--time-zone: a misspelt name gets the nearest zone, with none when nothing is near; a case slip is written as the database spells it", async () => {
    const slips: Array<[string, string]> = [
      ["ASIA/TOKIO", "not a time zone — did you mean Asia/Tokyo?"],
      ["Tokyo", "not a time zone — did you mean Asia/Tokyo?"],
      ["America/New York", "not a time zone — did you mean America/New_York?"],
      ["Mars/Olympus", "not a time zone: use a name such as Asia/Tokyo, or UTC"],
    ];
    for (const [zone, reason] of slips) {
      const refused = await run(["init", "誤り 連載", "--time-zone", zone]);
      expect(refused.code, zone).toBe(2);
      expect(refused.stderr.split("\n")[0]).toBe(`gekkan init: --time-zone ${zone}: ${reason}`);
      expect(existsSync(join(work.path, "誤り 連載"))).toBe(false);
    }
    const folded = await run(["init", "小文字 連載", "--time-zone", "asia/tokyo", "--no-workflow"]);
    expect(folded.code, folded.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(work.path, "小文字 連載", "gekkan.config.json"), "utf8")).timeZone).toBe("Asia/Tokyo");
  });

  // "Smith, Jr." was told "if it is two, give --author Smith --author Jr.": noise for a real name with a suffix after its comma.
  it("--author parted by a Japanese comma is refused with the flags to give; an ASCII comma stays in one name, with a note unless what follows it is a name suffix", async () => {
    for (const joined of ["山田、鈴木", "山田，鈴木"]) {
      const refused = await run(["init", "共著 連載", "--author", joined]);
      expect(refused.code, joined).toBe(2);
      expect(refused.stderr.split("\n")[0]).toBe(`gekkan init: --author ${joined}: one --author is one author, and the feeds would name one called "${joined}"; give --author for each: --author 山田 --author 鈴木`);
      expect(existsSync(join(work.path, "共著 連載"))).toBe(false);
    }
    const authors = ["山田, 鈴木", "Smith, Jr.", "Alice, Bob", "Doe, Ph.D.", "Henry Ford, III", "Ray, Jr., MD"];
    const kept = await run(["init", "共著 連載", ...authors.flatMap((author) => ["--author", author]), "--no-workflow"]);
    expect(kept.code, kept.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(work.path, "共著 連載", "gekkan.config.json"), "utf8")).authors).toEqual(authors);
    expect(kept.stdout.split("\n").filter((line) => line.includes("is kept as one author"))).toEqual([
      '--author "山田, 鈴木" is kept as one author, as a name such as "Smith, Jr." is written; if it is two, give --author for each: --author 山田 --author 鈴木',
      '--author "Alice, Bob" is kept as one author, as a name such as "Smith, Jr." is written; if it is two, give --author for each: --author Alice --author Bob',
    ]);
  });

  it("with no settings: the folder's name as the title, Japanese, and a reminder to add the address", async () => {
    const result = await run(["init", "my-series"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(readFileSync(join(work.path, "my-series", "gekkan.config.json"), "utf8"))).toEqual({ title: "my-series", description: "", lang: "ja", authors: [] });
    expect(result.stdout).toContain('before publishing, add the site\'s address to my-series/gekkan.config.json: "url": "https://…/"');
  });

  it("never replaces a config: a folder that has one is refused, the file unchanged", async () => {
    const site = tempSite({ "gekkan.config.json": '{ "title": "元のまま" }\n' });
    try {
      const result = await run(["init", "--title", "上書き"], site.path);
      expect(result.code).toBe(1);
      expect(result.stderr).toBe("gekkan init: gekkan.config.json already exists, so this folder is a site already; edit that file, or give gekkan init another folder\n");
      expect(readFileSync(join(site.path, "gekkan.config.json"), "utf8")).toBe('{ "title": "元のまま" }\n');
    } finally {
      site.remove();
    }
  });

  it("writes nothing through a link or into a FIFO: a config that is a link to nowhere or a FIFO is refused, a .gitignore link is left alone (no crash, no hang)", async () => {
    const site = tempDir("gekkan-init-links-");
    try {
      symlinkSync("/nonexistent/gekkan.config.json", join(site.path, "gekkan.config.json"));
      const linked = await run(["init"], site.path);
      expect(linked.code).toBe(1);
      expect(linked.stderr).toMatch(/^gekkan init: gekkan\.config\.json already exists/);
      expect(readlinkSync(join(site.path, "gekkan.config.json"))).toBe("/nonexistent/gekkan.config.json");
      rmSync(join(site.path, "gekkan.config.json"));
      execFileSync("mkfifo", [join(site.path, "gekkan.config.json")]);
      expect((await run(["init"], site.path)).code).toBe(1);
      rmSync(join(site.path, "gekkan.config.json"));
      symlinkSync("/nonexistent/ignore", join(site.path, ".gitignore"));
      const result = await run(["init"], site.path);
      expect(result.code).toBe(0);
      expect(readlinkSync(join(site.path, ".gitignore"))).toBe("/nonexistent/ignore");
      expect(existsSync(join(site.path, "gekkan.config.json"))).toBe(true);
    } finally {
      site.remove();
    }
  });

  it.each([
    [["--url", "ftp://example.org/"], 2, /^gekkan init: --url must be an absolute http\(s\) URL such as https:\/\/user\.github\.io\/repo\/, found "ftp:\/\/example\.org\/"/],
    [["--lang", "fr"], 2, /^gekkan init: --lang fr: no locale pack "fr"; available: en, ja/],
    [["--title", " "], 2, /^gekkan init: --title must not be empty/],
  ])("%j is refused before anything is made", async (flags, code, message) => {
    const result = await run(["init", "refused", ...flags]);
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
    expect(existsSync(join(work.path, "refused"))).toBe(false);
  });

  it("a folder inside another site's content/ is refused, and not left behind", async () => {
    const site = tempSite({ "gekkan.config.json": "{}\n", "content/issues/.keep": "" });
    try {
      const result = await run(["init", "content/issues/inner"], site.path);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/is inside the content\/ folder of the site at/);
      expect(existsSync(join(site.path, "content", "issues", "inner"))).toBe(false);
    } finally {
      site.remove();
    }
  });
});
