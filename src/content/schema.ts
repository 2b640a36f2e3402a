import { z } from "zod";
import { suggest } from "../suggest.js";
import { SLUG_MAX_LENGTH } from "./limits.js";

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * True for a real (proleptic Gregorian) calendar day: 2011-02-30 is not one.
 * Plain arithmetic: `Date.UTC` maps years 0–99 to 1900–1999.
 */
export function isCalendarDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  return days !== undefined && d >= 1 && d <= days;
}

/**
 * A calendar day written YYYY-MM-DD, judged once: a wrong shape
 * (2011/07/01, a time, a five-digit year) is one problem, not also "that
 * day does not exist". Year 0000 is refused: no calendar counts from it.
 */
export const calendarDate = z.string().superRefine((text, ctx) => {
  if (!ISO_DATE.test(text)) {
    const hint = /^\d{4}-\d{2}-\d{2}[T ]/.test(text) ? " (write the day only, without a time)" : "";
    ctx.addIssue({ code: "custom", message: "", params: { hint }, input: text });
  } else if (text.startsWith("0000-")) {
    ctx.addIssue({ code: "custom", message: "there is no year 0000; years start at 0001", input: text });
  } else if (!isCalendarDate(text)) {
    ctx.addIssue({ code: "custom", message: "that day does not exist in the calendar", input: text });
  }
});

/**
 * A component name from the config. A near miss gets "did you mean …?";
 * only when nothing is close does the message point at the config.
 */
export function componentName(components: readonly string[]) {
  return z.string().superRefine((name, ctx) => {
    if (components.includes(name)) return;
    const best = suggest(name, components);
    const hint = best !== undefined
      ? ` — did you mean "${best}"?`
      : ` (not a known component: the known ones are ${components.join(", ")}; to use a new one, add it to "components" in gekkan.config.json)`;
    ctx.addIssue({ code: "custom", message: "", params: { hint }, input: name });
  });
}

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
    summary: "a string",
    tags: "a list of component names",
    draft: "true or false",
    lang: `one of ${context.languages.join(", ")}`,
    slug: `lowercase letters, digits and single hyphens, at most ${SLUG_MAX_LENGTH} characters (e.g. 2011-04-special)`,
    authors: "a list of names",
  };
}

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
  const component = componentName(context.components);
  return z.strictObject({
    title: z.string().trim().min(1),
    issue: z.number().int().positive(),
    date: calendarDate,
    summary: z.string().optional(),
    tags: z.array(component).default([]),
    draft: z.boolean().default(false),
    lang: z.string().refine((lang) => context.languages.includes(lang), { message: "no locale pack has that name" }).optional(),
    slug: slug.optional(),
    authors: z.array(z.string().trim().min(1)).default([]),
  });
}

/** A slug becomes a folder name in the output: one message whether it is malformed or too long. */
export const slug = z.string().superRefine((text, ctx) => {
  if (!SLUG.test(text) || text.length > SLUG_MAX_LENGTH) ctx.addIssue({ code: "custom", message: "", params: { hint: "" }, input: text });
});

export type FrontMatterData = z.infer<ReturnType<typeof buildFrontMatterSchema>>;
