/**
 * The config's `timeZone`: the day "today" is, and so when a future-dated
 * issue is published. A Japanese series dates its issues by Japan's
 * calendar; the Pages workflow's runner is on UTC, so without it an issue
 * dated 1 May appeared at 09:00 on 1 May in Japan at the earliest, and a
 * daily run at 00:17 in Japan (15:17 UTC) published it a day late.
 *
 * The real CLI on a copy of the sample site (its May issue is dated
 * 2011-05-01), with the machine's TZ set to UTC as on a runner; each build
 * keeps the cache of the one before, as the Pages workflow does, so the
 * check that skips a build whose output is current is in the path too.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { copySite } from "../helpers/site-copy.js";
import { ensureCompiled, runCli } from "../helpers/run-cli.js";
import type { TempDir } from "../helpers/temp-site.js";
import { textValues } from "../helpers/xml.js";
import { dayStart, timeZoneProblem } from "../../src/build-time.js";

let site: TempDir;
beforeAll(() => ensureCompiled(), 120_000);
beforeEach(async () => {
  site = await copySite();
});
afterEach(() => site.remove());

function setTimeZone(zone: string): void {
  const file = join(site.path, "gekkan.config.json");
  writeFileSync(file, `${JSON.stringify({ ...(JSON.parse(readFileSync(file, "utf8")) as object), timeZone: zone }, null, 2)}\n`);
}

/** Builds at `at` (UTC, as ISO); whether the May issue was published. */
async function mayPublishedAt(at: string): Promise<boolean> {
  const run = await runCli(["build", "--quiet"], { cwd: site.path, env: { TZ: "UTC", SOURCE_DATE_EPOCH: String(Date.parse(at) / 1000) }, deadlineMs: 110_000 });
  expect(run.code, run.stderr).toBe(0);
  return existsSync(join(site.path, "dist", "issues", "2011-05", "index.html"));
}

describe("timeZone in gekkan.config.json", () => {
  it("an issue is published from 00:00 on its date in the site's time zone, on a machine in UTC", async () => {
    setTimeZone("Asia/Tokyo");
    // 19:00 and 23:59:59 on 30 April in Japan; the second finds the first's output current.
    expect(await mayPublishedAt("2011-04-30T10:00:00Z")).toBe(false);
    expect(await mayPublishedAt("2011-04-30T14:59:59Z")).toBe(false);
    // 00:00 and 00:17 on 1 May in Japan: 30 April in UTC.
    expect(await mayPublishedAt("2011-04-30T15:00:00Z")).toBe(true);
    expect(await mayPublishedAt("2011-04-30T15:17:00Z")).toBe(true);
  }, 240_000);

  it("without it, the day is UTC's, as before", async () => {
    expect(await mayPublishedAt("2011-04-30T15:17:00Z")).toBe(false);
    expect(await mayPublishedAt("2011-05-01T00:00:00Z")).toBe(true);
  }, 240_000);

  it("the feeds date an issue by the moment its day begins there, not by 00:00 UTC", async () => {
    setTimeZone("Asia/Tokyo");
    expect(await mayPublishedAt("2011-05-01T03:00:00Z")).toBe(true);
    const dist = (file: string) => readFileSync(join(site.path, "dist", file), "utf8");
    // 00:00 on 1 May in Japan (UTC+9), written by hand: the feed library writes instants in UTC.
    expect(textValues(dist("feed.xml"), "entry", "published")).toContain("2011-04-30T15:00:00.000Z");
    expect(textValues(dist("rss.xml"), "item", "pubDate")).toContain("Sat, 30 Apr 2011 15:00:00 GMT");
    const items = (JSON.parse(dist("feed.json")) as { items: Array<{ date_published: string }> }).items;
    expect(items.map((item) => item.date_published)).toContain("2011-04-30T15:00:00.000Z");
    expect(textValues(dist("feed.xml"), "entry", "published").some((time) => time.startsWith("2011-05-01T00:00"))).toBe(false);
  }, 240_000);

  it("the moment a day begins, where the clock changes that night", () => {
    // Hand-computed from the zones' rules: New York is UTC-4 in summer, UTC-5 in winter; Santiago skips from 23:59:59
    // on 7 September 2024 to 01:00 (UTC-4 → UTC-3), and on 6 April 2024 goes back from 23:59:59 to 23:00 (UTC-3 → UTC-4).
    expect(dayStart("2011-05-01", "Asia/Tokyo").toISOString()).toBe("2011-04-30T15:00:00.000Z");
    expect(dayStart("2011-05-01", "Asia/Kolkata").toISOString()).toBe("2011-04-30T18:30:00.000Z");
    expect(dayStart("2011-05-01").toISOString()).toBe("2011-05-01T00:00:00.000Z");
    expect(dayStart("2024-03-10", "America/New_York").toISOString()).toBe("2024-03-10T05:00:00.000Z");
    expect(dayStart("2024-11-03", "America/New_York").toISOString()).toBe("2024-11-03T04:00:00.000Z");
    expect(dayStart("2024-09-08", "America/Santiago").toISOString()).toBe("2024-09-08T04:00:00.000Z");
    expect(dayStart("2024-04-07", "America/Santiago").toISOString()).toBe("2024-04-07T04:00:00.000Z");
  });

  it("a name that is not a time zone stops the build at its line, offering the zone it is nearest", async () => {
    setTimeZone("Asia/Tokio");
    const run = await runCli(["build"], { cwd: site.path, env: { TZ: "UTC" } });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^gekkan\.config\.json:\d+:\d+ {2}invalid config field "timeZone": .*"Asia\/Tokio" \(not a time zone — did you mean Asia\/Tokyo\?\)$/m);
    expect(existsSync(join(site.path, "dist"))).toBe(false);
    setTimeZone("Mars/Olympus");
    expect((await runCli(["build"], { cwd: site.path, env: { TZ: "UTC" } })).stderr).toContain('"Mars/Olympus" (not a time zone: use a name such as Asia/Tokyo, or UTC)');
  });

  // Node's time zone data also takes Java's old three-letter ids, and reads
  // "CST" as America/Chicago: a site in China would publish 14 hours late.
  it("an abbreviation (CST, JST) stops the build, naming the zone it would be taken for", async () => {
    setTimeZone("CST");
    const run = await runCli(["build"], { cwd: site.path, env: { TZ: "UTC" } });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^gekkan\.config\.json:\d+:\d+ {2}invalid config field "timeZone": .*"CST" \(an abbreviation, which names different zones in different countries \(this one would be read as America\/Chicago\); write the zone's own name instead, America\/Chicago if that is the one you mean\)$/m);
    expect(existsSync(join(site.path, "dist"))).toBe(false);
    setTimeZone("jst");
    expect((await runCli(["build"], { cwd: site.path, env: { TZ: "UTC" } })).stderr).toContain('"jst" (an abbreviation');
  });

  it("the names of the time zone database that look like abbreviations are zones", () => {
    for (const zone of ["UTC", "GMT", "EST", "CET", "PRC", "ROK", "Japan", "Asia/Tokyo"]) expect(timeZoneProblem(zone), zone).toBeUndefined();
  });
});
