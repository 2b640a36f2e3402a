import type { VFileMessage } from "vfile-message";
import { diagnostic } from "../diagnostics.js";
import { fieldName } from "../schema-report.js";
import { nameLanguage } from "./language-suffix.js";

/** The rule id of a translation without `issue:`: the parse stage, which has read every file, names the number to write (site/numberless-translations.ts). */
export const NUMBERLESS_TRANSLATION = "translation-number-missing";

/** What the reason of a missing `issue:` starts with (schema-report.ts writes it). */
const MISSING_NUMBER = `missing required front matter field ${fieldName(["issue"])}`;

/**
 * A translation without `issue:`: the generic "expected a positive whole
 * number (e.g. 12)" sends its author off to find one, when it can only be
 * its original's. This file alone cannot tell that number, so the message
 * says what holds without it, under its own rule id; with every file read,
 * the number is named (numberlessTranslations). A translation is a file
 * whose `lang`, or whose name's language, is not the site's.
 */
export function markNumberlessTranslation(messages: VFileMessage[], file: string, data: object, context: { defaultLang: string; languages: readonly string[] }): VFileMessage[] {
  const { issue, lang } = data as { issue?: unknown; lang?: unknown };
  const named = nameLanguage(file, context.languages);
  const translation = (typeof lang === "string" && lang !== context.defaultLang) || (named !== undefined && named !== context.defaultLang);
  if (issue !== undefined || !translation) return messages;
  return messages.map((m) => {
    if (!m.reason.startsWith(MISSING_NUMBER)) return m;
    return diagnostic(file, numberlessReason("a translation has the number of the issue it translates; add issue: with that number"), { line: m.line ?? 1, column: m.column ?? 1 }, NUMBERLESS_TRANSLATION);
  });
}

/** The words of a missing translation number, with `fix` said. */
export function numberlessReason(fix: string): string {
  return `${MISSING_NUMBER}: ${fix}`;
}
