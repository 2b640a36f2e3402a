import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { packageRoot } from "../package-root.js";

let memo: string | undefined;

/**
 * Everything of gekkan itself that could change a build's output: its
 * version, the bytes of every code file it runs (lib/ when compiled, src/
 * under the tests), the installed version of every runtime dependency, and
 * the Node.js running it with its ICU, CLDR, Unicode and time-zone data.
 * Derived by listing, never by naming files, so no module can be missed;
 * the price is that any change to gekkan's code starts every cache over.
 * The bundled CLI (lib/bundle/) names its files by the digest the bundle
 * step wrote beside them (scripts/bundle.mjs), made from the same listing
 * once, not on every run. Read once per process.
 */
export function codeFingerprint(): string {
  if (memo !== undefined) return memo;
  const codeRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
  const root = packageRoot();
  const hash = createHash("sha256");
  const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version?: string; dependencies?: Record<string, string> };
  hash.update(`gekkan@${manifest.version ?? "?"}\0`);
  // The runtime too: dates and numbers are formatted by its Intl (ICU and CLDR data), text is matched by its Unicode tables.
  const { node, icu, cldr, unicode, tz } = process.versions;
  hash.update(`node@${node} icu@${icu ?? "-"} cldr@${cldr ?? "-"} unicode@${unicode ?? "-"} tz@${tz ?? "-"}\0`);
  for (const name of Object.keys(manifest.dependencies ?? {}).sort()) hash.update(`${name}@${installedVersion(root, name)}\0`);
  const bundled = bundleDigest(dirname(fileURLToPath(import.meta.url)));
  if (bundled !== undefined) hash.update(`bundle\0${bundled}\0`);
  else for (const file of codeFiles(codeRoot)) hash.update(file.slice(codeRoot.length)).update("\0").update(readFileSync(file)).update("\0");
  memo = hash.digest("hex");
  return memo;
}

/** The code digest beside this module when it runs from the bundle; undefined anywhere else (src/, lib/, a bundle made without it). */
function bundleDigest(dir: string): string | undefined {
  try {
    return readFileSync(join(dir, "code-digest"), "utf8").trim();
  } catch {
    return undefined;
  }
}

function codeFiles(dir: string): string[] {
  const names = readdirSync(dir, { recursive: true, encoding: "utf8" });
  return names.filter((name) => /\.(?:js|ts)$/.test(name)).map((name) => join(dir, name)).sort();
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
