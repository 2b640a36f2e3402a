import type { VFileMessage } from "vfile-message";
import { warning } from "../diagnostics.js";

type Place = { line: number; column: number } | undefined;

/** The primary language subtag of a locale tag ("en" of "en-US"), lower-cased. */
function languageOf(tag: string): string {
  return tag.split(/[-_]/)[0]?.toLowerCase() ?? "";
}

/** `lang` named by `inLocale`'s ICU names, or undefined when ICU has none. */
function nameOf(lang: string, inLocale: string): string | undefined {
  try {
    return new Intl.DisplayNames([inLocale], { type: "language", fallback: "none" }).of(lang);
  } catch {
    return undefined;
  }
}

/** A day as `intl` writes it, to show the reader's pages' dates in the message. */
function dayIn(intl: string): string {
  return new Intl.DateTimeFormat(intl, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" }).format(new Date(Date.UTC(2011, 3, 1)));
}

/**
 * A site's own pack for a language gekkan has none of (`fr.json`) whose
 * `intl` is another language's: copied from en.json, as the README says to
 * start one, with `intl` (and often `name`) left as they were. Its pages
 * said `lang="fr"` but dated every issue in English ("April 1, 2011"), and
 * the language switch offered "English" twice, once for French. A tag whose
 * language ICU cannot name in itself (a code of the site's own) is left
 * alone: there is nothing better to suggest.
 */
export function copiedPackWarning(file: string, code: string, pack: { intl: string; name: string }, places: { intl: Place; name: Place }, others: ReadonlyMap<string, string>): VFileMessage | undefined {
  const own = languageOf(code);
  const used = languageOf(pack.intl);
  const ownName = nameOf(own, code);
  const usedName = nameOf(used, "en") ?? used;
  if (ownName === undefined || nameOf(own, "en") === undefined) return undefined;
  if (own === used) return namedAsAnother(file, code, pack.name, menuNameOf(ownName, code), places.name, others);
  const sameName = pack.name.toLowerCase() === (nameOf(used, pack.intl) ?? "").toLowerCase();
  const menuName = menuNameOf(ownName, code);
  const named = sameName ? `, and "name": ${JSON.stringify(pack.name)} names ${code} so in the language switch` : "";
  const fix = sameName ? `write "intl": ${JSON.stringify(code)} and "name": ${JSON.stringify(menuName)}` : `write "intl": ${JSON.stringify(code)}`;
  const reason = `"intl": ${JSON.stringify(pack.intl)} is ${usedName}, not ${code}: the ${code} pages show their dates in ${usedName} (${JSON.stringify(dayIn(pack.intl))}, not ${JSON.stringify(dayIn(code))})${named}; this pack was most likely copied from ${used}.json: ${fix}`;
  return warning(file, reason, places.intl ?? { line: 1, column: 1 }, "locale-language");
}

/** Capitalised as a menu item is, "Français" (ICU writes it as running text does, "français"). */
function menuNameOf(name: string, code: string): string {
  return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
}

/**
 * The pack's `name` is the one another pack (`others`: code → name) gives its
 * own language: the language switch offers both under that one name
 * ("English" twice, one leading to the French pages).
 */
function namedAsAnother(file: string, code: string, name: string, menuName: string, place: Place, others: ReadonlyMap<string, string>): VFileMessage | undefined {
  const other = [...others].find(([otherCode, otherName]) => otherCode !== code && otherName.toLowerCase() === name.toLowerCase())?.[0];
  if (other === undefined) return undefined;
  const reason = `"name": ${JSON.stringify(name)} is the name ${other}.json gives its own language: the language switch offers ${JSON.stringify(name)} twice, one of them leading to the ${code} pages; this pack was most likely copied from ${other}.json: write "name": ${JSON.stringify(menuName)}`;
  return warning(file, reason, place ?? { line: 1, column: 1 }, "locale-language");
}
