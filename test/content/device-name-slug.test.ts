/**
 * A slug or component name becomes a folder of the output (/issues/con/,
 * /components/nul/). Windows keeps con, prn, aux, nul, com0–9 and lpt0–9 for
 * devices: Linux and macOS built such a site without a word, and a Windows
 * build or checkout of it had no such folder. Now the name is refused at its
 * place with the fix; an alias, an address readers already have, is kept.
 * The oracle is the message text and the files on disk, written out here.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { captureIo } from "../helpers/io.js";
import { CONFIG, issue, tempSite, type TempDir } from "../helpers/temp-site.js";

const APRIL = "content/issues/2011/2011-04.md";

describe("names Windows keeps for devices, as slugs and component names", () => {
  let dir: TempDir | undefined;
  afterEach(() => dir?.remove());

  const build = async (root: string) => {
    const io = captureIo();
    const code = await main(["build", "--root", root, "--no-search", "--quiet"], io);
    return { code, stderr: io.stderr };
  };

  it("slug: con is an error at the slug with the fix, and nothing is written", async () => {
    dir = tempSite({ [APRIL]: issue({ title: "四月号", issue: 1, date: "2011-04-01", slug: "con" }) });
    const run = await build(dir.path);
    expect(run.code).toBe(1);
    expect(run.stderr[0]).toBe(`${APRIL}:5:7  invalid front matter field "slug": expected lowercase letters, digits and single hyphens, at most 100 characters (e.g. 2011-04-special), found the string "con"; "con" is a name Windows keeps for a device (con, prn, aux, nul, com0–com9, lpt0–lpt9), so no folder of that name can be made or checked out there, and the page's folder would be missing from the site on Windows: choose another, such as "con-1"`);
    expect(existsSync(join(dir.path, "dist"))).toBe(false);
  });

  it.each(["prn", "aux", "nul", "com1", "com9", "lpt0", "lpt9"])("slug: %s is refused too", async (name) => {
    dir = tempSite({ [APRIL]: issue({ title: "四月号", issue: 1, date: "2011-04-01", slug: name }) });
    const run = await build(dir.path);
    expect(run.code).toBe(1);
    expect(run.stderr[0]).toContain(`found the string "${name}"; "${name}" is a name Windows keeps for a device`);
  });

  it("names that only start like one are slugs like any other", async () => {
    dir = tempSite({
      [APRIL]: issue({ title: "四月号", issue: 1, date: "2011-04-01", slug: "console" }),
      "content/issues/2011/2011-05.md": issue({ title: "五月号", issue: 2, date: "2011-05-01", slug: "com10" }),
      "content/issues/2011/2011-06.md": issue({ title: "六月号", issue: 3, date: "2011-06-01", slug: "nul-1" }),
    });
    expect((await build(dir.path)).code).toBe(0);
    for (const slug of ["console", "com10", "nul-1"]) expect(existsSync(join(dir.path, "dist", "issues", slug, "index.html"))).toBe(true);
  });

  it("a component named so in the config is an error at its place", async () => {
    const config = `${JSON.stringify({ title: "テスト月刊", url: "https://example.org/", components: ["nul"] })}\n`;
    dir = tempSite({ "gekkan.config.json": config, [APRIL]: issue({ title: "四月号", issue: 1, date: "2011-04-01" }) });
    const run = await build(dir.path);
    expect(run.code).toBe(1);
    expect(run.stderr[0]).toMatch(/gekkan\.config\.json:1:\d+ {2}invalid config field "components" \(item 1\): .*found the string "nul"; "nul" is a name Windows keeps for a device .*choose another, such as "nul-1"$/);
  });

  it("an alias keeps an address already published under such a name", async () => {
    dir = tempSite({ "gekkan.config.json": CONFIG, [APRIL]: `---\ntitle: 四月号\nissue: 1\ndate: 2011-04-01\nslug: con-1\naliases: [con]\n---\n\n本文です。\n` });
    expect((await build(dir.path)).code).toBe(0);
    expect(existsSync(join(dir.path, "dist", "issues", "con", "index.html"))).toBe(true);
  });

  it("a slug in capitals is told the lower-case one to write", async () => {
    dir = tempSite({ [APRIL]: issue({ title: "四月号", issue: 1, date: "2011-04-01", slug: "Pacemaker" }) });
    const run = await build(dir.path);
    expect(run.code).toBe(1);
    expect(run.stderr[0]).toMatch(/:5:7 {2}invalid front matter field "slug": .*found the string "Pacemaker"; write it in lower case: "pacemaker"$/);
  });
});
