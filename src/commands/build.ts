import { join, resolve } from "node:path";
import { parseFlags, siteRootOf, UsageError, type Io, EXIT } from "../cli-support.js";
import { issuesAndTranslations, plural } from "../plural.js";
import { allIssues } from "../site/model.js";
import { leftOutNotes } from "../site/left-out.js";
import { clockDayBesideEpoch } from "../build-time.js";
import { nameFromHere } from "../names-from-here.js";
import type { BuildOptions } from "../pipeline/options.js";
import { assertSafeOutputDir, outputTarget } from "../write/output-dir.js";
import { assertSafeCacheDir } from "../write/cache-dir.js";

export const buildUsage = `gekkan build [--root DIR] [--out DIR] [--base PATH] [--url URL] [--drafts] [--future] [--no-search]
             [--no-cache] [--cache-dir DIR] [--threads N] [--force] [--timings] [--quiet]

  Builds the site into DIR (default: dist/ under the root). With the cache
  on, a build whose inputs and output folder are unchanged stops at once and
  says "up to date", and a build with a few changed issues renders only the
  pages they change.
  --root DIR    site root holding content/, templates/, public/ (default: .)
  --out DIR     output folder (default: ROOT/dist); see README "Limits and safety"
  --base PATH   serve under a sub-path, e.g. /repo/ (default: from the config url)
  --url URL     public site URL, overriding the config (feeds, canonical links)
  --drafts      include issues marked draft: true
  --future      include issues dated after today (SOURCE_DATE_EPOCH sets "today")
  --no-search   skip the Pagefind search index
  --no-cache    neither read nor write the cache
  --cache-dir DIR  cache location (default: ROOT/.gekkan/cache)
  --threads N   render on N worker threads; 0 or 1 = in-process (default: all cores
                when more than 1,000 issues need rendering)
  --force       replace an existing --out folder that gekkan did not write
  --timings     print how long each stage took (to stderr)
  --quiet       print nothing on success`;

export async function buildCommand(args: string[], io: Io): Promise<number> {
  const flags = parseFlags(args, "build");
  if (flags.help) {
    io.out(buildUsage);
    return EXIT.ok;
  }
  const root = siteRootOf(flags.root);
  if (flags.threads !== undefined && !/^\d{1,3}$/.test(flags.threads)) throw new UsageError(`--threads must be a whole number (0 or 1 = no worker threads), found ${JSON.stringify(flags.threads)}`);
  // As in gekkan email, "-" reads as standard output; a build made a folder named "-" wherever the command ran.
  if (flags.out === "-") throw new UsageError('--out -: a site is a folder of files and cannot go to standard output; name a folder, such as --out dist');
  // An author's own link (dist → /var/www/site) is followed: the folder it names is what gets replaced.
  const out = outputTarget(resolve(typeof flags.out === "string" ? flags.out : join(root, "dist")));
  // Before any work: a refused output must not cost a build, and is never written.
  assertSafeOutputDir(root, out, { force: flags.force === true });
  const cacheDir = flags["no-cache"] === true ? undefined : resolve(typeof flags["cache-dir"] === "string" ? flags["cache-dir"] : join(root, ".gekkan", "cache"));
  if (cacheDir !== undefined) assertSafeCacheDir(root, cacheDir, out);
  const options: BuildOptions = {
    root, drafts: flags.drafts === true, future: flags.future === true, base: flags.base, url: flags.url,
    search: flags["no-search"] !== true, threads: flags.threads === undefined ? undefined : Number(flags.threads),
  };
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  // The warm path loads no pipeline module it does not need (see buildSite).
  const { buildSite } = await import("../pipeline/build-site.js");
  const result = await buildSite({ ...options, out, cacheDir });
  const name = (file: string) => nameFromHere(io.here, root, file);
  if (result.upToDate) {
    for (const warning of result.record.warnings) io.err(warning);
    if (flags.quiet === true) return EXIT.ok;
    io.out(`gekkan: up to date, ${plural(result.record.issues, "issue")}, ${result.record.files.length} files in ${out} (checked in ${elapsed()} ms)`);
    for (const note of leftOutNotes(result.leftOut, result.today, options, name, clockDayBesideEpoch(result.timeZone))) io.out(note);
    return EXIT.ok;
  }
  for (const warning of result.warnings) io.err(warning);
  for (const warning of result.cacheWarnings) io.err(`gekkan: warning: ${warning}`);
  const { generated, written } = result;
  if (written.notRemoved !== undefined) io.err(`gekkan: warning: ${written.notRemoved}`);
  if (flags.timings === true) for (const [stage, ms] of generated.stats.stages) io.err(`gekkan: ${stage.padEnd(22)} ${Math.round(ms).toString().padStart(7)} ms`);
  if (flags.quiet === true) return EXIT.ok;
  const pages = generated.stats.pages;
  const rendered = `${generated.stats.issuesRendered} of ${plural(generated.sources.length, "source")} and ${pages.rendered} of ${plural(pages.rendered + pages.reused, "page")} rendered`;
  io.out(`gekkan: built ${issuesAndTranslations(generated.site.issues.length, allIssues(generated.site).length - generated.site.issues.length)} in ${elapsed()} ms (${rendered}); ${written.wrote} of ${plural(generated.output.size, "file")} written to ${out}`);
  for (const note of leftOutNotes(result.leftOut, result.today, options, name, clockDayBesideEpoch(result.timeZone))) io.out(note);
  return EXIT.ok;
}
