import type { VFileMessage } from "vfile-message";
import { diagnostic } from "../diagnostics.js";
import { nameLanguage } from "../content/language-suffix.js";
import { namedOriginalsIn } from "./originals.js";
import { NUMBERLESS_TRANSLATION, numberlessReason } from "../content/numberless-translation.js";
import type { Known } from "./collect-problems.js";

/**
 * A translation without `issue:` (flagged as its file was read,
 * content/numberless-translation.ts), once every file is read: when its
 * name points to an original that gives its number (2011-04.en.md beside
 * 2011-04.md, issue 4), the message says which number to write, in the
 * words of a number copied wrong (translationNumberSlips). Otherwise it
 * stays as flagged. Not stored with the file's own messages: the number
 * is the original's, which can change while this file does not.
 */
export function numberlessTranslations(messages: readonly VFileMessage[], known: readonly Known[], siteLang: string, languages: readonly string[]): VFileMessage[] {
  // Every build's parse stage calls this: the originals are looked up only when a message asks.
  if (!messages.some((m) => m.ruleId === NUMBERLESS_TRANSLATION)) return [...messages];
  const namedOriginal = namedOriginalsIn(known, siteLang);
  return messages.map((m) => {
    if (m.ruleId !== NUMBERLESS_TRANSLATION || m.file === undefined) return m;
    const lang = nameLanguage(m.file, languages);
    const original = lang === undefined ? undefined : namedOriginal(m.file, lang);
    if (original === undefined) return m;
    const { number } = original.issue;
    const reason = numberlessReason(`this file is named for the ${lang} translation of ${original.issue.file}, issue ${number}; add issue: ${number}`);
    return diagnostic(m.file, reason, { line: m.line ?? 1, column: m.column ?? 1 }, NUMBERLESS_TRANSLATION);
  });
}
