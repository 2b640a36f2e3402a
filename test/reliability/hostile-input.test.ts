import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, realpathSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { issue, readTree, tempDir, tempSite, writeFiles, type TempDir } from "../helpers/temp-site.js";
import { ensureCompiled, runCli, type CliRun } from "../helpers/run-cli.js";

/**
 * Hostile or broken content, run through the real CLI in a child process
 * with a deadline: each must end quickly with exit 1 and plain
 * `path:line:column  message` lines, never hang, never print a stack trace
 * (exit 70), and never touch dist/.
 */
const APRIL = issue({ title: "4月号", issue: 1, date: "2011-04-01" });
const DIR = "content/issues/2011";

/** What every command prints after warnings of the kind public-link: one, or several. */
const STOP_LINK_WARNING = 'gekkan: if you mean these, stop the warning in gekkan.config.json with "ignoreWarnings": ["public-link"]';
const STOP_ONE_LINK_WARNING = STOP_LINK_WARNING.replace("these", "this");

let site: TempDir | undefined;
let server: Server | undefined;
afterEach(() => {
  server?.close();
  server = undefined;
  site?.remove();
  site = undefined;
});

beforeAll(() => ensureCompiled(), 300_000);

async function build(root: string, deadlineMs = 30_000): Promise<CliRun> {
  return runCli(["build", "--no-search", "--no-cache"], { cwd: root, deadlineMs });
}

/** The run ended by itself, refused with exit 1, printed no stack, wrote nothing. */
function expectRefused(run: CliRun, root: string): void {
  expect(run.timedOut, `still running after the deadline; stderr so far:\n${run.stderr}`).toBe(false);
  expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(run.code).toBe(1);
  expect(existsSync(join(root, "dist"))).toBe(false);
}

function bodySite(body: string): TempDir {
  return tempSite({ [`${DIR}/2011-04.md`]: APRIL, [`${DIR}/2011-05.md`]: issue({ title: "5月号", issue: 2, date: "2011-05-01" }, body) });
}

