/**
 * The lists a stopped send writes to ROOT/.gekkan/ on a full disk (a real
 * one, a 64 KB tmpfs filled to the last byte): the list of an earlier send
 * stays whole, no temp file is left, and the words say that the list there
 * is the earlier one, which passed back with --to-file would send to the
 * wrong readers. Run on the compiled lib/, in a process of its own, as the
 * disk is mounted in a namespace of its own.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { ensureCompiled, REPO } from "../helpers/run-cli.js";
import { onSmallDisk } from "../helpers/small-disk.js";
import { tempDir, type TempDir } from "../helpers/temp-site.js";

const EARLIER = "# The readers gekkan email did not send issue 1 (2011-04) to: the send stopped before them.\nold@example.org\n";
const UNSENT = Array.from({ length: 6 }, (_, i) => `u${i}@example.org`);

describe("a stopped send's list on a full disk", () => {
  let dir: TempDir | undefined;
  afterEach(() => dir?.remove());

  it("leaves the earlier list whole, no temp file, and says the list there is the earlier one", () => {
    ensureCompiled();
    dir = tempDir();
    const gekkan = join(dir.path, ".gekkan");
    mkdirSync(gekkan);
    writeFileSync(join(dir.path, "earlier.txt"), EARLIER);
    const lib = pathToFileURL(join(REPO, "lib", "email", "outcome-files.js")).href;
    const script = [
      `import { outcomeFiles } from ${JSON.stringify(lib)};`,
      `const readers = ["a@example.org", ...${JSON.stringify(UNSENT)}];`,
      `const write = outcomeFiles({ root: process.cwd(), name: "2011-04", issue: "issue 1 (2011-04)", readers });`,
      `console.log(JSON.stringify(await write({ sent: ["a@example.org"], refused: [], doubtful: [], unsent: readers.slice(1) })));`,
    ].join("\n");
    writeFileSync(join(dir.path, "lists.mjs"), script);
    const run = onSmallDisk({
      cwd: dir.path,
      disk: gekkan,
      size: "64k",
      steps: [
        `cp earlier.txt "${gekkan}/unsent-2011-04.txt"`,
        `{ cat /dev/zero > "${gekkan}/filler" 2>/dev/null || true; }`,
        `"${process.execPath}" lists.mjs > result.json`,
        `cp "${gekkan}/unsent-2011-04.txt" after.txt`,
        `ls -A "${gekkan}" > listing.txt`,
      ],
    });
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(dir.path, "after.txt"), "utf8")).toBe(EARLIER);
    expect(readFileSync(join(dir.path, "listing.txt"), "utf8")).toBe("filler\nunsent-2011-04.txt\n");
    const path = join(gekkan, "unsent-2011-04.txt");
    expect(JSON.parse(readFileSync(join(dir.path, "result.json"), "utf8"))).toEqual({
      unsent: { failure: `a list of them could not be written to ${JSON.stringify(path)}: the disk is full (ENOSPC); the list there is from an earlier send, not this one` },
    });
  }, 60_000);
});
