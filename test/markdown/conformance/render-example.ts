import { DEFAULT_COMPONENTS } from "../../../src/config.js";
import { createIssueRenderer } from "../../../src/content/render-issue.js";

const FRONT_MATTER = "---\ntitle: spec\nissue: 1\ndate: 2011-04-01\n---\n";
const render = createIssueRenderer({ components: DEFAULT_COMPONENTS, languages: ["ja", "en"], defaultLang: "ja", basePath: "/" });

/** One spec example through the real per-issue pipeline (front matter, Markdown, blocks, sanitiser): its body HTML, or the messages. */
export function renderExample(markdown: string): { html: string } | { messages: string[] } {
  const result = render("content/issues/2011/spec.md", new TextEncoder().encode(FRONT_MATTER + markdown));
  return result.ok ? { html: result.value.body.html } : { messages: result.messages.map((m) => `${m.line}:${m.column} ${m.reason}`) };
}
