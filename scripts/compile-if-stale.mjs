#!/usr/bin/env node
// Compiles src/ into lib/ only when lib/ is not the compilation of what is there now:
// `npm run build` with nothing changed then costs what `gekkan build` costs, not a
// TypeScript run. The stamp lib/.compiled names the inputs by hash (every file under src/,
// the tsconfig files, the bundle script, the TypeScript and esbuild versions, and the
// dependency tree: the lockfile and npm's record of what is installed, because the bundle
// holds a copy of every bundled dependency's code), so an edit, a checkout, an upgrade or
// a changed dependency all compile again; it is written only after tsc and the bundle
// (bundle.mjs) succeeded.
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const STAMP = join(ROOT, "lib", ".compiled");

function inputsHash() {
  const hash = createHash("sha256");
  for (const tool of ["typescript", "esbuild"]) {
    const manifest = createRequire(import.meta.url).resolve(`${tool}/package.json`);
    hash.update(`${tool}@${JSON.parse(readFileSync(manifest, "utf8")).version}\0`);
  }
  const files = readdirSync(join(ROOT, "src"), { recursive: true, encoding: "utf8" }).map((f) => join("src", f));
  for (const file of [...files, "tsconfig.json", "tsconfig.build.json", "scripts/bundle.mjs", "package-lock.json", join("node_modules", ".package-lock.json")].sort()) {
    let bytes;
    try {
      bytes = readFileSync(join(ROOT, file));
    } catch {
      continue; // a folder, or a lockfile that is not there
    }
    hash.update(file).update("\0").update(bytes).update("\0");
  }
  return hash.digest("hex");
}

const wanted = inputsHash();
const current = existsSync(STAMP) && existsSync(join(ROOT, "lib", "bundle", "cli.js")) ? readFileSync(STAMP, "utf8").trim() : "";
if (current === wanted && !process.argv.includes("--force")) process.exit(0);
// From scratch: a module deleted from src/ must not live on in lib/.
rmSync(join(ROOT, "lib"), { recursive: true, force: true });
const run = spawnSync(process.execPath, [createRequire(import.meta.url).resolve("typescript/bin/tsc"), "-p", "tsconfig.build.json"], { cwd: ROOT, stdio: "inherit" });
if (run.status !== 0) process.exit(run.status ?? 1);
// Loaded only here: a run with nothing to compile should not pay for esbuild.
await (await import("./bundle.mjs")).bundle();
writeFileSync(STAMP, `${wanted}\n`);
