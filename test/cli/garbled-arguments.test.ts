import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ensureCompiled, REPO } from "../helpers/run-cli.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

beforeAll(() => ensureCompiled(), 300_000);

/**
 * Runs gekkan through sh, whose printf makes the raw bytes a terminal set to
 * Shift_JIS sends: a JavaScript string argument would be sent as UTF-8.
 * 月刊 in Shift_JIS is 8C 8E 8A A7 (octal 214 216 212 247).
 */
function runWithBytes(cwd: string, command: string) {
  const cli = join(REPO, "bin", "gekkan.js");
  const run = spawnSync("sh", ["-c", `exec "$0" "$1" ${command}`, process.execPath, cli], { cwd, encoding: "utf8", timeout: 30_000, env: { ...process.env, SOURCE_DATE_EPOCH: "1767225600" } });
  return { code: run.status, stderr: run.stderr, stdout: run.stdout };
}

const SJIS_TITLE = `"$(printf '\\214\\216\\212\\247 5')"`;

/**
 * `gekkan new --title 月刊` typed in a terminal that sends Shift_JIS wrote a
 * draft titled "���� 5" (Node reads arguments as UTF-8, each byte it cannot
 * read as U+FFFD), exit 0; the title went out with the issue.
 */
describe("an argument that is not UTF-8", () => {
  let dir: TempDir | undefined;
  afterEach(() => dir?.remove());

  it("gekkan new --title in Shift_JIS is a usage error naming it, and no draft is made", () => {
    dir = tempSite({ "gekkan.config.json": "{}\n", "content/issues/2011/2011-04.md": issue({ title: "創刊号", issue: 1, date: "2011-04-01" }) });
    const run = runWithBytes(dir.path, `new --title ${SJIS_TITLE}`);
    expect(run.stderr.split("\n")[0]).toBe('gekkan new: --title "\uFFFD\uFFFD\uFFFD\uFFFD 5" holds bytes that are not UTF-8 (shown as \uFFFD): the terminal sends text in another encoding, such as Shift_JIS or EUC-JP; set it to UTF-8 (LANG=ja_JP.UTF-8, or the terminal\'s own setting) and run the command again');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(readdirSync(join(dir.path, "content/issues/2011"))).toEqual(["2011-04.md"]);
  });

  it("gekkan init --author in Shift_JIS is refused before the series is started; the same words in UTF-8 start it", () => {
    dir = tempSite({});
    const refused = runWithBytes(dir.path, `init --root site --author ${SJIS_TITLE}`);
    expect(refused.code).toBe(2);
    expect(refused.stderr.split("\n")[0]).toMatch(/^gekkan init: --author ".*" holds bytes that are not UTF-8/);
    expect(existsSync(join(dir.path, "site"))).toBe(false);
    const started = runWithBytes(dir.path, `init --root site --author "$(printf '\\346\\234\\210\\345\\210\\212 5')"`);
    expect(started.code, started.stderr).toBe(0);
    expect(existsSync(join(dir.path, "site/gekkan.config.json"))).toBe(true);
  });
});
