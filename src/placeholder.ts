/**
 * A template placeholder (`{{ name }}`, `{% tag %}`: Liquid, Jinja,
 * Mustache and Hugo all write them so) left in an author's text. gekkan
 * runs no template over what authors write, so a reader would see the
 * braces: one rule for front matter and Markdown alike.
 */
const PLACEHOLDER = /\{\{[^\n]{0,200}?\}\}|\{%[^\n]{0,200}?%\}/;

/** The first placeholder in `text`, as written, or undefined. */
export function findPlaceholder(text: string): string | undefined {
  return PLACEHOLDER.exec(text)?.[0];
}

/** What to tell the author about `found`, in a body text or a front-matter field. */
export function placeholderAdvice(found: string, where: "text" | { field: string }): string {
  const shown = found.length > 60 ? `${found.slice(0, 57)}…` : found;
  if (where === "text") {
    return `"${shown}" looks like a template placeholder left in the text: gekkan fills in nothing here, so readers would see the braces; write the words it stands for, or, to show the braces on purpose, put them in code (\`${shown}\`) (a draft may keep it: draft: true)`;
  }
  return `${where.field} holds "${shown}", which looks like a template placeholder: gekkan fills in nothing in front matter, so readers would see the braces in the page, feeds and emails; write the real ${where.field} (a draft may keep it: draft: true)`;
}
