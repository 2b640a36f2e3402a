import { existsSync } from "node:fs";
import { join } from "node:path";
import { LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import type { VFileMessage } from "vfile-message";
import { ContentError, diagnostic, UsageError } from "./diagnostics.js";
import { placeOfPath } from "./content/yaml-place.js";
import { slug } from "./content/schema.js";
import { controlsInData } from "./content/front-matter-controls.js";
import { configFileProblems } from "./content/site-files.js";
import { reportSchemaIssues } from "./schema-report.js";
import { configKeyHint } from "./config-key-hints.js";
import { didYouMean } from "./suggest.js";
import { configLanguageProblems } from "./config-languages.js";
import { EMAIL_EXPECTATIONS, emailConfig, emailSchema, languageEmailSchema, languageOneClickProblem, type EmailConfig, type LanguageEmail } from "./config-email.js";
import { WARNING_KINDS } from "./warning-kinds.js";
import { LIMIT_EXPECTATIONS, limitsSchema, SLUG_MAX_LENGTH, type ContentLimits } from "./limits.js";

/** Components the Linux-HA series talks about; sites extend it in config. */
export const DEFAULT_COMPONENTS = [
  "pacemaker", "corosync", "heartbeat", "drbd", "drbd-mc", "resource-agents", "cluster-glue",
  "rgmanager", "python-gui", "hawk", "pacemaker-cloud", "linux-ha", "stonith",
] as const;

/** How readers see the built-in components; `componentNames` in the config overrides or adds. */
export const DEFAULT_COMPONENT_NAMES: Readonly<Record<string, string>> = {
  pacemaker: "Pacemaker", corosync: "Corosync", heartbeat: "Heartbeat", drbd: "DRBD", "drbd-mc": "DRBD MC",
  "resource-agents": "Resource Agents", "cluster-glue": "Cluster Glue", rgmanager: "rgmanager", "python-gui": "Python GUI",
  hawk: "Hawk", "pacemaker-cloud": "Pacemaker Cloud", "linux-ha": "Linux-HA", stonith: "STONITH",
};

export { CONFIG_FILE } from "./config-file.js";
import { CONFIG_FILE } from "./config-file.js";
import { spelledOnDisk } from "./name-case.js";
import { wellFormed } from "./well-formed.js";
import { jsonSyntaxProblems } from "./json-syntax.js";
import { readUtf8File } from "./text-encoding.js";
import { addressLeftOut, type AddressLeftOut } from "./config-address.js";
import { timeZoneProblem } from "./build-time.js";
import { authorList } from "./author-names.js";
import { hasScheme } from "./url-scheme.js";
import { pageFolder, pageFolderUrl } from "./page-address.js";

/** A file under public/, written as a path from there ("images/share.png"; a leading "/" is allowed). */
const publicFile = z
  .string()
  .trim()
  .min(1)
  .transform((path) => path.replace(/^\/+/, ""))
  .refine((path) => path !== "" && !path.includes("\\") && !path.split("/").some((part) => part === ".." || part === "."), { message: "a path inside public/, without .. or backslashes" });

/** The site's address is a folder: one ending in a page's file name (copied from the browser) is told which folder to write. */
function notAPage(text: string, ctx: z.RefinementCtx): void {
  const folder = pageFolderUrl(new URL(text));
  if (folder !== undefined) ctx.addIssue({ code: "custom", input: text, message: `that is the address of a page, and the site's address is the folder it is published in: write "${folder}"` });
}

/** The site's authors (and an edition's), a list the feeds give one <author> each; see author-names.ts. */
const configAuthors = authorList("JSON", (names) => `"authors": [${names.map((name) => JSON.stringify(name)).join(", ")}]`);

const configSchema = z.strictObject({
  title: z.string().trim().min(1).default("gekkan"),
  description: z.string().default(""),
  url: z.url({ protocol: /^https?$/ }).superRefine(notAPage).default("http://localhost/"),
  lang: z.string().default("ja"),
  authors: configAuthors.default([]),
  components: z.array(slug).default([]),
  search: z.boolean().default(true),
  redirects: z.enum(["netlify", "cloudflare"]).optional(),
  searchShardSize: z.number().int().positive().default(500),
  feedItems: z.number().int().positive().default(20),
  feedIdBase: z.url({ protocol: /^https?$/ }).optional(),
  componentNames: z.record(z.string(), z.string().trim().min(1)).default({}),
  image: publicFile.optional(),
  favicon: publicFile.optional(),
  email: emailSchema(),
  limits: limitsSchema,
  languages: z.record(z.string(), z.strictObject({ title: z.string().trim().min(1).optional(), description: z.string().optional(), authors: configAuthors.optional(), email: languageEmailSchema().optional() })).default({}),
  ignoreWarnings: z.array(z.string()).default([]),
  timeZone: z.string().superRefine((name, ctx) => {
    const problem = timeZoneProblem(name);
    if (problem !== undefined) ctx.addIssue({ code: "custom", input: name, message: problem });
  }).default("UTC"),
}).superRefine((data, ctx) => {
  const known = [...DEFAULT_COMPONENTS, ...data.components];
  for (const key of Object.keys(data.componentNames)) {
    if (known.includes(key)) continue;
    const hint = didYouMean(key, known, (k) => k) || "; add it to `components` first";
    ctx.addIssue({ code: "custom", path: ["componentNames", key], input: key, message: `"${key}" is not a known component${hint}` });
  }
  for (const [code, own] of Object.entries(data.languages)) {
    const problem = own.email === undefined ? undefined : languageOneClickProblem(data.email, own.email);
    if (problem !== undefined) ctx.addIssue({ code: "custom", path: ["languages", code, "email", problem.path], input: own.email?.[problem.path], message: problem.message });
  }
  const kinds = Object.keys(WARNING_KINDS);
  data.ignoreWarnings.forEach((kind, at) => {
    if (kinds.includes(kind)) return;
    ctx.addIssue({ code: "custom", path: ["ignoreWarnings", at], input: kind, params: { hint: didYouMean(kind, kinds) }, message: `"${kind}" is not a kind of warning gekkan gives` });
  });
});

const expectations: Record<string, string> = {
  title: "a non-empty string (the newsletter's name)",
  description: "a string",
  url: "an absolute http(s) URL where the site is published, e.g. https://user.github.io/repo/",
  lang: "a locale code such as ja or en",
  authors: "a list of names",
  components: `a list of extra component names (lowercase letters, digits, hyphens; at most ${SLUG_MAX_LENGTH} characters)`,
  search: "true or false (build the Pagefind search index)",
  redirects: '"netlify" or "cloudflare": also write a _redirects file in that host\'s form, so an alias\'s old address gets a real 301',
  searchShardSize: "a positive whole number (issues per search index part)",
  feedItems: "a positive whole number (issues per feed)",
  feedIdBase: "the absolute http(s) address the site had when its feeds were first read, e.g. https://user.github.io/repo/ (feed entry ids keep it after the site moves)",
  componentNames: "a mapping from component name to the name readers see, e.g. {\"drbd-mc\": \"DRBD MC\"}",
  image: "the path of an image in public/ used when a page is shared, e.g. images/share.png",
  favicon: "the path of the site icon in public/, e.g. favicon.svg",
  ...EMAIL_EXPECTATIONS,
  languages: 'per translation language, the site\'s title and description in it: { "en": { "title": "Linux-HA Monthly", "description": "…" } }',
  "languages.*": 'the site\'s title, description and email headers in this language: { "title": "…", "description": "…", "email": { "from": "…" } }',
  "languages.*.title": "a non-empty string (the newsletter's name in this language)",
  "languages.*.description": "a string",
  "languages.*.authors": 'a list of names: the site\'s authors as this language\'s edition names them (its feeds), e.g. ["Editorial team"]',
  "languages.*.email": 'the email headers for this language\'s edition, each falling back to the top-level "email": { "from": "Linux-HA Monthly <news-en@example.org>" }',
  ...Object.fromEntries(Object.entries(EMAIL_EXPECTATIONS).filter(([key]) => key.startsWith("email.") && key !== "email.files").map(([key, text]) => [`languages.*.${key}`, text])),
  ignoreWarnings: `a list of kinds of warning not to show: ${Object.keys(WARNING_KINDS).join(", ")}`,
  timeZone: "a time zone name such as Asia/Tokyo or UTC (the day an issue's date begins)",
  limits: "an object of content limits (issueBytes, frontMatterBytes, frontMatterKeys, nestingDepth, yamlAliases, inlineMarkers)",
  ...Object.fromEntries(Object.entries(LIMIT_EXPECTATIONS).map(([key, text]) => [`limits.${key}`, text])),
};

export type { EmailConfig } from "./config-email.js";

export interface SiteConfig {
  /** Absolute site root: content/, templates/, public/ live under it. */
  root: string;
  title: string;
  description: string;
  /** Origin, e.g. "https://user.github.io". */
  origin: string;
  /** The base path links are written with, always starting and ending with "/": "/" or "/repo/". Where the output is served: the published one, or "/" in `gekkan dev`. */
  basePath: string;
  /** The published site's base path, which absolute URLs carry (see siteUrl); basePath unless the output is served elsewhere. */
  publishedBasePath: string;
  lang: string;
  authors: string[];
  components: string[];
  /** Display name of every component (built-in defaults, then the config's `componentNames`; else the name itself). */
  componentNames: Record<string, string>;
  /** Default sharing image, a path under public/ ("" = none). */
  image: string;
  /** Site icon, a path under public/ ("" = the theme's own). */
  favicon: string;
  search: boolean;
  /** The host whose _redirects file is written beside the alias pages (config `redirects`), if any. */
  redirects: RedirectsHost | undefined;
  /** Issues per Pagefind index part: an edit re-indexes one part, and indexing memory stays one part's worth. */
  searchShardSize: number;
  feedItems: number;
  /**
   * The address feed ids are made of (config `feedIdBase`, else the site's
   * own: origin + published base path, ending in "/"). A feed reader knows
   * an entry by its id, so a site that moved keeps its old one here.
   */
  feedIdBase: string;
  email: EmailConfig;
  /** How large and deep one issue may be (see content/limits.ts). */
  limits: ContentLimits;
  /** The site's title, description, authors and email headers in the languages issues are translated into (each field optional: else the site's own). */
  languages: Record<string, { title?: string | undefined; description?: string | undefined; authors?: string[] | undefined; email?: LanguageEmail | undefined }>;
  /** Kinds of warning the site means and does not want shown (see warning-kinds.ts). */
  ignoreWarnings: string[];
  /** The time zone whose day "today" is (see dayOf): an issue is published from 00:00 there on its date. */
  timeZone: string;
  /** Where the config came from, for messages and cache keys. */
  source: string;
  /** The file the config was read from ("" when there is none: the defaults apply). */
  file: string;
  /** False when neither the config's `url` nor `--url` gave the site's address (http://localhost/ stands in). */
  urlGiven: boolean;
  /** A login, query or fragment in the given address, which no link carries (config-address.ts). */
  urlLeftOut: AddressLeftOut | undefined;
  /** Where the config sets `redirects` (its value), for a message about the rules gekkan writes for it (cloudflare-limits.ts). */
  redirectsPlace: ReturnType<typeof placeOfPath>;
}


export interface ConfigOverrides {
  base?: string | undefined;
  /** Where the output is served, when not where it is published: links only, absolute URLs keep the published base path. */
  serveAt?: string | undefined;
  /** Replaces the config `url` (e.g. the URL GitHub Pages reports). */
  url?: string | undefined;
}

/**
 * Normalises a base path: "repo" / "/repo" / "/repo/" → "/repo/". It goes
 * into every href as it is, so it is percent-encoded here, once: "/a b/" →
 * "/a%20b/" ("%20" already written stays as it is).
 */
export function normalizeBasePath(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, "");
  // "?" and "#" would end the path inside URL; they are part of a folder name here.
  return trimmed === "" ? "/" : new URL(`/${trimmed.replace(/[?#]/g, encodeURIComponent)}/`, "http://base.invalid").pathname;
}

