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
};
