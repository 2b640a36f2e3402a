import type { VFileMessage } from "vfile-message";
import { diagnostic, type Place } from "./diagnostics.js";
import { noLocalePack } from "./language-name.js";

export interface ConfigLanguages {
  lang: string;
  languages: Readonly<Record<string, unknown>>;
}

/**
 * The config's `lang` and the keys of `languages` each need a locale pack
 * (`known`: gekkan's and the site's own). One located message each, with
 * "did you mean" for `JA`, `jp` or `japanese`; the site's own language under
 * `languages` is a mistake too, since the config's title is already in it.
 */
export function configLanguageProblems(file: string, config: ConfigLanguages, known: readonly string[], locate: (path: readonly PropertyKey[], prefer: "key" | "value") => Place | undefined, start: Place): VFileMessage[] {
  const problems: VFileMessage[] = [];
  const unknown = (code: string) => noLocalePack(code, known);
  if (!known.includes(config.lang)) {
    problems.push(diagnostic(file, `config field "lang": ${unknown(config.lang)}`, locate(["lang"], "value") ?? start, "config-schema"));
  }
  for (const code of Object.keys(config.languages)) {
    if (known.includes(code) && code !== config.lang) continue;
    const why = code === config.lang ? ownLanguage(code) : unknown(code);
    problems.push(diagnostic(file, `config field "languages": ${why}`, locate(["languages", code], "key") ?? start, "config-schema"));
  }
  return problems;
}

/**
 * The site's own language listed under `languages`: what it would set is
 * the config's own, at the top, which the author may not know, so the
 * message says where each of its settings goes, and the other way out (the
 * site written in another language) too.
 */
function ownLanguage(code: string): string {
  return `"${code}" is the site's own language ("lang": "${code}"), whose title, description, authors and email are the config's own "title", "description", "authors" and "email": move what its entry sets to those and remove "${code}" from "languages" (which lists only the languages issues are translated into), or, if the site is written in another language, set "lang" to that`;
}