/**
 * Reads `gekkan.config.json`, or the "gekkan" key of package.json, and
 * validates it with located messages. Throws ContentError on author mistakes.
 * `locales`, the locale packs the site has, checks `lang` and `languages`
 * against them; a command that reads no pack leaves it out.
 */
/** The fields the later checks read, from a config that failed its schema: each as written when it is of its type and the schema did not fault it, else as if absent. */
function acceptedFields(value: unknown, faulted: ReadonlySet<PropertyKey | undefined>): { lang: string; languages: Record<string, unknown>; image?: string | undefined; favicon?: string | undefined } {
  const record = (value !== null && typeof value === "object" ? value : {}) as Record<string, unknown>;
  const text = (key: string) => (!faulted.has(key) && typeof record[key] === "string" ? (record[key] as string) : undefined);
  const languages = !faulted.has("languages") && record.languages !== null && typeof record.languages === "object" && !Array.isArray(record.languages) ? (record.languages as Record<string, unknown>) : {};
  // A faulted or missing lang reads as the default, which every locale set has: no second message for it.
  return { lang: text("lang") ?? "ja", languages, image: text("image"), favicon: text("favicon") };
}

/**
 * image and favicon name files in public/ that are not there, or are there
 * only in other case (images/Share.png for images/share.png): macOS and
 * Windows found such a file, Linux and most hosts do not, and the address
 * shared links carry leads nowhere.
 */
