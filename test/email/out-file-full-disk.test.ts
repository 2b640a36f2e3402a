/**
 * `gekkan email --out FILE` on a full disk: a real one, a 64 KB tmpfs
 * filled to the last byte. FILE was cut short (half a message, which a
 * later `sendmail -t < FILE` would send) or its earlier message lost; now
 * it keeps its bytes, the author is told why in words (exit 1, no stack),
 * and no temp file is left beside it.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ensureCompiled } from "../helpers/run-cli.js";
import { onSmallDisk, SHELL_GEKKAN } from "../helpers/small-disk.js";
import { CONFIG, issue, tempSite, type TempDir } from "../helpers/temp-site.js";

const WITH_SENDER = `${JSON.stringify({ ...JSON.parse(CONFIG), email: { from: "月刊 <news@example.org>" } }, null, 2)}\n`;
const OLD = "From: an older message <old@example.org>\r\nSubject: old\r\n\r\nold\r\n";

describe("gekkan email --out on a full disk", () => {
  let dir: TempDir | undefined;
  afterEach(() => dir?.remove());

  it("leaves the message written before whole, says so in words (exit 1), and leaves no temp file", () => {
    ensureCompiled();
    dir = tempSite({ "gekkan.config.json": WITH_SENDER, "content/issues/2011/2011-04.md": issue({ title: "四月号", issue: 1, date: "2011-04-01" }), "old.eml": OLD });
    const disk = join(dir.path, "disk");
    mkdirSync(disk);
    const file = join(disk, "issue.eml");
    const run = onSmallDisk({
      cwd: dir.path,
      disk,
      size: "64k",
      steps: [
        `cp old.eml "${file}"`,
        // Every byte left taken: cat stops at "no space left", which is the point.
        `{ cat /dev/zero > "${disk}/filler" 2>/dev/null || true; }`,
        `SOURCE_DATE_EPOCH=1767225600 ${SHELL_GEKKAN} email 1 --no-cache --out "${file}" 2> stderr.txt; echo $? > code.txt`,
        `cp "${file}" after.eml`,
        `ls -A "${disk}" > listing.txt`,
      ],
    });
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(dir.path, "after.eml"), "utf8")).toBe(OLD);
    const stderr = readFileSync(join(dir.path, "stderr.txt"), "utf8");
    expect(stderr).not.toMatch(/internal error|\n\s+at /);
    expect(readFileSync(join(dir.path, "code.txt"), "utf8").trim()).toBe("1");
    expect(stderr.trimEnd().split("\n").at(-1)).toBe(`gekkan email: cannot write ${file}: the disk is full (ENOSPC); the file there is unchanged`);
    expect(readFileSync(join(dir.path, "listing.txt"), "utf8")).toBe("filler\nissue.eml\n");
  }, 60_000);
});
