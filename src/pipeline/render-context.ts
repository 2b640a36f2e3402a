import type { RenderContext } from "../content/render-issue.js";

/** The context as a key, field by field, so key order in the caller's object never matters. */
export function contextKey(context: RenderContext): string {
  return JSON.stringify([context.components, context.languages, context.defaultLang, context.basePath, context.limits ?? null]);
}

/** Structured clone copies only plain data; the context may carry readonly arrays from the config. */
export function plainContext(context: RenderContext): RenderContext {
  return { components: [...context.components], languages: [...context.languages], defaultLang: context.defaultLang, basePath: context.basePath, ...(context.limits ? { limits: { ...context.limits } } : {}) };
}
