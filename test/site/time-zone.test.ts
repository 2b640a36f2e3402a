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

  it("a name that is not a time zone stops the build at its line", async () => {
    setTimeZone("Asia/Tokio");
    const run = await runCli(["build"], { cwd: site.path, env: { TZ: "UTC" } });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^gekkan\.config\.json:\d+:\d+ {2}invalid config field "timeZone": .*"Asia\/Tokio" \(not a time zone: use a name such as Asia\/Tokyo, or UTC\)$/m);
    expect(existsSync(join(site.path, "dist"))).toBe(false);
  });
});
