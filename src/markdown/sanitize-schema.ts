import { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";

/**
 * GitHub's sanitisation rules (the default), plus the placeholder attributes
 * gekkan's own blocks use. Their values carry a secret token, so an author's
 * raw `<div data-gekkan-block>` cannot stand in for a real block.
 */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  // Dropped elements keep their text; for <style> that text is CSS, not prose.
  strip: [...(defaultSchema.strip ?? []), "style"],
  attributes: {
    ...defaultSchema.attributes,
    div: [...(defaultSchema.attributes?.div ?? []), "dataGekkanBlock", "dataGekkanPart"],
  },
  protocols: anyCase(defaultSchema.protocols ?? {}),
};

/**
 * URL schemes are case-insensitive (`HTTPS://…`, `MAILTO:…` are the same
 * links), but the sanitiser compares them exactly. Listing every spelling of
 * each allowed scheme keeps the sanitiser's own check and the author's URL
 * as written, instead of rewriting URLs or re-implementing the check.
 */
function anyCase(protocols: Record<string, string[] | null | undefined>): Record<string, string[]> {
  return Object.fromEntries(Object.entries(protocols).map(([key, list]) => [key, (list ?? []).flatMap(spellings)]));
}

function spellings(scheme: string): string[] {
  let out = [""];
  for (const c of scheme.toLowerCase()) {
    const upper = c.toUpperCase();
    out = out.flatMap((prefix) => (upper === c ? [prefix + c] : [prefix + c, prefix + upper]));
  }
  return out;
}
