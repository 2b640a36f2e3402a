import { z } from "zod";
import { calendarDate } from "../calendar.js";
import { componentName } from "../component-name.js";
import { deviceNameHint, isDeviceName } from "../windows-name.js";
import { SLUG_MAX_LENGTH } from "../limits.js";
import { didYouMeanLanguage, noLocalePack } from "../language-name.js";
import { asSuggestion, didYouMean } from "../suggest.js";
import { idForm } from "../id-form.js";
import { authorList } from "../author-names.js";
import { ISSUE_WARNING_KINDS, WARNING_KINDS } from "../warning-kinds.js";

export { calendarDate, isCalendarDate } from "../calendar.js";
export { componentName } from "../component-name.js";

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** What a slug is, in the words messages use: the front matter's `slug` and `gekkan new --slug` say it alike. */
export const SLUG_EXPECTATION = `lowercase letters, digits and single hyphens, at most ${SLUG_MAX_LENGTH} characters (e.g. 2011-04-special)`;
export interface SchemaContext {
  components: readonly string[];
  languages: readonly string[];
}

/** Field → what a valid value looks like, in the words error messages use. */
export function frontMatterExpectations(context: SchemaContext): Record<string, string> {
  return {
    title: "a non-empty string",
    issue: "a positive whole number (the issue number, e.g. 12)",
    date: "a calendar date written YYYY-MM-DD (e.g. 2011-04-01)",
    updated: "the day the issue was last corrected in a way readers should know of, YYYY-MM-DD, on or after its date (e.g. 2011-04-20)",
    summary: "a string",
    tags: "a list of component names",
    draft: "true or false",
    lang: `one of ${context.languages.join(", ")}`,
    slug: SLUG_EXPECTATION,
    authors: "a list of names",
    aliases: `a list of the slugs this issue was published under before (e.g. [2011-04]), each ${SLUG_MAX_LENGTH} characters at most of lowercase letters, digits and single hyphens`,
    ignoreWarnings: `a list of kinds of warning not to show for this issue: ${ISSUE_WARNING_KINDS.join(", ")}`,
  };
}

/**
 * Names other generators (Hugo, Jekyll, Eleventy) and plain English give the
 * fields, too far in spelling from gekkan's for "did you mean" to find them:
 * an author bringing issues over, or writing a translation, types these.
 */
export const FRONT_MATTER_SYNONYMS: Readonly<Record<string, string>> = {
  language: "lang",
  locale: "lang",
  translator: "authors",
  translators: "authors",
  writer: "authors",
  by: "authors",
  description: "summary",
  excerpt: "summary",
  categories: "tags",
  keywords: "tags",
  number: "issue",
  no: "issue",
  published: "date",
  pubdate: "date",
  // Hugo's, Jekyll's (jekyll-last-modified-at) and plain words for the day of a correction.
  lastmod: "updated",
  last_modified_at: "updated",
  modified: "updated",
  corrected: "updated",
  permalink: "slug",
  url: "slug",
  // Hugo's name for the same thing, and Jekyll's (jekyll-redirect-from).
  alias: "aliases",
  redirect_from: "aliases",
  redirects: "aliases",
};

/**
 * The front-matter schema. Pure: it depends only on the context (known
 * components and locales from config), never on the file system.
 */
export function frontMatterSchema(context: SchemaContext) {
  let schema = schemas.get(context);
  if (!schema) {
    schema = buildFrontMatterSchema(context);
    schemas.set(context, schema);
  }
  return schema;
}

// Building a zod schema costs more than using it; one per context is enough.
const schemas = new WeakMap<SchemaContext, ReturnType<typeof buildFrontMatterSchema>>();

