import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import type { VFileMessage } from "vfile-message";
import { ContentError, diagnostic } from "./diagnostics.js";
import { placeOfPath } from "./content/yaml-place.js";
import { slug } from "./content/schema.js";
import { controlsInData } from "./content/front-matter-controls.js";
import { reportSchemaIssues } from "./schema-report.js";
import { LIMIT_EXPECTATIONS, limitsSchema, SLUG_MAX_LENGTH, type ContentLimits } from "./content/limits.js";

/** Components the Linux-HA series talks about; sites extend it in config. */
export const DEFAULT_COMPONENTS = [
  "pacemaker", "corosync", "heartbeat", "drbd", "drbd-mc", "resource-agents", "cluster-glue",
  "rgmanager", "python-gui", "hawk", "pacemaker-cloud", "linux-ha", "stonith",
] as const;

export const CONFIG_FILE = "gekkan.config.json";

const configSchema = z.strictObject({
  title: z.string().trim().min(1).default("gekkan"),
  description: z.string().default(""),
  url: z.url({ protocol: /^https?$/ }).default("http://localhost/"),
  lang: z.string().default("ja"),
  authors: z.array(z.string().trim().min(1)).default([]),
  components: z.array(slug).default([]),
  search: z.boolean().default(true),
  searchShardSize: z.number().int().positive().default(500),
  feedItems: z.number().int().positive().default(20),
  limits: limitsSchema,
});

const expectations: Record<string, string> = {
  title: "a non-empty string (the newsletter's name)",
  description: "a string",
  url: "an absolute http(s) URL where the site is published, e.g. https://user.github.io/repo/",
  lang: "a locale code such as ja or en",
  authors: "a list of names",
  components: `a list of extra component names (lowercase letters, digits, hyphens; at most ${SLUG_MAX_LENGTH} characters)`,
  search: "true or false (build the Pagefind search index)",
  searchShardSize: "a positive whole number (issues per search index part)",
  feedItems: "a positive whole number (issues per feed)",
  limits: "an object of content limits (issueBytes, frontMatterBytes, frontMatterKeys, nestingDepth, yamlAliases, inlineMarkers)",
  ...Object.fromEntries(Object.entries(LIMIT_EXPECTATIONS).map(([key, text]) => [`limits.${key}`, text])),
};

export interface SiteConfig {
  /** Absolute site root: content/, templates/, public/ live under it. */
  root: string;
  title: string;
  description: string;
  /** Origin, e.g. "https://user.github.io". */
  origin: string;
  /** Always starts and ends with "/": "/" or "/repo/". */
  basePath: string;
  lang: string;
  authors: string[];
  components: string[];
  search: boolean;
  /** Issues per Pagefind index part: an edit re-indexes one part, and indexing memory stays one part's worth. */
  searchShardSize: number;
  feedItems: number;
  /** How large and deep one issue may be (see content/limits.ts). */
  limits: ContentLimits;
  /** Where the config came from, for messages and cache keys. */
  source: string;
}

export interface ConfigOverrides {
  base?: string | undefined;
  /** Replaces the config `url` (e.g. the URL GitHub Pages reports). */
  url?: string | undefined;
}

/** Normalises a base path: "repo" / "/repo" / "/repo/" → "/repo/". */
export function normalizeBasePath(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, "");
  return trimmed === "" ? "/" : `/${trimmed}/`;
}

/**
 * Reads `gekkan.config.json`, or the "gekkan" key of package.json, and
 * validates it with located messages. Throws ContentError on author mistakes.
 */
export function loadConfig(root: string, overrides: ConfigOverrides = {}): SiteConfig {
  const own = join(root, CONFIG_FILE);
  const pkg = join(root, "package.json");
  let file = CONFIG_FILE;
  let text: string | undefined;
  let path: PropertyKey[] = [];
  if (existsSync(own)) {
    text = readFileSync(own, "utf8").replace(/^\uFEFF/, "");
  } else if (existsSync(pkg)) {
    const pkgText = readFileSync(pkg, "utf8");
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
  if (!result.success) {
    throw new ContentError(reportSchemaIssues(result.error, {
      file, noun: "config field", expectations, locate: raw.locate, start: raw.start, ruleId: "config-schema",
    }));
  }
  const data = result.data;
  const url = siteUrl(overrides.url ?? data.url);
  return {
    root,
    title: data.title,
    description: data.description,
    origin: url.origin,
    basePath: normalizeBasePath(overrides.base ?? url.pathname),
    lang: data.lang,
    authors: data.authors,
    components: [...new Set([...DEFAULT_COMPONENTS, ...data.components])],
    search: data.search,
    searchShardSize: data.searchShardSize,
    feedItems: data.feedItems,
    limits: data.limits,
    source: text ?? "",
  };
}

interface RawConfig {
  value: unknown;
  messages: VFileMessage[];
  locate: (p: readonly PropertyKey[], prefer: "key" | "value") => ReturnType<typeof placeOfPath>;
  start: { line: number; column: number };
}

function siteUrl(text: string): URL {
  const parsed = URL.canParse(text) ? new URL(text) : undefined;
  if (!parsed || !/^https?:$/.test(parsed.protocol)) {
    throw new ContentError([diagnostic("--url", `expected an absolute http(s) URL such as https://user.github.io/repo/, found ${JSON.stringify(text)}`, undefined, "config-url")]);
  }
  return parsed;
}

function readJson(file: string, text: string, prefix: PropertyKey[]): RawConfig {
  const lines = new LineCounter();
  // JSON is YAML 1.2 flow syntax, and `yaml` keeps node ranges for messages.
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const locate = (p: readonly PropertyKey[], prefer: "key" | "value") => placeOfPath(doc, lines, [...prefix, ...p], 0, prefer);
  const start = placeOfPath(doc, lines, prefix, 0, "key") ?? { line: 1, column: 1 };
  const messages = doc.errors.map((error) => {
    const pos = lines.linePos(error.pos[0]);
    return diagnostic(file, `invalid JSON: ${error.message.split("\n")[0]}`, { line: pos.line, column: pos.col }, "config-syntax");
  });
  let value: unknown = doc.toJS();
  for (const key of prefix) value = (value as Record<PropertyKey, unknown> | null)?.[key];
  return { value: value ?? {}, messages, locate, start };
}
