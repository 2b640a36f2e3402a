import { resolve } from "node:path";
import { build } from "../build.js";
import { commonFlags, parseFlags, rootOf, type Io, EXIT } from "../cli-support.js";
import { formatDiagnostic } from "../diagnostics.js";

export const buildUsage = `gekkan build [--root DIR] [--out DIR] [--base PATH] [--url URL] [--drafts] [--future] [--no-search] [--quiet]

  Builds the site into DIR (default: dist/ under the root).
  --root DIR    site root holding content/, templates/, public/ (default: .)
  --out DIR     output directory (default: ROOT/dist)
  --base PATH   serve under a sub-path, e.g. /repo/ (default: from the config url)
  --url URL     public site URL, overriding the config (feeds, canonical links)
  --drafts      include issues marked draft: true
  --future      include issues dated after today (SOURCE_DATE_EPOCH sets "today")
  --no-search   skip the Pagefind search index
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
  });
  if (flags.help) {
    io.out(buildUsage);
    return EXIT.ok;
  }
  const root = rootOf(flags.root);
  const out = resolve(typeof flags.out === "string" ? flags.out : resolve(root, "dist"));
  const started = performance.now();
  const result = await build({
    root,
    out,
    drafts: flags.drafts === true,
    future: flags.future === true,
    base: flags.base,
    url: flags.url,
    search: flags["no-search"] !== true,
  });
  for (const warning of result.warnings) io.err(formatDiagnostic(warning));
  if (!flags.quiet) {
    const ms = Math.round(performance.now() - started);
    io.out(`gekkan: built ${result.site.issues.length} issue${result.site.issues.length === 1 ? "" : "s"}, ${result.output.size} files written to ${out} in ${ms} ms`);
  }
  return EXIT.ok;
}
