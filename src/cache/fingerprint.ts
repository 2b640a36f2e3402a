import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Code that decides what renderIssue returns, relative to src/ (or lib/ when compiled). */
const PIPELINE_DIRS = ["markdown", "blocks", "content", "cache"];
const PIPELINE_FILES = ["diagnostics", "schema-report", "suggest"];

let memo: string | undefined;
let codeMemo: string | undefined;

/**
 * Changes whenever the render pipeline could render differently: gekkan's
 * version, the bytes of the pipeline's own code, and the exact versions of
 * every runtime dependency (unified, remark, rehype, highlight.js, zod, …).
 * Read once per process: ~40 small files, a few milliseconds.
 */
export function pipelineFingerprint(): string {
  if (memo !== undefined) return memo;
  const codeRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
  const packageRoot = findPackageRoot(codeRoot);
  const hash = createHash("sha256");
  const manifest = JSON.parse(readFileSync(join(packageRoot, "package.json"), "utf8")) as { version?: string; dependencies?: Record<string, string> };
  hash.update(`gekkan@${manifest.version ?? "?"}\0`);
  for (const name of Object.keys(manifest.dependencies ?? {}).sort()) hash.update(`${name}@${installedVersion(packageRoot, name)}\0`);
  const files: string[] = [];
  for (const dir of PIPELINE_DIRS) files.push(...codeFiles(join(codeRoot, dir)));
  for (const name of PIPELINE_FILES) files.push(...[".js", ".ts"].map((ext) => join(codeRoot, name + ext)).filter((path) => existsSync(path)));
  for (const file of files.sort()) hash.update(file.slice(codeRoot.length)).update("\0").update(readFileSync(file)).update("\0");
  memo = hash.digest("hex");
  return memo;
}

/**
 * Everything gekkan itself could change in a build's output: version, the
 * bytes of all its code (lib/ or src/) and its dependencies' versions.
 * Coarser than pipelineFingerprint, for the whole-output snapshot.
 */
export function codeFingerprint(): string {
  if (codeMemo !== undefined) return codeMemo;
  const codeRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
  const hash = createHash("sha256").update(`${pipelineFingerprint()}\0`);
  for (const file of codeFiles(codeRoot).sort()) hash.update(file.slice(codeRoot.length)).update("\0").update(readFileSync(file)).update("\0");
  codeMemo = hash.digest("hex");
  return codeMemo;
}

function codeFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: "utf8" });
  } catch {
    return [];
  }
  return names.filter((name) => /\.(?:js|ts)$/.test(name)).map((name) => join(dir, name));
}

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) throw new Error(`gekkan bug: no package.json above ${from}`);
  }
}

/** Reads node_modules/NAME/package.json directly: "exports" maps may hide it from require.resolve. */
function installedVersion(packageRoot: string, name: string): string {
  for (let dir = packageRoot; ; dir = dirname(dir)) {
    try {
      return (JSON.parse(readFileSync(join(dir, "node_modules", name, "package.json"), "utf8")) as { version?: string }).version ?? "?";
    } catch {
      if (dirname(dir) === dir) return "missing";
    }
  }
}