function buildFrontMatterSchema(context: SchemaContext) {
  const component = componentName(context.components, { inList: true });
  return z.strictObject({
    title: z.string().trim().min(1),
    issue: z.number().int().positive(),
    date: calendarDate,
    updated: calendarDate.optional(),
    summary: z.string().optional(),
    tags: z.array(component).default([]),
    draft: z.boolean().default(false),
    lang: language(context.languages).optional(),
    slug: slug.optional(),
    authors: authorList("YAML", (names) => `authors: [${names.map(yamlItem).join(", ")}]`).default([]),
    aliases: z.array(publishedSlug).default([]),
    ignoreWarnings: z.array(issueWarningKind).default([]),
  });
}

/** A name as an item of a YAML flow list, in quotes when a comma, bracket, colon or quote in it would part or end the item. */
function yamlItem(name: string): string {
  return /[,[\]{}:#"'&*!|>%@`]/.test(name) ? JSON.stringify(name) : name;
}

/** A kind of warning an issue can stop for itself; one about public/ belongs in the config. */
const issueWarningKind = z.string().superRefine((kind, ctx) => {
  if (ISSUE_WARNING_KINDS.includes(kind)) return;
  const hint = kind in WARNING_KINDS ? `; ${kind} is about public/, not an issue: list it in gekkan.config.json's "ignoreWarnings"` : didYouMean(kind, ISSUE_WARNING_KINDS);
  ctx.addIssue({ code: "custom", message: "", params: { hint }, input: kind });
});

/** A language with a locale pack; `JA`, `jp` or `japanese` gets "did you mean "ja"?". */
function language(languages: readonly string[]) {
  return z.string().superRefine((lang, ctx) => {
    if (languages.includes(lang)) return;
    // "did you mean" as every field has it; otherwise the config's and gekkan new's words, the codes being listed already.
    const hint = didYouMeanLanguage(lang, languages) || `; ${noLocalePack(lang, languages, true)}`;
    ctx.addIssue({ code: "custom", message: "", params: { hint }, input: lang });
  });
}

/**
 * A name an address was published under: one message whether it is malformed
 * or too long. An alias records an address readers already have, so a name
 * only some file systems refuse (see slug) stays allowed here.
 */
export const publishedSlug = z.string().superRefine((text, ctx) => {
  if (!isSlug(text)) ctx.addIssue({ code: "custom", message: "", params: { hint: slugHint(text) }, input: text });
});

/** A slug or component name becomes a folder name in the output, on every system the site is built or checked out on. */
export const slug = z.string().superRefine((text, ctx) => {
  if (!isSlug(text)) ctx.addIssue({ code: "custom", message: "", params: { hint: slugHint(text) }, input: text });
  else if (isDeviceName(text)) ctx.addIssue({ code: "custom", message: "", params: { hint: deviceNameHint(text) }, input: text });
});

/**
 * Why `text` cannot be an issue's slug, or undefined when it can: the build's
 * own check (the `slug` schema above), for a slug given anywhere but the
 * front matter (`gekkan new --slug`), so the two never disagree.
 */
export function slugProblem(text: string): string | undefined {
  const result = slug.safeParse(text);
  if (result.success) return undefined;
  const hint = (result.error.issues[0] as { params?: { hint?: unknown } } | undefined)?.params?.hint;
  return `a slug is ${SLUG_EXPECTATION}${typeof hint === "string" ? hint : ""}`;
}

function isSlug(text: string): boolean {
  return SLUG.test(text) && text.length <= SLUG_MAX_LENGTH;
}

/**
 * "Pacemaker" for "pacemaker": hosts that tell case apart make it another
 * address from the one a reader types, and file systems that do not (macOS,
 * Windows) one file with a page that differs only in case. "My_Slug" or
 * "my slug" gets the slug it most likely means, as a component name does
 * (idForm): one rule for a slug and an alias.
 */
function slugHint(text: string): string {
  const meant = idForm(text);
  if (meant === text || !isSlug(meant) || isDeviceName(meant)) return "";
  return meant === text.toLowerCase() ? `; write it in lower case: "${meant}"` : asSuggestion(meant);
}

export type FrontMatterData = z.infer<ReturnType<typeof buildFrontMatterSchema>>;
