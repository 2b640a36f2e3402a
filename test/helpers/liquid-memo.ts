import { loadLocales } from "../../src/render/locale.js";
import { issueCard, type IssueCard, type ViewContext } from "../../src/render/views.js";
import type { SiteIssue } from "../../src/site/model.js";
import { routesIn } from "../../src/site/urls.js";

/** What the memo tests of partials and loops share: gekkan's locales, a Japanese view, the locale strings named as a build names them. */
export const locales = loadLocales(undefined);
const jaLocale = locales.get("ja");
if (jaLocale === undefined) throw new Error("test bug: no ja locale");
export const ja = jaLocale;
export const view: ViewContext = { basePath: "/sub/", today: "2026-12-02", lang: "ja", locale: ja, languageName: (lang) => lang, routes: routesIn("ja", "ja"), componentNames: {} };
export const known = new Map([...locales].map(([code, locale]) => [locale.pack.strings as object, `=locale:${code}`]));

/** A card as a list shows it, made by gekkan's own issueCard (a view's data) from a few facts. */
export function cardOf(f: { title: string; date: string; number: number }): IssueCard {
  const entry = {
    route: `issues/${f.number}/`, versions: [],
    issue: { number: f.number, title: f.title, summary: "", date: f.date, lang: "ja", tags: [], authors: [], draft: false },
    body: { cjkChars: 0, words: 10 },
  } as unknown as SiteIssue;
  return issueCard(entry, view);
}

/** The page's HTML as UTF-8, or the message of the error Liquid stopped with (a strict variable left out): both must match. */
export function outcome(render: () => string | Uint8Array): string {
  try {
    const html = render();
    return `ok ${Buffer.from(typeof html === "string" ? Buffer.from(html, "utf8") : html).toString("base64")}`;
  } catch (error) {
    return `error ${(error as Error).message}`;
  }
}
