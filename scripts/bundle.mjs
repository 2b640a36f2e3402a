#!/usr/bin/env node
// Bundles the compiled CLI and its worker modules into lib/bundle/ (esbuild).
// Why: a build loads ~1,000 small ES modules (the unified/micromark stack alone is
// hundreds), and resolving, reading and compiling each one was a fixed cost of every
// build that renders anything; one file per entry, with a shared chunk per dynamic
// import, is the same code loaded at a fraction of that cost. `bin/gekkan.js` runs the
// bundle; tests that import src/ run the TypeScript; lib/ keeps the unbundled output
// for the worker threads those tests start.
// Run by compile-if-stale.mjs after tsc; reads only lib/ (or the compiled folder given:
// `node scripts/bundle.mjs DIR`, for tests that compile a copy of their own).
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const LIB = join(dirname(fileURLToPath(import.meta.url)), "..", "lib");

/**
 * Entries at lib/bundle/<name>.js: the CLI, and the modules worker threads load by file
 * name (compiled-module.ts finds them beside the chunk that starts the worker).
 */
const ENTRIES = {
  cli: "cli.js",
  "parse-worker": "pipeline/parse-worker.js",
  "email-worker": "pipeline/email-worker.js",
  "draft-worker": "write/draft-worker.js",
};

/**
 * Left to Node: packages that find files of their own by path at run time
 * (Pagefind its binary, Piscina its worker script, vnu-jar its jar).
 */
const EXTERNAL = ["pagefind", "@pagefind/*", "piscina", "vnu-jar"];

/**
 * Two dependencies load much more than gekkan calls, and the email stage loads them in
 * every build that makes an email. juice's main file adds `juiceFile`/`juiceResources`
 * (fetching remote CSS, web-resource-inliner) to the function its `client.js` exports;
 * gekkan calls only that function. juice calls only `cheerio.load`, which cheerio's main
 * file re-exports from `load-parse.js` next to `fromURL` and stream decoding (undici,
 * iconv-lite, parse5's stream parser). The same functions, without the rest: esbuild
 * resolves these two imports to those files.
 */
const LEAN_IMPORTS = {
  name: "lean-imports",
  setup(build) {
    const fileOf = (pkg, file) => join(dirname(require.resolve(`${pkg}/package.json`)), file);
    build.onResolve({ filter: /^juice$/ }, () => ({ path: fileOf("juice", "client.js") }));
    build.onResolve({ filter: /^cheerio$/ }, (args) => (args.importer.includes(`${sep}juice${sep}`) ? { path: fileOf("cheerio", join("dist", "commonjs", "load-parse.js")) } : undefined));
    // jsonc-parser's main file is UMD, which loads its parts with a require esbuild cannot follow; its ES build is the same code.
    build.onResolve({ filter: /^jsonc-parser$/ }, () => ({ path: fileOf("jsonc-parser", join("lib", "esm", "main.js")) }));
  },
};

/**
 * The bundle's code digest, written beside it: every build puts gekkan's code into its
 * cache keys (src/incremental/fingerprint.ts), and hashing the bundle's .js files (over 5 MB) on every run,
 * "nothing changed" included, would repeat at each build what is known once the bundle is
 * written. Each .js file by name and bytes, in name order.
 */
export const CODE_DIGEST = "code-digest";

export function codeDigest(dir) {
  const hash = createHash("sha256");
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".js")).sort()) hash.update(name).update("\0").update(readFileSync(join(dir, name))).update("\0");
  return hash.digest("hex");
}

export async function bundle(lib = LIB) {
  const outdir = join(lib, "bundle");
  await build({
    entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, file]) => [name, join(lib, file)])),
    outdir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20.19",
    external: EXTERNAL,
    plugins: [LEAN_IMPORTS],
    // CommonJS dependencies (gray-matter, juice, …) call require() for Node's own modules.
    banner: { js: 'import { createRequire as __gekkanRequire } from "node:module"; const require = __gekkanRequire(import.meta.url);' },
    // Names in chunk files are hashes of their content: the same sources give the same bundle.
    chunkNames: "chunk-[hash]",
    sourcemap: "linked",
    legalComments: "linked",
    logLevel: "warning",
  });
  writeFileSync(join(outdir, CODE_DIGEST), `${codeDigest(outdir)}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundle(process.argv[2] === undefined ? LIB : resolve(process.argv[2]));
