import { resolve } from "node:path";
import { unchangedBuild } from "../cache/unchanged-build.js";
import { commonFlags, parseFlags, rootOf, UsageError, type Io, EXIT } from "../cli-support.js";
import { formatDiagnostic } from "../diagnostics.js";
import { plural } from "../plural.js";
import { assertSafeOutputDir } from "../write/output-dir.js";

export const buildUsage = `gekkan build [--root DIR] [--out DIR] [--base PATH] [--url URL] [--drafts] [--future] [--no-search]
             [--no-cache] [--cache-dir DIR] [--threads N] [--force] [--quiet]

  Builds the site into DIR (default: dist/ under the root). With the render
  cache on, a build whose inputs and output directory are unchanged stops at
  once and says "up to date".
  --root DIR    site root holding content/, templates/, public/ (default: .)
  --out DIR     output directory (default: ROOT/dist)
  --base PATH   serve under a sub-path, e.g. /repo/ (default: from the config url)
  --url URL     public site URL, overriding the config (feeds, canonical links)
  --drafts      include issues marked draft: true
  --future      include issues dated after today (SOURCE_DATE_EPOCH sets "today")
  --no-search   skip the Pagefind search index
  --no-cache    neither read nor write the render cache
  --cache-dir DIR  render cache location (default: ROOT/.gekkan/cache)
  --threads N   render on N worker threads; 0 or 1 = in-process (default: all cores
                when more than 1,000 issues need rendering)
  --force       replace an existing --out folder that gekkan did not write
  --quiet       print nothing on success`;

export async function buildCommand(args: string[], io: Io): Promise<number> {
  const flags = parseFlags(args, {
    ...commonFlags,
    out: { type: "string" },
    base: { type: "string" },
    url: { type: "string" },
    drafts: { type: "boolean" },
    future: { type: "boolean" },
    quiet: { type: "boolean", short: "q" },
    search: { type: "boolean" },
    "no-search": { type: "boolean" },
    "no-cache": { type: "boolean" },
    "cache-dir": { type: "string" },
    threads: { type: "string" },
    force: { type: "boolean" },
  });
  if (flags.help) {
    io.out(buildUsage);
    return EXIT.ok;
  }
  const root = rootOf(flags.root);
  const out = resolve(typeof flags.out === "string" ? flags.out : resolve(root, "dist"));
  if (flags.threads !== undefined && !/^\d{1,3}$/.test(flags.threads)) throw new UsageError(`--threads must be a whole number (0 or 1 = no worker threads), found ${JSON.stringify(flags.threads)}`);
  const threads = flags.threads === undefined ? undefined : Number(flags.threads);
  const cacheDir = flags["no-cache"] === true ? undefined : resolve(typeof flags["cache-dir"] === "string" ? flags["cache-dir"] : resolve(root, ".gekkan", "cache"));
  // Before any work: a refused --out must not cost a build, and must never be written.
  assertSafeOutputDir(root, out, { force: flags.force === true });
  const started = performance.now();
  const options = { root, out, drafts: flags.drafts === true, future: flags.future === true, base: flags.base, url: flags.url, search: flags["no-search"] !== true, cacheDir, threads };
  const elapsed = () => Math.round(performance.now() - started);
  // Nothing changed since the output in `out` was written: done, without loading the pipeline.
  const unchanged = cacheDir === undefined ? undefined : await unchangedBuild({ ...options, cacheDir });
  if (unchanged !== undefined) {
    for (const warning of unchanged.warnings) io.err(warning);
    if (!flags.quiet) io.out(`gekkan: up to date, ${plural(unchanged.issues, "issue")}, ${unchanged.files} files in ${out} (checked in ${elapsed()} ms)`);
    return EXIT.ok;
  }
  const { build } = await import("../build.js");
  const result = await build(options);
  for (const warning of result.warnings) io.err(formatDiagnostic(warning));
  if (!flags.quiet) io.out(`gekkan: built ${plural(result.site.issues.length, "issue")}, ${result.output.size} files written to ${out} in ${elapsed()} ms`);
  return EXIT.ok;
}
