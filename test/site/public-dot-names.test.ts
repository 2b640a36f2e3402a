/**
 * Names in public/ that start with a dot are published as they are, and a
 * static host serves them to anyone: a `.env` or `.npmrc` that came along
 * with a folder copied in whole would hand out its passwords. Each such
 * name is now a warning (public-dot-name), once, at the file or the dotted
 * folder; `.well-known/` and `.nojekyll`, which are meant for readers and
 * hosts, stay silent, and the files are still published. The oracle is the
 * CLI's words and the output folder read back from disk.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { captureIo } from "../helpers/io.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

const SAID = "this name starts with a dot, and such files usually hold private settings (passwords in .env, a token in .npmrc), yet it is published at";

describe("names in public/ that start with a dot", () => {
  let dir: TempDir | undefined;
  afterEach(() => dir?.remove());

  const build = async (files: Record<string, string>) => {
    dir = tempSite({ "content/issues/2011/2011-04.md": issue({ title: "四月号", issue: 1, date: "2011-04-01" }), "gekkan.config.json": '{ "url": "https://example.org/" }\n', ...files });
    const io = captureIo();
    const code = await main(["build", "--root", dir.path, "--no-search"], io);
    return { code, warnings: io.stderr.filter((line) => line.includes("warning:")), root: dir.path };
  };

  it("a dotted file and a dotted folder are each one warning, and are still published", async () => {
    const run = await build({ "public/.env": "PASSWORD=x\n", "public/theme/.npmrc": "//registry:_authToken=x\n", "public/.ssh/id_ed25519": "key\n", "public/.ssh/config": "Host x\n" });
    expect(run.code).toBe(0);
    expect(run.warnings).toEqual([
      `public/.env:1:1  warning: ${SAID} /.env for anyone to read; move it out of public/ unless readers are meant to have it`,
      `public/.ssh/:1:1  warning: ${SAID} /.ssh/ for anyone to read; move it out of public/ unless readers are meant to have it`,
      `public/theme/.npmrc:1:1  warning: ${SAID} /theme/.npmrc for anyone to read; move it out of public/ unless readers are meant to have it`,
    ]);
    for (const path of [".env", "theme/.npmrc", ".ssh/config"]) expect(existsSync(join(run.root, "dist", path)), path).toBe(true);
  });

  it(".well-known/ and .nojekyll are meant to be published: no warning", async () => {
    const run = await build({ "public/.well-known/security.txt": "Contact: mailto:a@example.org\n", "public/.nojekyll": "" });
    expect(run.code).toBe(0);
    expect(run.warnings).toEqual([]);
    expect(existsSync(join(run.root, "dist", ".well-known", "security.txt"))).toBe(true);
  });

  it("the config's ignoreWarnings stops the kind", async () => {
    const run = await build({ "public/.env": "x\n", "gekkan.config.json": '{ "url": "https://example.org/", "ignoreWarnings": ["public-dot-name"] }\n' });
    expect(run.code).toBe(0);
    expect(run.warnings).toEqual([]);
  });
});
