import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readTree, tempDir, type TempDir } from "../helpers/temp-site.js";
import { REPO } from "../helpers/run-cli.js";

const run = promisify(execFile);
const ENV = { ...process.env, SOURCE_DATE_EPOCH: "1767225600" };

/**
 * bin/gekkan.js runs lib/bundle/ (scripts/bundle.mjs), the rest of the
 * suite mostly runs src/. The oracle here is the unbundled compiled code
 * (lib/cli.js of this repository, which tsc made from the same sources):
 * the bundle must give byte-identical output, on the worker threads too
 * (--threads 2 renders issues and emails on workers; a second build over
 * an existing output drafts the new build folder on its own thread), and
 * it must run with every unbundled module gone.
 */
describe("the bundled CLI", () => {
  let work: TempDir;
  let pkg: string;

  beforeAll(async () => {
    work = tempDir("bundle ");
    pkg = join(work.path, "gekkan");
    for (const part of ["src", "scripts", "bin", "templates", "tsconfig.json", "tsconfig.build.json", "package.json"]) cpSync(join(REPO, part), join(pkg, part), { recursive: true });
    symlinkSync(join(REPO, "node_modules"), join(pkg, "node_modules"), "dir");
    await run(process.execPath, [join(pkg, "scripts", "compile-if-stale.mjs")], { cwd: pkg });
    // Only the bundle is left: a module it still loaded from lib/ would fail the builds below.
    for (const entry of readdirSync(join(pkg, "lib"), { withFileTypes: true })) if (entry.name !== "bundle" && entry.name !== ".compiled") rmSync(join(pkg, "lib", entry.name), { recursive: true });
    const site = join(work.path, "site");
    for (const part of ["content", "public", "gekkan.config.json"]) cpSync(join(REPO, part), join(site, part), { recursive: true });
  }, 300_000);
  afterAll(() => work.remove());

  const bundled = (args: string[]) => run(process.execPath, [join(pkg, "bin", "gekkan.js"), ...args], { cwd: work.path, env: ENV });
  const unbundled = (args: string[]) =>
    run(process.execPath, ["--input-type=module", "-e", `import { main } from ${JSON.stringify(join(REPO, "lib", "cli.js"))}; process.exitCode = await main(${JSON.stringify(args)});`], { cwd: work.path, env: ENV });

  it("builds the sample site byte for byte as the unbundled code does, twice over (worker threads, drafted build folder)", async () => {
    const site = join(work.path, "site");
    const options = (out: string) => ["build", "--root", site, "--out", join(work.path, out), "--cache-dir", join(work.path, `${out}-cache`), "--threads", "2", "--quiet"];
    await bundled(options("bundled"));
    await unbundled(options("unbundled"));
    expect(readTree(join(work.path, "bundled"))).toEqual(readTree(join(work.path, "unbundled")));

    // A second build over each output, after an edit: written through the drafted build folder.
    const first = readdirSync(join(site, "content", "issues"), { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".md")).sort()[0] as string;
    const path = join(site, "content", "issues", first);
    writeFileSync(path, `${readFileSync(path, "utf8")}\nOne more paragraph.\n`);
    await bundled(options("bundled"));
    await unbundled(options("unbundled"));
    const after = readTree(join(work.path, "bundled"));
    expect(after).toEqual(readTree(join(work.path, "unbundled")));
    expect([...after.values()].some((bytes) => bytes.includes("One more paragraph."))).toBe(true);
  }, 180_000);

  it("has an entry for every module a worker thread loads by name", () => {
    // The names as the code gives them to compiledModule (directly, or through runOnWorkers).
    const sources = readdirSync(join(REPO, "src"), { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".ts"));
    const names = new Set<string>();
    for (const name of sources) {
      const text = readFileSync(join(REPO, "src", name), "utf8");
      for (const match of text.matchAll(/compiledModule\(import\.meta\.url, "[^"]+", "([^"]+)"\)|runOnWorkers<[^(]*\("([^"]+)"/g)) names.add((match[1] ?? match[2]) as string);
    }
    expect([...names].sort()).toEqual(["draft-worker", "email-worker", "parse-worker"]);
    for (const name of names) expect(readdirSync(join(pkg, "lib", "bundle"))).toContain(`${name}.js`);
  });

  it("records a code digest of every bundle file, and a build's cache keys follow it", async () => {
    const dir = join(pkg, "lib", "bundle");
    const hash = createHash("sha256");
    for (const name of readdirSync(dir).filter((n) => n.endsWith(".js")).sort()) hash.update(name).update("\0").update(readFileSync(join(dir, name))).update("\0");
    const recorded = readFileSync(join(dir, "code-digest"), "utf8").trim();
    expect(recorded).toBe(hash.digest("hex"));

    const site = join(work.path, "site");
    const options = ["build", "--root", site, "--out", join(work.path, "digest-out"), "--cache-dir", join(work.path, "digest-cache"), "--no-search"];
    await bundled(options);
    expect((await bundled(options)).stdout).toMatch(/^gekkan: up to date/);
    // Other code (as the digest says): nothing built before may be reused.
    writeFileSync(join(dir, "code-digest"), `${"0".repeat(64)}\n`);
    try {
      expect((await bundled(options)).stdout).toMatch(/rendered/);
    } finally {
      writeFileSync(join(dir, "code-digest"), `${recorded}\n`);
    }
  }, 120_000);

  it("writes an issue as an email with the same bytes as the unbundled code", async () => {
    const site = join(work.path, "site");
    const options = (out: string) => ["email", "--root", site, "--out", join(work.path, out), "--to", "reader@example.org", "--no-cache"];
    await bundled(options("bundled.eml"));
    await unbundled(options("unbundled.eml"));
    const message = readFileSync(join(work.path, "bundled.eml"));
    expect(message.length).toBeGreaterThan(1000);
    expect(message).toEqual(readFileSync(join(work.path, "unbundled.eml")));
  }, 60_000);

  it("loads juice and cheerio through the files that hold the functions gekkan calls, and leaves the rest out", () => {
    // The premise of scripts/bundle.mjs's lean imports: the same function objects, not look-alikes.
    const require = createRequire(import.meta.url);
    const inPackage = (pkg: string, file: string) => join(dirname(require.resolve(`${pkg}/package.json`)), file);
    expect(require(inPackage("juice", "client.js"))).toBe(require("juice"));
    expect(require(inPackage("cheerio", join("dist", "commonjs", "load-parse.js"))).load).toBe(require("cheerio").load);
    const bundle = readdirSync(join(pkg, "lib", "bundle")).filter((name) => name.endsWith(".js")).map((name) => readFileSync(join(pkg, "lib", "bundle", name), "utf8"));
    expect(bundle.some((code) => code.includes("juiceClient"))).toBe(true);
    for (const left of ["node_modules/undici/", "node_modules/web-resource-inliner/"]) expect(bundle.some((code) => code.includes(left)), left).toBe(false);
  });
});
