import { join } from "node:path";
import { afterEach } from "vitest";
import { main } from "../../src/cli.js";
import { captureIo } from "./io.js";
import { tempSite, type TempDir } from "./temp-site.js";

/** The one issue file a front-matter build writes. */
export const FRONT_MATTER_FILE = "content/issues/2011/2011-05.md";

/**
 * A build of a one-issue site whose front matter starts with `front` (then
 * `issue: 1` and a date), in process: its exit code and the stderr lines
 * about that file. Each call's site is removed by the next call or after
 * the test. Called at a test file's top level (it registers afterEach).
 */
export function frontMatterBuild(): (front: string) => Promise<{ code: number; lines: string[] }> {
  let site: TempDir | undefined;
  afterEach(() => {
    site?.remove();
    site = undefined;
  });
  return async (front) => {
    site?.remove();
    site = tempSite({ [FRONT_MATTER_FILE]: `---\n${front}issue: 1\ndate: 2011-05-01\n---\n\n本文です。\n` });
    const io = captureIo();
    const code = await main(["build", "--root", site.path, "--no-cache", "--no-search", "--out", join(site.path, "out")], io);
    return { code, lines: io.stderr.join("\n").split("\n").filter((line) => line.startsWith(FRONT_MATTER_FILE)) };
  };
}
