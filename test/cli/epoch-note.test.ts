/**
 * A daily build run as `SOURCE_DATE_EPOCH=$(git log -1 --format=%ct) npm
 * run build` takes "today" from the last commit, which never moves: an issue
 * dated after it is left out for ever, and the note said it "is published by
 * the first build on or after its date". The note now says, in place of that
 * promise, that "today" was SOURCE_DATE_EPOCH's, the day the clock says, and
 * how to publish, when the clock's day (in the config's timeZone) would have
 * published the issue.
 * The CLI runs as a real process; the clock's day is the system's `date`
 * in that zone, read around the run.
 */
import { execFileSync } from "node:child_process";
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ensureCompiled, runCli } from "../helpers/run-cli.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

beforeAll(() => ensureCompiled(), 300_000);

/** 2012-01-01 00:00 UTC, as a last commit's time. */
const EPOCH = "1325376000";
/** Far ahead of UTC, so the site's day and UTC's differ for half of each day. */
const ZONE = "Pacific/Kiritimati";
const CONFIG = `${JSON.stringify({ title: "テスト月刊", url: "https://example.org/", timeZone: ZONE })}\n`;
const PUBLISHED = { "content/issues/2011/2011-05.md": issue({ title: "五月号", issue: 1, date: "2011-05-01" }) };
/** Reached by the clock, not by the epoch. */
const DUE = { "content/issues/2020/2020-01.md": issue({ title: "一月号", issue: 2, date: "2020-01-01" }) };
/** Reached by neither. */
const AHEAD = { "content/issues/9000/9000-01.md": issue({ title: "遠い号", issue: 3, date: "9000-01-01" }) };

const clockDay = () => execFileSync("date", ["+%F"], { env: { ...process.env, TZ: ZONE }, encoding: "utf8" }).trim();

/** The build's stdout lines with the clock's day it ran on (run again when it crossed midnight in the zone). */
async function build(root: string, epoch: string): Promise<{ lines: string[]; day: string }> {
  for (;;) {
    const day = clockDay();
    const run = await runCli(["build", "--root", root, "--no-search"], { cwd: root, env: { SOURCE_DATE_EPOCH: epoch } });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    if (clockDay() === day) return { lines: run.stdout.trimEnd().split("\n"), day };
  }
}

describe("SOURCE_DATE_EPOCH behind the clock", () => {
  let dir: TempDir | undefined;
  afterEach(() => dir?.remove());

  it("says so in the note of an issue the clock's day would publish, again when the build is up to date, and not once none is", async () => {
    dir = tempSite({ "gekkan.config.json": CONFIG, ...PUBLISHED, ...DUE, ...AHEAD });
    const note = (day: string) => `gekkan: 2 issues dated after today (2012-01-01, taken from SOURCE_DATE_EPOCH) left out (content/issues/2020/2020-01.md on 2020-01-01, content/issues/9000/9000-01.md on 9000-01-01): the clock says ${day}, by which 1 of them (content/issues/2020/2020-01.md) would be out, but a fixed SOURCE_DATE_EPOCH never comes to its date, so unset SOURCE_DATE_EPOCH to publish it, or preview them with --future`;
    const first = await build(dir.path, EPOCH);
    expect(first.lines[0]).toMatch(/^gekkan: built 1 issue in /);
    expect(first.lines.slice(1)).toEqual([note(first.day)]);
    const again = await build(dir.path, EPOCH);
    expect(again.lines[0]).toMatch(/^gekkan: up to date, 1 issue, /);
    expect(again.lines.slice(1)).toEqual([note(again.day)]);
    // Once the clock's day would publish none of the issues left out, the note is as before.
    rmSync(join(dir.path, "content/issues/2020"), { recursive: true });
    expect((await build(dir.path, EPOCH)).lines.slice(1)).toEqual([
      "gekkan: 1 issue dated after today (2012-01-01) left out (content/issues/9000/9000-01.md on 9000-01-01): it is published by the first build on or after its date, or preview it with --future",
    ]);
  });

  it("says the one issue left out would be out by the clock, without promising a build that publishes it", async () => {
    dir = tempSite({ "gekkan.config.json": CONFIG, ...PUBLISHED, ...DUE });
    const { lines, day } = await build(dir.path, EPOCH);
    expect(lines.slice(1)).toEqual([
      `gekkan: 1 issue dated after today (2012-01-01, taken from SOURCE_DATE_EPOCH) left out (content/issues/2020/2020-01.md on 2020-01-01): the clock says ${day}, by which it would be out, but a fixed SOURCE_DATE_EPOCH never comes to its date, so unset SOURCE_DATE_EPOCH to publish it, or preview it with --future`,
    ]);
  });
});
