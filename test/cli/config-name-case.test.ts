/**
 * The config file, and the public files it names, spelled in other case
 * than gekkan reads them: macOS and Windows open them by either name, so the
 * author's build was right. On Linux, where CI builds, Gekkan.config.json
 * was passed over for the defaults (title "gekkan", http://localhost/) with
 * only a warning and exit 0, and "image": "images/share.png" for
 * public/Images/share.png failed there only. Both are now errors on every
 * system, naming what to write. The oracle is the message text and the disk.
 */
import { existsSync, renameSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildInProcess } from "../helpers/io.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

const APRIL = issue({ title: "四月号", issue: 1, date: "2011-04-01" });

describe("config names in other case", () => {
  let dir: TempDir | undefined;
  afterEach(() => dir?.remove());

  it("Gekkan.config.json is an error at the file, not a build with the defaults", async () => {
    dir = tempSite({ "content/issues/2011/2011-04.md": APRIL });
    renameSync(join(dir.path, "gekkan.config.json"), join(dir.path, "Gekkan.config.json"));
    const run = await buildInProcess(dir.path);
    expect(run.code).toBe(1);
    expect(run.stderr[0]).toBe(`Gekkan.config.json:1:1  gekkan reads gekkan.config.json, in lower case, and this file's name differs from it only in case: macOS and Windows open it all the same, but Linux (where CI builds and most hosts run) does not, and builds the site without its settings (with the title "gekkan" and the address http://localhost/ instead); rename it to gekkan.config.json with git mv (git on macOS and Windows does not see a rename that changes only case)`);
    expect(existsSync(join(dir.path, "dist"))).toBe(false);
  });

  it('"image" naming a public file in other case is an error with the name to write', async () => {
    const config = JSON.stringify({ title: "テスト月刊", url: "https://example.org/", image: "images/share.png", favicon: "Images/icon.png" });
    dir = tempSite({ "gekkan.config.json": config, "content/issues/2011/2011-04.md": APRIL, "public/Images/share.png": "png\n", "public/Images/icon.png": "png\n" });
    const run = await buildInProcess(dir.path);
    expect(run.code).toBe(1);
    expect(run.stderr[0]).toMatch(/^gekkan\.config\.json:1:\d+ {2}config field "image": public\/images\/share\.png is there only as public\/Images\/share\.png, in other case: macOS and Windows find it all the same, but on Linux and most hosts \/images\/share\.png is not that file; write "Images\/share\.png"$/);
    expect(run.stderr.join("\n")).not.toContain('"favicon"');
  });
});