function missingPublicFiles(root: string, file: string, fields: { image?: string | undefined; favicon?: string | undefined }, raw: RawConfig): VFileMessage[] {
  return (["image", "favicon"] as const).flatMap((key) => {
    const path = fields[key];
    if (path === undefined) return [];
    const place = raw.locate([key], "value") ?? raw.start;
    const spelled = spelledOnDisk(join(root, "public"), path.split("/"));
    if (spelled !== undefined && spelled !== path) return [diagnostic(file, `config field "${key}": public/${path} is there only as public/${spelled}, in other case: macOS and Windows find it all the same, but on Linux and most hosts /${path} is not that file; write "${spelled}"`, place, "config-public-file")];
    if (spelled !== undefined || existsSync(join(root, "public", path))) return [];
    return [diagnostic(file, `config field "${key}": public/${path} does not exist; put the file there or correct the path`, place, "config-public-file")];
  });
}

/**
 * The site's authors as the edition in `lang` names them: its own
 * (`languages.<lang>.authors`), else the site's. The English feed named
 * the Japanese editors (編集部) as its authors and in its rights line.
 */
export function authorsFor(config: Pick<SiteConfig, "lang" | "authors" | "languages">, lang: string): string[] {
  return (lang === config.lang ? undefined : config.languages[lang]?.authors) ?? config.authors;
}

