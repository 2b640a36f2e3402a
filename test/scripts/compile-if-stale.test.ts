import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, existsSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir, type TempDir } from "../helpers/temp-site.js";

const REPO = resolve(import.meta.dirname, "..", "..");

/**
 * `npm run build` compiles first; with nothing changed that must not run the
 * TypeScript compiler. Run on a copy of the package, so the lib/ other tests
 * use is never rebuilt under them.
 */
describe("npm run compile only compiles when lib/ is stale", () => {
  let copy: TempDir;
  const compile = () => spawnSync(process.execPath, [join(copy.path, "scripts", "compile-if-stale.mjs")], { cwd: copy.path, encoding: "utf8" });
  const stampMtime = () => statSync(join(copy.path, "lib", ".compiled")).mtimeMs;

  beforeAll(() => {
    copy = tempDir("compile-");
    for (const part of ["src", "scripts", "tsconfig.json", "tsconfig.build.json", "package.json", "package-lock.json"]) cpSync(join(REPO, part), join(copy.path, part), { recursive: true });
    symlinkSync(join(REPO, "node_modules"), join(copy.path, "node_modules"), "dir");
  });
  afterAll(() => copy.remove());

  it("compiles the first time, skips when nothing changed, compiles again after an edit or a changed lockfile and drops deleted modules; the bundle is made each time", () => {
    expect(compile().status).toBe(0);
    expect(existsSync(join(copy.path, "lib", "cli.js"))).toBe(true);
    expect(existsSync(join(copy.path, "lib", "bundle", "cli.js"))).toBe(true);
    const first = stampMtime();
    const skipped = compile();
    expect(skipped.status).toBe(0);
    expect(stampMtime()).toBe(first);

    writeFileSync(join(copy.path, "src", "stale-module.ts"), "export const stale = 1;\n");
    expect(compile().status).toBe(0);
    expect(existsSync(join(copy.path, "lib", "stale-module.js"))).toBe(true);
    const second = stampMtime();
    expect(second).not.toBe(first);

    // A changed dependency tree: the bundle holds a copy of each bundled dependency's code, so it is made again.
    appendFileSync(join(copy.path, "package-lock.json"), "\n");
    expect(compile().status).toBe(0);
    const third = stampMtime();
    expect(third).not.toBe(second);

    spawnSync("rm", [join(copy.path, "src", "stale-module.ts")]);
    appendFileSync(join(copy.path, "src", "plural.ts"), "\n");
    expect(compile().status).toBe(0);
    expect(existsSync(join(copy.path, "lib", "stale-module.js"))).toBe(false);
    // lib/ was made again from scratch, the bundle bin/gekkan.js runs with it.
    expect(existsSync(join(copy.path, "lib", "bundle", "cli.js"))).toBe(true);
  }, 180_000);

  it("a type error fails the compile and leaves no stamp", () => {
    writeFileSync(join(copy.path, "src", "broken.ts"), "export const broken: number = \"text\";\n");
    const run = compile();
    expect(run.status).not.toBe(0);
    expect(existsSync(join(copy.path, "lib", ".compiled"))).toBe(false);
    spawnSync("rm", [join(copy.path, "src", "broken.ts")]);
  }, 180_000);
});