describe("files that are not regular files", () => {
  it("a FIFO named x.md blocks neither build, check nor new", async () => {
    site = tempSite({ [`${DIR}/2011-04.md`]: APRIL });
    execFileSync("mkfifo", [join(site.path, DIR, "x.md")]);
    const run = await build(site.path, 20_000);
    expectRefused(run, site.path);
    expect(run.stderr).toContain(`${DIR}/x.md:1:1  this is a named pipe (FIFO), not a regular file, so gekkan did not read it; put the issue's Markdown in a regular file, or move this out of content/issues/`);
    const check = await runCli(["check"], { cwd: site.path, deadlineMs: 20_000 });
    expect(check.timedOut).toBe(false);
    expect(check.code).toBe(1);
    expect(check.stderr).toContain(`${DIR}/x.md:1:1  this is a named pipe (FIFO)`);
    // Today in the issue's month, so that 2011-05.md is the file gekkan new would write had it gone on (years later it plans the current month).
    const next = await runCli(["new"], { cwd: site.path, deadlineMs: 20_000, env: { SOURCE_DATE_EPOCH: String(Date.UTC(2011, 3, 15) / 1000) } });
    expect(next.timedOut).toBe(false);
    expect(next.code).toBe(1);
    expect(next.stderr).toContain(`${DIR}/x.md:1:1  this is a named pipe (FIFO)`);
    expect(existsSync(join(site.path, DIR, "2011-05.md"))).toBe(false);
  });

  it("gekkan dev with a FIFO reports it, keeps answering, and stops on SIGTERM", async () => {
    site = tempSite({ [`${DIR}/2011-04.md`]: APRIL });
    execFileSync("mkfifo", [join(site.path, DIR, "x.md")]);
    let asked = false;
    let answer: number | string = "no answer";
    const run = await runCli(["dev", "--port", "0", "--no-cache"], {
      cwd: site.path,
      deadlineMs: 45_000,
      onOutput: (text, kill) => {
        const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(text)?.[0];
        if (asked || url === undefined || !text.includes(`${DIR}/x.md:1:1  this is a named pipe (FIFO)`)) return;
        asked = true;
        // A server whose one thread is stuck on the FIFO would never answer.
        fetch(url, { signal: AbortSignal.timeout(10_000) })
          .then((response) => (answer = response.status))
          .catch((error: unknown) => (answer = String(error)))
          .finally(kill);
      },
    });
    expect(asked, run.stdout + run.stderr).toBe(true);
    expect(typeof answer, String(answer)).toBe("number");
    expect(run.timedOut).toBe(false);
    expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it("a link to /dev/zero or /dev/urandom is refused without reading it", async () => {
    site = tempSite({ [`${DIR}/2011-04.md`]: APRIL });
    symlinkSync("/dev/zero", join(site.path, DIR, "z.md"));
    symlinkSync("/dev/urandom", join(site.path, DIR, "u.md"));
    const run = await build(site.path, 20_000);
    expectRefused(run, site.path);
    expect(run.stderr).toContain(`${DIR}/u.md:1:1  this is a symbolic link to "/dev/urandom", outside the site; gekkan reads only files inside the site folder, so copy or move the file into the site instead`);
    expect(run.stderr).toContain(`${DIR}/z.md:1:1  this is a symbolic link to "/dev/zero", outside the site;`);
  });

  it("a socket named s.md is refused", async () => {
    site = tempSite({ [`${DIR}/2011-04.md`]: APRIL });
    const path = join(site.path, DIR, "s.md");
    server = createServer();
    await new Promise<void>((ok) => server?.listen(path, ok));
    const run = await build(site.path);
    expectRefused(run, site.path);
    expect(run.stderr).toContain(`${DIR}/s.md:1:1  this is a socket, not a regular file, so gekkan did not read it; put the issue's Markdown in a regular file, or move this out of content/issues/`);
  });

  it("an unreadable file is named, with what to do", async () => {
    site = tempSite({ [`${DIR}/2011-04.md`]: APRIL, [`${DIR}/2011-05.md`]: issue({ title: "5月号", issue: 2, date: "2011-05-01" }) });
    chmodSync(join(site.path, DIR, "2011-05.md"), 0o000);
    // Root reads any file; the CLI runs as "nobody" then, to meet a real permission error.
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    if (asNobody.uid !== undefined) for (const dir of [site.path, join(site.path, "content"), join(site.path, "content/issues"), join(site.path, DIR)]) chmodSync(dir, 0o777);
    const run = await runCli(["build", "--no-search", "--no-cache"], { cwd: site.path, deadlineMs: 30_000, ...asNobody });
    expectRefused(run, site.path);
    expect(run.stderr).toContain(`${DIR}/2011-05.md:1:1  cannot read this file: permission denied; give yourself read access (chmod u+r) or move it out of content/issues/`);
  });
});

describe("symbolic links", () => {
  it("a broken link, a link loop and a folder link to its own parent are named", async () => {
    site = tempSite({ [`${DIR}/2011-04.md`]: APRIL });
    symlinkSync("missing.md", join(site.path, DIR, "broken.md"));
    symlinkSync("self.md", join(site.path, DIR, "self.md"));
    symlinkSync("..", join(site.path, DIR, "up"));
    const run = await build(site.path);
    expectRefused(run, site.path);
    expect(run.stderr).toContain(`${DIR}/broken.md:1:1  this is a broken symbolic link: what it points to does not exist; remove the link or fix its target`);
    expect(run.stderr).toContain(`${DIR}/self.md:1:1  this is a symbolic link that leads back to itself (a loop); remove the link or point it at the issue file`);
    expect(run.stderr).toContain(`${DIR}/up:1:1  this symbolic link points to a folder that contains it, which would be read forever (a loop); remove the link`);
  });

  it("links to a file or folder outside the site are refused, never read", async () => {
    const outside = tempDir();
    try {
      writeFiles(outside.path, { "secret.md": issue({ title: "外", issue: 9, date: "2011-09-01" }), "more/2011-10.md": issue({ title: "外2", issue: 10, date: "2011-10-01" }) });
      site = tempSite({ [`${DIR}/2011-04.md`]: APRIL });
      symlinkSync(join(outside.path, "secret.md"), join(site.path, DIR, "secret.md"));
      symlinkSync(join(outside.path, "more"), join(site.path, "content/issues/more"));
      const run = await build(site.path);
      expectRefused(run, site.path);
      expect(run.stderr).toMatch(/^content\/issues\/2011\/secret\.md:1:1  this is a symbolic link to ".*secret\.md", outside the site; gekkan reads only files inside the site folder/m);
      expect(run.stderr).toMatch(/^content\/issues\/more:1:1  this is a symbolic link to ".*more", outside the site; gekkan reads only folders inside the site folder/m);
    } finally {
      outside.remove();
    }
  });

  it("links to a file and a folder inside the site are followed and published", async () => {
    site = tempSite({ [`${DIR}/2011-04.md`]: APRIL, "archive/2011-05.md": issue({ title: "5月号", issue: 2, date: "2011-05-01" }), "archive/2012/2012-01.md": issue({ title: "1月号", issue: 3, date: "2012-01-01" }) });
    symlinkSync(join("..", "..", "..", "archive", "2011-05.md"), join(site.path, DIR, "2011-05.md"));
    symlinkSync(join("..", "..", "archive", "2012"), join(site.path, "content/issues/2012"));
    const run = await build(site.path);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(existsSync(join(site.path, "dist/issues/2011-05/index.html"))).toBe(true);
    expect(existsSync(join(site.path, "dist/issues/2012-01/index.html"))).toBe(true);
  });

  it("a folder link in public/ to a folder outside the site is not followed: nothing of it is published", async () => {
    const outside = tempDir();
    try {
      writeFiles(outside.path, { "secret.txt": "outside the site\n", "inner/deeper.txt": "also outside\n" });
      site = tempSite({ [`${DIR}/2011-04.md`]: APRIL, "public/own.txt": "the site's own file\n" });
      symlinkSync(outside.path, join(site.path, "public/elsewhere"));
      const run = await build(site.path);
      // Built, with a warning naming the link that was not copied.
      expect(run.stderr.trim()).toBe(`public/elsewhere:1:1  warning: this is a symbolic link, and gekkan does not copy links from public/ (one could lead outside the site); copy the file or folder in instead\n${STOP_ONE_LINK_WARNING}`);
      expect(run.code).toBe(0);
      // The oracle: the output tree itself, listed by find(1) without following anything, and every byte of it.
      const published = execFileSync("find", [join(site.path, "dist/"), "-type", "f", "-printf", "%P\n"], { encoding: "utf8" }).split("\n");
      expect(published).toContain("own.txt");
      expect(published.filter((p) => p.startsWith("elsewhere"))).toEqual([]);
      const leaked = [...readTree(realpathSync(join(site.path, "dist")))].filter(([, bytes]) => bytes.includes("outside"));
      expect(leaked.map(([name]) => name)).toEqual([]);
    } finally {
      outside.remove();
    }
  });

  it.each(["public", "templates"])("two links to their own folder in %s/ end the build at once (no endless listing)", async (folder) => {
    site = tempSite({ [`${DIR}/2011-04.md`]: APRIL, [`${folder}/keep.txt`]: "x\n" });
    symlinkSync(".", join(site.path, folder, "l1"));
    symlinkSync(".", join(site.path, folder, "l2"));
    const run = await runCli(["build", "--no-search"], { cwd: site.path, deadlineMs: 20_000 });
    expect(run.timedOut, `still running after the deadline; stderr so far:\n${run.stderr}`).toBe(false);
    // public/ copies no link, and says so; templates/ reads its links (each loops back here, so it is not entered).
    expect(run.stderr.split("\n").filter((line) => line !== "")).toEqual(folder === "public" ? [...["l1", "l2"].map((link) => `public/${link}:1:1  warning: this is a symbolic link, and gekkan does not copy links from public/ (one could lead outside the site); copy the file or folder in instead`), STOP_LINK_WARNING] : []);
    expect(run.code).toBe(0);
    expect(existsSync(join(site.path, "dist/index.html"))).toBe(true);
    expect(existsSync(join(site.path, "dist/l1"))).toBe(false);
  });

  it("a file name with a newline is quoted, so it cannot forge a line of its own", async () => {
    site = tempSite({ [`${DIR}/2011-04.md`]: APRIL, [`${DIR}/a\ncontent/issues/fake.md:1:1  forged.md`]: "---\ntitle: \"\"\n---\n" });
    const run = await build(site.path);
    expectRefused(run, site.path);
    expect(run.stderr.split("\n")).toContain(`"${DIR}/a\\ncontent/issues/fake.md:1:1  forged.md":2:8  invalid front matter field "title": expected a non-empty string, found an empty string`);
    expect(run.stderr).not.toMatch(/^content\/issues\/fake\.md/m);
  });
});

describe("sizes and depths", () => {
  it("'- ' repeated 50,000 times ends at once with a located error", async () => {
    site = bodySite(`${"- ".repeat(50_000)}x\n`);
    const run = await build(site.path);
    expectRefused(run, site.path);
    expect(run.stderr).toContain(`${DIR}/2011-05.md:7:100001  lists, block quotes and blocks are nested 50000 deep here; the limit is 100 (limits.nestingDepth in gekkan.config.json); flatten the structure`);
  });

  it("a 5,000-level ordered list, 2,000 nested > and 1,000 nested '- ' lines are refused", async () => {
    const ordered = `${"1. ".repeat(5000)}item\n`;
    const quotes = `${">".repeat(2000)} deep\n`;
    const dashes = Array.from({ length: 1000 }, (_, i) => `${"  ".repeat(i)}- `).join("\n");
    site = tempSite({
      [`${DIR}/2011-04.md`]: APRIL,
      [`${DIR}/2011-05.md`]: issue({ title: "5月号", issue: 2, date: "2011-05-01" }, ordered),
      [`${DIR}/2011-06.md`]: issue({ title: "6月号", issue: 3, date: "2011-06-01" }, quotes),
      [`${DIR}/2011-07.md`]: issue({ title: "7月号", issue: 4, date: "2011-07-01" }, `${dashes}\n`),
    });
    const run = await build(site.path);
    expectRefused(run, site.path);
    expect(run.stderr).toContain(`${DIR}/2011-05.md:7:15001  lists, block quotes and blocks are nested 5000 deep here`);
    expect(run.stderr).toContain(`${DIR}/2011-06.md:7:2002  lists, block quotes and blocks are nested 2000 deep here`);
    expect(run.stderr).toContain(`${DIR}/2011-07.md:107:203  lists, block quotes and blocks are nested 101 deep here`);
  });

  it("12,000 nested blocks, 20,000 nested <div> and 40 KB of * are refused quickly", async () => {
    site = tempSite({
      [`${DIR}/2011-04.md`]: APRIL,
      [`${DIR}/2011-05.md`]: issue({ title: "5月号", issue: 2, date: "2011-05-01" }, ":::qa\n".repeat(12_000)),
      [`${DIR}/2011-06.md`]: issue({ title: "6月号", issue: 3, date: "2011-06-01" }, `${"<div>".repeat(20_000)}\n`),
      [`${DIR}/2011-07.md`]: issue({ title: "7月号", issue: 4, date: "2011-07-01" }, `${"*".repeat(20_000)}a${"*".repeat(20_000)}\n`),
      [`${DIR}/2011-08.md`]: issue({ title: "8月号", issue: 5, date: "2011-08-01" }, `${"[a](".repeat(250_000)}\n`),
    });
    const run = await build(site.path, 60_000);
    expectRefused(run, site.path);
    expect(run.stderr).toContain(`${DIR}/2011-05.md:107:1  lists, block quotes and blocks are nested 101 deep here`);
    expect(run.stderr).toContain(`${DIR}/2011-06.md:7:1  HTML elements are nested 20000 deep here; the limit is 100 (limits.nestingDepth in gekkan.config.json); flatten the structure`);
    expect(run.stderr).toContain(`${DIR}/2011-07.md:7:1  this paragraph holds 40000 emphasis and link markers (* _ ~ [ ]); the limit is 2000 (limits.inlineMarkers in gekkan.config.json)`);
    expect(run.stderr).toContain(`${DIR}/2011-08.md:7:1  this paragraph holds 500000 emphasis and link markers`);
  });

  it("100,000 front-matter keys, 10,000 keys, 150 keys and a 20 MB issue end at once", async () => {
    const keys = (n: number) => Array.from({ length: n }, (_, i) => `k${i}: ${i}`).join("\n");
    site = tempSite({
      [`${DIR}/2011-04.md`]: APRIL,
      [`${DIR}/2011-05.md`]: `---\n${keys(100_000)}\n---\n\nText.\n`,
      [`${DIR}/2011-06.md`]: `---\n${keys(10_000)}\n---\n\nText.\n`,
      [`${DIR}/2011-07.md`]: `---\n${keys(150)}\n---\n\nText.\n`,
      [`${DIR}/2011-08.md`]: issue({ title: "8月号", issue: 5, date: "2011-08-01" }, "あ".repeat(7_000_000)),
    });
    const run = await build(site.path, 30_000);
    expectRefused(run, site.path);
    expect(run.stderr).toContain(`${DIR}/2011-05.md:1:1  this issue is 1.3 MB; the limit is 1 MB (limits.issueBytes in gekkan.config.json); split it into several issues`);
    expect(run.stderr).toContain(`${DIR}/2011-06.md:1:1  the front matter is 115 KB; the limit is 64 KB (limits.frontMatterBytes in gekkan.config.json); keep only the fields of the issue there`);
    expect(run.stderr).toContain(`${DIR}/2011-07.md:102:1  the front matter has 150 fields; the limit is 100 (limits.frontMatterKeys in gekkan.config.json); an issue needs only title, issue, date and a few more`);
    expect(run.stderr).toContain(`${DIR}/2011-08.md:1:1  this issue is 20 MB; the limit is 1 MB (limits.issueBytes in gekkan.config.json); split it into several issues`);
  });

  it("a front matter never closed, over a 900 KB line of Japanese, ends at once under a raised limit", async () => {
    // The unclosed-front-matter rule reads every line up to the --- taken for the closing one; a pattern that backtracks over a long line took minutes here.
    site = tempSite({
      "gekkan.config.json": JSON.stringify({ title: "テスト月刊", url: "https://example.org/", limits: { frontMatterBytes: 1_048_576 } }),
      [`${DIR}/2011-04.md`]: APRIL,
      [`${DIR}/2011-05.md`]: `---\ntitle: 5月号\nissue: 2\ndate: 2011-05-01\n\n[${"あ".repeat(300_000)}\n\n---\n\n本文。\n`,
    });
    const run = await build(site.path, 30_000);
    expectRefused(run, site.path);
    expect(run.stderr).toContain(`${DIR}/2011-05.md:6:1  invalid YAML in front matter`);
  });

  it("long runs of blanks in code and text, and a long word before stranded underscores, build at once", async () => {
    // Each took from half a minute to many minutes through a pattern that retried a long run from every character of it.
    const n = 300_000;
    site = tempSite({
      [`${DIR}/2011-04.md`]: APRIL,
      [`${DIR}/2011-05.md`]: issue({ title: "5月号", issue: 2, date: "2011-05-01" }, `\`\`\`\n${"\t".repeat(n)}x\n\`\`\`\n\n本文${"\t".repeat(n)}x\n`),
      [`${DIR}/2011-06.md`]: issue({ title: "6月号", issue: 3, date: "2011-06-01" }, `本文\n\n\`\`\`\n${"\n".repeat(n)}x\n\`\`\`\n`),
      [`${DIR}/2011-07.md`]: issue({ title: "7月号", issue: 4, date: "2011-07-01" }, `\`\`\`\n${"\t\n".repeat(n / 2)}\`\`\`\n`),
      [`${DIR}/2011-08.md`]: issue({ title: "8月号", issue: 5, date: "2011-08-01" }, `<div>${"<p\t:::".repeat(160_000)}\n`),
      // A long run of spaces inside a paragraph's line, and a line broken between Japanese after it (list and line-join checks).
      [`${DIR}/2011-09.md`]: issue({ title: "9月号", issue: 6, date: "2011-09-01" }, `文${" ".repeat(n)}x\n・あ\\\nい\n${"\t".repeat(n)}う\n`),
    });
    const run = await build(site.path, 30_000);
    expect(run.timedOut, run.stderr).toBe(false);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(join(site.path, "dist", "issues", "2011-05", "email.txt"), "utf8")).toContain("本文");
    site.remove();
    site = tempSite({
      "gekkan.config.json": JSON.stringify({ title: "テスト月刊", url: "https://example.org/", limits: { frontMatterBytes: 1_048_576 } }),
      [`${DIR}/2011-04.md`]: APRIL,
      [`${DIR}/2011-05.md`]: issue({ title: "5月号", issue: 2, date: "2011-05-01" }, `これは${"w".repeat(n)} _強調_です。\n\n| a | b |\n|-|${"\t".repeat(n)}x|\n`),
      [`${DIR}/2011-06.md`]: `---\ntitle: 6月号\nissue: 3\ndate: 2011-06-01\nsummary: a${"\t".repeat(n)}b: c\n---\n\n本文。\n`,
      [`${DIR}/2011-07.md`]: `---\ntitle: 7月号\nissue: 4\ndate: 2011-07-01\ntags: "a${"\t".repeat(n)}x"\n---\n\n本文。\n`,
      [`${DIR}/2011-08.md`]: `---\ntitle: 8月号\nissue: 5\ndate: 2011-08-01\nsummary：${"\t".repeat(n)}\u2028x\n---\n\n本文。\n`,
    });
    const refused = await build(site.path, 30_000);
    expectRefused(refused, site.path);
    expect(refused.stderr).toContain(`${DIR}/2011-05.md:7:${n + 5}  "_強調_" is printed with its _`);
    expect(refused.stderr).toContain(`${DIR}/2011-05.md:9:1  these lines between | are printed as text, not as a table`);
    expect(refused.stderr).toContain(`${DIR}/2011-06.md:5:`);
    expect(refused.stderr).toContain(`${DIR}/2011-07.md:5:`);
    expect(refused.stderr).toContain(`${DIR}/2011-08.md:5:`);
  });

  it("gekkan check reads a stylesheet with a long run of blanks in url( at once", async () => {
    site = tempSite({ [`${DIR}/2011-04.md`]: APRIL, "public/extra.css": `a { background: url(${"\t".repeat(300_000)}x y); }\n${"url(a".repeat(60_000)}\n/* ${"/* ".repeat(100_000)}\n` });
    const run = await runCli(["check"], { cwd: site.path, deadlineMs: 30_000 });
    expect(run.timedOut, run.stderr).toBe(false);
    expect(run.code, run.stderr).toBe(0);
  });

  it("a YAML alias bomb is refused", async () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x]", ..."bcdefghi".split("").map((c, i) => `${c}: &${c} [${Array(9).fill(`*${"abcdefghi"[i]}`).join(", ")}]`)].join("\n");
    site = tempSite({ [`${DIR}/2011-04.md`]: APRIL, [`${DIR}/2011-05.md`]: `---\ntitle: "x"\nissue: 2\ndate: 2011-05-01\n${bomb}\n---\n\nText.\n` });
    const run = await build(site.path);
    expectRefused(run, site.path);
    expect(run.stderr).toContain(`${DIR}/2011-05.md:6:8  the front matter uses YAML aliases (*name) more than the limit of 100 allows (limits.yamlAliases in gekkan.config.json); write the values out instead of referring to them`);
  });

  it("a 300-character slug is a located error, not ENAMETOOLONG", async () => {
    site = tempSite({ [`${DIR}/2011-04.md`]: APRIL, [`${DIR}/2011-05.md`]: issue({ title: "5月号", issue: 2, date: "2011-05-01", slug: "a".repeat(300) }) });
    const run = await build(site.path);
    expectRefused(run, site.path);
    expect(run.stderr).toContain(`${DIR}/2011-05.md:5:7  invalid front matter field "slug": expected lowercase letters, digits and single hyphens, at most 100 characters (e.g. 2011-04-special), found the string "${"a".repeat(37)}…"`);
  });
});

