/**
 * `{{ "now" | date: "%Y" }}` read the clock when the page was rendered, so a
 * page kept in the cache (or a build answered "up to date") kept the year it
 * was first built in while a --no-cache build showed the current one. The
 * oracle is the --no-cache build of the same inputs on the same day: a warm
 * build must end the same way and write the same bytes.
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { useBuildClock } from "../helpers/build-clock.js";
import { main } from "../../src/cli.js";
import { captureIo } from "../helpers/io.js";
import { copySite } from "../helpers/site-copy.js";
import { readTree, tempDir, type TempDir } from "../helpers/temp-site.js";

const dirs: TempDir[] = [];
useBuildClock();
afterEach(() => dirs.splice(0).forEach((dir) => dir.remove()));

async function buildOn(day: string, root: string, out: string, ...flags: string[]): Promise<{ code: number; stderr: string[] }> {
  const now = Date.parse(`${day}T12:00:00Z`);
  vi.stubEnv("SOURCE_DATE_EPOCH", String(now / 1000));
  vi.setSystemTime(now);
  const io = captureIo();
  const code = await main(["build", "--root", root, "--out", out, "--no-search", "--threads", "0", "--quiet", ...flags], io);
  return { code, stderr: io.stderr };
}

describe("a template that reads the clock", () => {
  it.each(["date", "date_to_long_string"])('"now" | %s in the footer: a warm build a year later ends as the cold build of the same inputs does', async (filter) => {
    const site = await copySite();
    const scratch = tempDir("cold-");
    dirs.push(site, scratch);
    const base = join(site.path, "templates", "layouts", "base.liquid");
    const format = filter === "date" ? ': "%Y"' : "";
    writeFileSync(base, readFileSync(base, "utf8").replace('<p class="generator">', `<p class="copyright">© {{ "now" | ${filter}${format} }}</p>\n<p class="generator">`));
    const out = join(site.path, "dist");
    const first = await buildOn("2011-05-10", site.path, out);

    // A year on, nothing edited: the daily scheduled build.
    const warm = await buildOn("2012-06-13", site.path, out);
    const { run: cold, out: coldOut } = await coldOf(site.path, scratch.path, "2012-06-13");

    expect(warm).toEqual(cold);
    if (cold.code === 0) expect(readTree(out)).toEqual(readTree(coldOut));
    // The cold build names the line, and so did the first one: the clock is refused where it is read.
    expect(first).toEqual(cold);
    expect(cold.stderr[0]).toMatch(new RegExp(`^templates/layouts/base\\.liquid:\\d+:\\d+  template error: "now" \\| ${filter} is the time of the build`));
  });
});

/** A copy of `root`'s inputs (never its cache or output), built with --no-cache on `day`. */
async function coldOf(root: string, scratch: string, day: string): Promise<{ run: { code: number; stderr: string[] }; out: string }> {
  cpSync(root, join(scratch, "site"), { recursive: true, filter: (path) => !/[/\\](dist|\.dist-gekkan|\.gekkan)$/.test(path) });
  const out = join(scratch, "dist");
  return { run: await buildOn(day, join(scratch, "site"), out, "--no-cache"), out };
}

describe("a template that formats a date from the content", () => {
  it("| date gives the issue's day whatever the machine's time zone, so a page cached in Tokyo is the page built in New York", async () => {
    const site = await copySite();
    const scratch = tempDir("cold-");
    dirs.push(site, scratch);
    const card = join(site.path, "templates", "partials", "issue-card.liquid");
    writeFileSync(card, readFileSync(card, "utf8").replace("{{ card.dateLabel }}", '{{ card.date | date: "%Y/%m/%d" }}'));
    const out = join(site.path, "dist");
    // Node reads TZ again whenever it is set.
    process.env.TZ = "Asia/Tokyo";
    expect((await buildOn("2011-05-10", site.path, out)).code).toBe(0);
    process.env.TZ = "America/New_York";
    const warm = await buildOn("2011-05-10", site.path, out);
    const cold = await coldOf(site.path, scratch.path, "2011-05-10");
    expect(warm).toEqual(cold.run);
    expect(readTree(out)).toEqual(readTree(cold.out));
    // The day written in the issue, not the day before (New York is behind UTC).
    expect(readFileSync(join(cold.out, "index.html"), "utf8")).toContain("2011/05/01");
  });
});
