import { loadConfig, type SiteConfig } from "../config.js";
import { ContentError } from "../diagnostics.js";
import { buildTime, dayOf } from "../build-time.js";
import { readSourceFile, readSourceSet, type SourceFile } from "../content/sources.js";
import { siteFileProblems } from "../content/site-files.js";
import type { VFileMessage } from "vfile-message";
import type { RenderContext } from "../content/render-issue.js";
import { siteLocales, type Locale } from "../render/locale.js";
import { templateDirs } from "../render/template-dirs.js";
import { digest } from "../incremental/digest.js";
import type { BuildOptions } from "./options.js";
import { checkedSources } from "./checked-sources.js";
import type { CheckedSource } from "./input-key.js";

/** A source with the digest of its bytes: issue keys and the input key both name sources by it. */
export interface Source extends SourceFile {
  digest: string;
}

/** Everything a build reads from the site, once, before any work. */
export interface Inputs {
  options: BuildOptions;
  config: SiteConfig;
  templateDirs: string[];
  locales: Map<string, Locale>;
  /** "Today" as YYYY-MM-DD: SOURCE_DATE_EPOCH or the clock. */
  today: string;
  sources: Source[];
  /** Files under content/issues/ (and public/) that could not be read (a FIFO, a link out of the site, too large): reported with the rest. */
  problems: VFileMessage[];
  /** What rendering one issue depends on besides its bytes. */
  context: RenderContext;
}

/** One source read as a build reads it (never blocking on a FIFO), with its digest; undefined when it cannot be read (a full run reports why). */
export function readOneSource(root: string, file: string): Source | undefined {
  const read = readSourceFile(root, file);
  return "bytes" in read ? { file, bytes: read.bytes, digest: digest(read.bytes) } : undefined;
}

/** `checked`: the sources the up-to-date check read (input-key.ts); they are not read again unless parsed (checked-sources.ts). */
export async function loadInputs(options: BuildOptions, checked?: ReadonlyMap<string, CheckedSource>): Promise<Inputs> {
  // Before anything reads them: a FIFO or device among the site's files would block the read.
  const unreadable = siteFileProblems(options.root);
  // public/'s files are read last (copied after every page is made), so a problem there waits for the issues' own
  // problems, reported with them: stopping here hid every error in content/ until the public file was fixed.
  const later = unreadable.filter((problem) => problem.file?.startsWith("public/") === true);
  if (unreadable.length > later.length) throw new ContentError(unreadable);
  const dirs = templateDirs(options.root);
  const locales = siteLocales(options.root);
  const config = loadConfig(options.root, { base: options.base, serveAt: options.serveAt, url: options.url }, [...locales.keys()]);
  const read = await readSourceSet(options.root, config.limits, checkedSources(options.root, checked));
  const sources = read.sources.map((source): Source => ("digest" in source ? source : { ...source, digest: digest(source.bytes) }));
  const context: RenderContext = { components: config.components, languages: [...locales.keys()], defaultLang: config.lang, basePath: config.basePath, limits: config.limits };
  return { options, config, templateDirs: dirs, locales, today: dayOf(options.now ?? buildTime(), config.timeZone), sources, problems: [...later, ...read.problems], context };
}
