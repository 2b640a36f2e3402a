import { CONFIG_FILE, loadConfig, type SiteConfig } from "../config.js";
import { ContentError, diagnostic } from "../diagnostics.js";
import { buildTime, dayOf } from "../build-time.js";
import { readSourceFile, readSourceSet, type SourceFile } from "../content/sources.js";
import { siteFileProblems } from "../content/site-files.js";
import type { VFileMessage } from "vfile-message";
import type { RenderContext } from "../content/render-issue.js";
import { loadLocales, type Locale } from "../render/locale.js";
import { BUILTIN_TEMPLATES, templateDirs } from "../render/template-dirs.js";
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
  /** Files under content/issues/ that could not be read (a FIFO, a link out of the site, too large): reported with the rest. */
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
  if (unreadable.length > 0) throw new ContentError(unreadable);
  const config = loadConfig(options.root, { base: options.base, serveAt: options.serveAt, url: options.url });
  const dirs = templateDirs(options.root);
  const locales = loadLocales(dirs[0] === BUILTIN_TEMPLATES ? undefined : dirs[0]);
  if (!locales.has(config.lang)) {
    throw new ContentError([diagnostic(CONFIG_FILE, `config field "lang": no locale pack "${config.lang}"; available: ${[...locales.keys()].join(", ")}`, { line: 1, column: 1 }, "config-schema")]);
  }
  const unknown = Object.keys(config.languages).filter((code) => !locales.has(code) || code === config.lang);
  if (unknown.length > 0) {
    const why = (code: string) => code === config.lang ? `"${code}" is the site's own language; its title and description are the config's "title" and "description"` : `no locale pack "${code}"; available: ${[...locales.keys()].join(", ")}`;
    throw new ContentError(unknown.map((code) => diagnostic(CONFIG_FILE, `config field "languages": ${why(code)}`, { line: 1, column: 1 }, "config-schema")));
  }
  const read = await readSourceSet(options.root, config.limits, checkedSources(options.root, checked));
  const sources = read.sources.map((source): Source => ("digest" in source ? source : { ...source, digest: digest(source.bytes) }));
  const context: RenderContext = { components: config.components, languages: [...locales.keys()], defaultLang: config.lang, basePath: config.basePath, limits: config.limits };
  return { options, config, templateDirs: dirs, locales, today: dayOf(options.now ?? buildTime()), sources, problems: read.problems, context };
}