describe("limits are configurable", () => {
  it("a site may raise or lower a limit in gekkan.config.json, and a bad value is located", async () => {
    const deep = `${"> ".repeat(8)}quote\n`;
    site = tempSite({ "gekkan.config.json": JSON.stringify({ title: "t", url: "https://example.org/", limits: { nestingDepth: 5 } }, null, 2), [`${DIR}/2011-04.md`]: APRIL, [`${DIR}/2011-05.md`]: issue({ title: "5月号", issue: 2, date: "2011-05-01" }, deep) });
    const low = await build(site.path);
    expectRefused(low, site.path);
    expect(low.stderr).toContain(`${DIR}/2011-05.md:7:17  lists, block quotes and blocks are nested 8 deep here; the limit is 5 (limits.nestingDepth in gekkan.config.json)`);
    writeFileSync(join(site.path, "gekkan.config.json"), JSON.stringify({ title: "t", url: "https://example.org/", limits: { nestingDepth: 10 } }, null, 2));
    expect((await build(site.path)).code).toBe(0);
    writeFileSync(join(site.path, "gekkan.config.json"), `{\n  "title": "t",\n  "limits": { "nestingDepht": 10, "issueBytes": 0 }\n}\n`);
    const bad = await runCli(["check"], { cwd: site.path });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`gekkan.config.json:3:15  unknown config field "limits.nestingDepht" — did you mean "nestingDepth"?`);
    expect(bad.stderr).toContain(`gekkan.config.json:3:49  invalid config field "limits.issueBytes": expected a whole number of bytes from 1 to 67108864 (default 1048576, 1 MB), found the number 0`);
  });
});