/** Hosts that read a `_redirects` file, each in its own form (site/redirects.ts). */
export type RedirectsHost = "netlify" | "cloudflare";

export function loadConfig(root: string, overrides: ConfigOverrides = {}, locales?: readonly string[]): SiteConfig {
  const own = join(root, CONFIG_FILE);
  const pkg = join(root, "package.json");
  let file = CONFIG_FILE;
  let text: string | undefined;
  let path: PropertyKey[] = [];
  // Before reading: a FIFO or device named like the config would block the read.
  const unreadable = configFileProblems(root);
  if (unreadable.length > 0) throw new ContentError(unreadable);
  if (existsSync(own)) {
    text = readUtf8File(own, CONFIG_FILE);
  } else if (existsSync(pkg)) {
    const pkgText = readUtf8File(pkg, "package.json");
    if (/"gekkan"\s*:/.test(pkgText)) {
      file = "package.json";
      text = pkgText;
      path = ["gekkan"];
    }
  }
  const raw: RawConfig = text === undefined ? { value: {}, messages: [], locate: () => undefined, start: { line: 1, column: 1 } } : readJson(file, text, path);
  if (raw.messages.length > 0) throw new ContentError(raw.messages);
  // The title and description reach every page and feed: no control characters (JSON "\u001b").
  const controls = raw.value !== null && typeof raw.value === "object" ? controlsInData(file, raw.value, raw.locate, "config field") : [];
  if (controls.length > 0) throw new ContentError(controls);
  const result = configSchema.safeParse(raw.value, { reportInput: true });
  // Every problem in one report: the checks after the schema read the fields it accepted.
  const schemaProblems = result.success ? [] : reportSchemaIssues(result.error, { file, noun: "config field", expectations, locate: raw.locate, start: raw.start, ruleId: "config-schema", unknownKeyHint: configKeyHint });
  const fields = result.success ? result.data : acceptedFields(raw.value, new Set(result.error.issues.map((issue) => issue.path[0])));
  const problems = [
    ...schemaProblems,
    ...(locales === undefined ? [] : configLanguageProblems(file, fields, locales, raw.locate, raw.start)),
    ...missingPublicFiles(root, file, fields, raw),
  ];
  if (problems.length > 0 || !result.success) throw new ContentError(problems);
  const data = result.data;
  const url = siteUrl(overrides.url ?? data.url);
  const publishedBasePath = publishedBase(url, overrides.base, overrides.url === undefined ? file : undefined);
  const components = [...new Set([...DEFAULT_COMPONENTS, ...data.components])];
  return {
    root,
    title: data.title,
    description: data.description,
    origin: url.origin,
    basePath: overrides.serveAt === undefined ? publishedBasePath : normalizeBasePath(overrides.serveAt),
    publishedBasePath,
    lang: data.lang,
    authors: data.authors,
    components,
    componentNames: Object.fromEntries(components.map((name) => [name, data.componentNames[name] ?? DEFAULT_COMPONENT_NAMES[name] ?? name])),
    image: data.image ?? "",
    favicon: data.favicon ?? "",
    search: data.search,
    redirects: data.redirects,
    searchShardSize: data.searchShardSize,
    feedItems: data.feedItems,
    feedIdBase: data.feedIdBase === undefined ? url.origin + publishedBasePath : new URL(normalizeBasePath(new URL(data.feedIdBase).pathname), data.feedIdBase).href,
    email: { ...emailConfig(data.email), files: data.email.files },
    limits: data.limits,
    languages: Object.fromEntries(Object.entries(data.languages).map(([code, own]) => [code, { ...own, email: own.email === undefined ? undefined : emailConfig(own.email) }])),
    ignoreWarnings: data.ignoreWarnings,
    timeZone: data.timeZone,
    source: text ?? "",
    file: text === undefined ? "" : file,
    urlGiven: overrides.url !== undefined || hasKey(raw.value, "url"),
    urlLeftOut: addressLeftOut(url, overrides.url === undefined ? { file, place: raw.locate(["url"], "value") } : { file: "--url", place: undefined }),
    redirectsPlace: raw.locate(["redirects"], "value"),
  };
}

