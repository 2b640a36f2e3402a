import { z } from "zod";
import { calendarDate } from "../calendar.js";

export { calendarDate, isCalendarDate } from "../calendar.js";

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
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
    tags: `a list of component names (${context.components.join(", ")})`,
    draft: "true or false",
    lang: `one of ${context.languages.join(", ")}`,
    slug: "lowercase letters, digits and single hyphens (e.g. 2011-04-special)",
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
  const component = z.string().refine((name) => context.components.includes(name), { message: "not a known component; add it to `components` in gekkan.config.json" });
  return z.strictObject({
    title: z.string().trim().min(1),
    issue: z.number().int().positive(),
    date: calendarDate,
    summary: z.string().optional(),
    tags: z.array(component).default([]),
    draft: z.boolean().default(false),
    lang: z.string().refine((lang) => context.languages.includes(lang), { message: "no locale pack has that name" }).optional(),
    slug: z.string().regex(SLUG).optional(),
    authors: z.array(z.string().trim().min(1)).default([]),
  });
}

export type FrontMatterData = z.infer<ReturnType<typeof buildFrontMatterSchema>>;
