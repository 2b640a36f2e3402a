/**
 * `{{ "now" | date: "%Y" }}` read the clock when the page was rendered, so a
 * page kept in the cache (or a build answered "up to date") kept the year it
 * was first built in while a --no-cache build showed the current one. The
 * oracle is the --no-cache build of the same inputs on the same day: a warm
 * build must end the same way and write the same bytes.
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli.js";
import { captureIo } from "../helpers/io.js";
import { copySite } from "../helpers/site-copy.js";
import { readTree, tempDir, type TempDir } from "../helpers/temp-site.js";

const dirs: TempDir[] = [];
// Only Date: "today" (SOURCE_DATE_EPOCH) and the clock move together, as on a real machine.
beforeEach(() => vi.useFakeTimers({ toFake: ["Date"] }));
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
  dirs.splice(0).forEach((dir) => dir.remove());
});

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
    cpSync(site.path, join(scratch.path, "site"), { recursive: true, filter: (path) => !/[/\\](dist|\.dist-gekkan|\.gekkan)$/.test(path) });
    const coldOut = join(scratch.path, "dist");
    const cold = await buildOn("2012-06-13", join(scratch.path, "site"), coldOut, "--no-cache");

    expect(warm).toEqual(cold);
    if (cold.code === 0) expect(readTree(out)).toEqual(readTree(coldOut));
    // The cold build names the line, and so did the first one: the clock is refused where it is read.
    expect(first).toEqual(cold);
    expect(cold.stderr[0]).toMatch(new RegExp(`^templates/layouts/base\\.liquid:\\d+:\\d+  template error: "now" \\| ${filter} is the time of the build`));
  });
});
