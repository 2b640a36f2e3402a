/** "1 issue", "2 issues": English counts in terminal messages. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** "140 issues", or "140 issues and 60 translations" when some are translated. */
export function issuesAndTranslations(issues: number, translations: number): string {
  return translations === 0 ? plural(issues, "issue") : `${plural(issues, "issue")} and ${plural(translations, "translation")}`;
}
