import { appendFile, readFile, rm, stat, symlink, writeFile, mkdir } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { dateWindow, inWindow } from "../../src/site/date-window.js";
import { listIssueFiles, readSources, streamSources } from "../../src/content/sources.js";
import { captureIo } from "../helpers/io.js";
import { copySite, edit } from "../helpers/site-copy.js";
import type { TempDir } from "../helpers/temp-site.js";

const sites: TempDir[] = [];
const savedEpoch = process.env.SOURCE_DATE_EPOCH;
afterEach(() => {
  if (savedEpoch === undefined) delete process.env.SOURCE_DATE_EPOCH;
  else process.env.SOURCE_DATE_EPOCH = savedEpoch;
  sites.splice(0).forEach((dir) => dir.remove());
});

/** `gekkan build` as a user runs it (cache in ROOT/.gekkan/cache), on a given day. */
async function buildOn(root: string, day: string, extra: string[] = []): Promise<string> {
  process.env.SOURCE_DATE_EPOCH = String(Date.parse(`${day}T12:00:00Z`) / 1000);
  const io = captureIo();
  expect(await main(["build", "--root", root, "--no-search", ...extra], io)).toBe(0);
  expect(io.stderr).toEqual([]);
  return io.stdout.join("\n");
}

async function site(): Promise<string> {
  const dir = await copySite();
  sites.push(dir);
  return dir.path;
}

const DAY = "2011-05-10";

describe("the unchanged-build check of `gekkan build`", () => {
  it("answers a build with nothing changed from the record, leaving dist/ as written", async () => {
    const root = await site();
    expect(await buildOn(root, DAY)).toMatch(/^gekkan: built 2 issues and 1 translation in \d+ ms \(4 of 4 sources and \d+ of \d+ pages rendered\); \d+ of \d+ files written to .+$/m);
    const index = join(root, "dist", "index.html");
    const before = await stat(index);
    expect(await buildOn(root, DAY)).toMatch(/^gekkan: up to date, 2 issues, \d+ files in .+ \(checked in \d+ ms\)$/m);
    expect((await stat(index)).ino).toBe(before.ino);
  });

  it("a Markdown file added under another name than .md is not taken for nothing changed: the build runs and names it", async () => {
    const root = await site();
    await buildOn(root, DAY);
    await writeFile(join(root, "content", "issues", "2011", "2011-09.markdown"), "---\ntitle: September\nissue: 9\ndate: 2011-09-01\n---\n\nText.\n");
    const io = captureIo();
    expect(await main(["build", "--root", root, "--no-search"], io)).toBe(1);
    expect(io.stderr.join("\n")).toContain("content/issues/2011/2011-09.markdown:1:1  this Markdown file is not read as an issue: issue files end in .md, in lower case; rename it to 2011-09.md");
  });

  it.each([
    ["a link to a file outside the site", "/etc/passwd", 'this is a symbolic link to "/etc/passwd", outside the site'],
    ["a broken link", "nowhere.md", "this is a broken symbolic link"],
    ["a link to a folder that contains it", "..", "this symbolic link points to a folder that contains it"],
  ])("%s added under content/issues is not taken for nothing changed: the build runs and names it", async (_, target, message) => {
    const root = await site();
    await buildOn(root, DAY);
    await symlink(target, join(root, "content", "issues", "2011", "added.md"));
    const io = captureIo();
    expect(await main(["build", "--root", root, "--no-search"], io)).toBe(1);
    expect(io.stderr.join("\n")).toContain(`content/issues/2011/added.md:1:1  ${message}`);
    expect(io.stdout.join("\n")).not.toContain("up to date");
  });

  it("stays up to date on later days until an issue's date is reached, then builds it", async () => {
    const root = await site();
    expect(await buildOn(root, "2011-04-10")).toMatch(/built 1 issue and 1 translation in/);
    // No issue is dated between these days, so the output is the same: no rebuild.
    expect(await buildOn(root, "2011-04-30")).toMatch(/^gekkan: up to date, 1 issue,/);
    await expect(stat(join(root, "dist", "issues", "2011-05", "index.html"))).rejects.toThrow(/ENOENT/);
    // Issue 2 is dated 2011-05-01: that day it is published.
    expect(await buildOn(root, "2011-05-01")).toMatch(/built 2 issues and 1 translation in/);
    expect(await readFile(join(root, "dist", "index.html"), "utf8")).toContain("/issues/2011-05/");
    // And a build dated before issue 1 drops both.
    expect(await buildOn(root, "2011-03-31")).toMatch(/built 0 issues in/);
  });

  it("builds again after a source edit, a hand-edited output file, a stray or a deleted file in dist/", async () => {
    const root = await site();
    await buildOn(root, DAY);
    await edit(join(root, "content", "issues", "2011", "2011-05.md"), (t) => `${t}\nOne more closing line.\n`);
    expect(await buildOn(root, DAY)).toMatch(/^gekkan: built/);
    expect(await readFile(join(root, "dist", "issues", "2011-05", "index.html"), "utf8")).toContain("One more closing line.");

    const index = join(root, "dist", "index.html");
    const original = await readFile(index);
    await appendFile(index, "<!-- edited by hand -->");
    expect(await buildOn(root, DAY)).toMatch(/^gekkan: built/);
    expect(await readFile(index)).toEqual(original);

    await writeFile(join(root, "dist", "issues", "stray.html"), "left over");
    expect(await buildOn(root, DAY)).toMatch(/^gekkan: built/);
    await expect(stat(join(root, "dist", "issues", "stray.html"))).rejects.toThrow(/ENOENT/);

    await rm(index);
    expect(await buildOn(root, DAY)).toMatch(/^gekkan: built/);
    expect(await readFile(index)).toEqual(original);
    expect(await buildOn(root, DAY)).toMatch(/^gekkan: up to date/);
  });

  it("a changed input is built even when the output folder is current; build options are part of the key", async () => {
    const root = await site();
    await buildOn(root, DAY);
    await edit(join(root, "gekkan.config.json"), (t) => t.replace(/"title": "/, "\"title\": \"Renamed "));
    expect(await buildOn(root, DAY)).toMatch(/^gekkan: built/);
    expect(await readFile(join(root, "dist", "index.html"), "utf8")).toContain("Renamed ");
    expect(await buildOn(root, DAY, ["--base", "/sub/"])).toMatch(/^gekkan: built/);
    expect(await readFile(join(root, "dist", "index.html"), "utf8")).toContain('href="/sub/');
    await mkdir(join(root, "public"), { recursive: true });
    await writeFile(join(root, "public", "extra.txt"), "one");
    expect(await buildOn(root, DAY, ["--base", "/sub/"])).toMatch(/^gekkan: built/);
    await writeFile(join(root, "public", "extra.txt"), "two");
    expect(await buildOn(root, DAY, ["--base", "/sub/"])).toMatch(/^gekkan: built/);
    expect(await readFile(join(root, "dist", "extra.txt"), "utf8")).toBe("two");
  });

  it("a build with one changed issue writes only the files that changed and links the rest", async () => {
    const root = await site();
    await buildOn(root, DAY);
    const untouched = join(root, "dist", "issues", "2011-04", "index.html");
    const before = await stat(untouched);
    await edit(join(root, "content", "issues", "2011", "2011-05.md"), (t) => `${t}\nA sentence for the second issue only.\n`);
    const line = await buildOn(root, DAY);
    const [, written, files] = /(\d+) of (\d+) files written/.exec(line) ?? [];
    expect(Number(written)).toBeGreaterThan(0);
    expect(Number(written)).toBeLessThan(Number(files) / 2);
    // The same file (inode), carried into the new build by a hard link, not a copy.
    expect((await stat(untouched)).ino).toBe(before.ino);
    expect(await readFile(join(root, "dist", "issues", "2011-05", "index.html"), "utf8")).toContain("A sentence for the second issue only.");
  });
});

