/**
 * The key a build records (what the next build compares to call the output
 * current) covers templates and public/. It was taken after the build, by
 * reading every file of public/ and templates/ again: one more read of every
 * image per build, and a file changed between the build's read and that one
 * was recorded by its new bytes beside output made from the old, so the next
 * build called stale output current. Now the part that is not the sources
 * is taken before the build reads them, by the up-to-date check when it ran.
 * Oracle: the kernel's count of bytes this process read (/proc/self/io).
 */
import { mkdirSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { captureIo } from "../helpers/io.js";
import { bytesRead } from "../helpers/bytes-read.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

const APRIL = "content/issues/2011/2011-04.md";
/** Under the size from which a public file's digest is kept between builds (file-digests.ts): read by every build. */
const SIZE = 6 * 1024 * 1024;

let dir: TempDir | undefined;
afterEach(() => {
  dir?.remove();
  dir = undefined;
});

async function build(root: string): Promise<string> {
  const io = captureIo();
  expect(await main(["build", "--root", root, "--no-search", "--url", "https://example.org/"], io)).toBe(0);
  return io.stdout.join("\n");
}

describe("the key a build records", () => {
  it("is taken with public/ read once by the check, not again after the build: an issue edit reads a public file twice (check, copy), not three times", async () => {
    dir = tempSite({ [APRIL]: issue({ title: "4月号", issue: 1, date: "2011-04-01" }) });
    mkdirSync(join(dir.path, "public"));
    const file = join(dir.path, "public", "poster.pdf");
    writeFileSync(file, Buffer.alloc(SIZE, 7));
    utimesSync(file, 1_300_000_000, 1_300_000_000);
    await build(dir.path);
    writeFileSync(join(dir.path, APRIL), `${issue({ title: "4月号", issue: 1, date: "2011-04-01" })}\n追記。\n`);
    const before = bytesRead();
    expect(await build(dir.path)).not.toMatch(/up to date/);
    const read = bytesRead() - before;
    expect(read).toBeGreaterThanOrEqual(2 * SIZE);
    expect(read).toBeLessThan(2.5 * SIZE);
    // The key recorded is the one the next check finds: nothing changed is up to date.
    expect(await build(dir.path)).toMatch(/up to date/);
  }, 60_000);
});