function hasKey(value: unknown, key: string): boolean {
  return value !== null && typeof value === "object" && Object.hasOwn(value, key);
}

interface RawConfig {
  value: unknown;
  messages: VFileMessage[];
  locate: (p: readonly PropertyKey[], prefer: "key" | "value") => ReturnType<typeof placeOfPath>;
  start: { line: number; column: number };
}

/**
 * `--base` is a path. A whole URL there went into every link after the
 * site's own address (https://example.org/https://example.org/repo/), and
 * ".." was dropped without a word; each is refused with what to write.
 */
function basePathOption(base: string): string {
  const folder = pageFolder(base.trim());
  const why = hasScheme(base.trim())
    ? "--base is the path the site is served under, such as /repo/; to change the site's address, pass the whole URL with --url"
    : base.split("/").some((part) => part === ".." || part === ".")
      ? '--base cannot hold "." or ".." folders; write the path from the site\'s address, such as /repo/'
      : folder !== undefined
        ? `--base is the folder the site is served under, not a page in it; write --base ${folder}`
        : undefined;
  if (why !== undefined) throw new UsageError(`${why}, found ${JSON.stringify(base)}`);
  return base;
}

/**
 * The base path of the published site: --base, else the path of the site's
 * address. Given both with different paths (url https://example.org/news/,
 * --base /other/), every link and canonical URL went to /other/ while the
 * address said /news/, without a word; that is refused, naming both. An
 * address with no path (https://user.github.io/) leaves the path to --base.
 */
function publishedBase(url: URL, base: string | undefined, configFile: string | undefined): string {
  const fromUrl = normalizeBasePath(url.pathname);
  if (base === undefined) return fromUrl;
  const given = normalizeBasePath(basePathOption(base));
  if (fromUrl === "/" || given === fromUrl) return given;
  const moved = new URL(given, url.origin).href;
  const why = `--base ${given} is not the path of the site's address ${url.href} (${configFile === undefined ? "--url" : `"url" in ${configFile}`}), which says the site is served under ${fromUrl}`;
  const fix = configFile === undefined
    ? `give --url and --base the same path (--url ${moved}), or leave out --base`
    : `leave out --base, or, if the site is served under ${given} now, change "url" in ${configFile} to ${moved} (or pass --url ${moved})`;
  throw new UsageError(`${why}; ${fix}`);
}

/**
 * A malformed --url, like a malformed --base, is a mistake in the command
 * line, not in the content: it is a usage error (exit 2), as every other bad
 * flag value is. As a content error it exited 1 and said "nothing was
 * written" as a site's problems do, so CI scripts read it as a broken issue.
 * (The config's own "url" is checked by its schema, with file and line.)
 */
function siteUrl(text: string): URL {
  const parsed = URL.canParse(text) ? new URL(text) : undefined;
  if (!parsed || !/^https?:$/.test(parsed.protocol)) {
    throw new UsageError(`--url must be an absolute http(s) URL such as https://user.github.io/repo/, found ${JSON.stringify(text)}`);
  }
  const folder = pageFolderUrl(parsed);
  if (folder !== undefined) throw new UsageError(`--url ${text} is the address of a page, and the site's address is the folder it is published in: write --url ${folder}`);
  return parsed;
}

function readJson(file: string, text: string, prefix: PropertyKey[]): RawConfig {
  const lines = new LineCounter();
  // JSON is YAML 1.2 flow syntax, and `yaml` keeps node ranges for messages.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const locate = (p: readonly PropertyKey[], prefer: "key" | "value") => placeOfPath(doc, lines, [...prefix, ...p], 0, prefer);
  const start = placeOfPath(doc, lines, prefix, 0, "key") ?? { line: 1, column: 1 };
  const messages = jsonSyntaxProblems(file, text, doc, "this file", "config-syntax");
  let value: unknown = wellFormed(doc.toJS());
  for (const key of prefix) value = (value as Record<PropertyKey, unknown> | null)?.[key];
  return { value: value ?? {}, messages, locate, start };
}
