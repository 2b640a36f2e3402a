/**
 * A template placeholder (`{{ name }}`, `{% tag %}`: Liquid, Jinja,
 * Mustache and Hugo all write them so) left in an author's text. gekkan
 * runs no template over what authors write, so a reader would see the
 * braces: one rule for front matter and Markdown alike. A placeholder may
 * run over a line break (a paragraph wrapped inside it), never far.
 */
/** The rule id of a placeholder left in, in front matter or body: the one a draft is spared. */
export const PLACEHOLDER_RULE = "template-placeholder";

// Mustache's triple braces (unescaped output) first, so the message quotes all three closing braces. Global: for matchAll.
export const PLACEHOLDER = /\{\{\{[^]{0,200}?\}\}\}|\{\{[^]{0,200}?\}\}|\{%[^]{0,200}?%\}/g;

/** Every placeholder in `text`, as written, in order. */
export function findPlaceholders(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[0]);
}

/** What to tell the author about `found`, in a body text or a front-matter field. */
export function placeholderAdvice(found: string, where: "text" | { field: string }): string {
  const flat = found.replace(/\s+/g, " ");
  const shown = flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
  if (where === "text") {
    return `"${shown}" looks like a template placeholder left in the text: gekkan fills in nothing here, so readers would see the braces; write the words it stands for, or, to show the braces on purpose, put them in code (\`${shown}\`) (a draft may keep it: draft: true)`;
  }
  return `${where.field} holds "${shown}", which looks like a template placeholder: gekkan fills in nothing in front matter, so readers would see the braces in the page, feeds and emails; write the real ${where.field} (a draft may keep it: draft: true)`;
}