describe("streamSources", () => {
  it("yields every source byte for byte through one buffer, files larger than it included", async () => {
    const root = await site();
    // Bigger than the 64 KB starting buffer, so the buffer has to grow.
    await writeFile(join(root, "content", "issues", "2011", "2011-07.md"), `---\ntitle: Big\nissue: 4\ndate: 2011-07-01\n---\n\n${"大きな号。".repeat(30_000)}\n`);
    const files = await listIssueFiles(root);
    const whole = await readSources(root);
    expect([...streamSources(root, files)].length).toBe(whole.length);
    let i = 0;
    for (const source of streamSources(root, files)) {
      const expected = whole[i++];
      expect(source.file).toBe(expected?.file);
      // Compared now: the next step reuses the buffer.
      expect(Buffer.compare(Buffer.from(source.bytes), Buffer.from(expected?.bytes ?? []))).toBe(0);
    }
    expect(whole.some((s) => s.bytes.length > 64 * 1024)).toBe(true);
  });
});

describe("dateWindow", () => {
  const day = fc.integer({ min: 0, max: 400 }).map((n) => new Date(Date.UTC(2011, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));

  it("every day inside the window puts the same issues in the future", () => {
    fc.assert(
      fc.property(fc.array(day, { maxLength: 12 }), day, day, (dates, today, other) => {
        const future = (d: string) => dates.filter((date) => date > d).sort().join();
        const window = dateWindow(dates, today);
        expect(inWindow(window, today)).toBe(true);
        if (inWindow(window, other)) expect(future(other)).toBe(future(today));
        // The window is as wide as it can be: just outside it, the future set differs.
        else expect(future(other)).not.toBe(future(today));
      }),
    );
  });
});
