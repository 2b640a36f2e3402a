/**
 * `component=“pacemaker”`: a Japanese input method, or a word processor the
 * text came through, types typographic quotes. remark-directive takes them
 * for part of an unquoted value, so the value is “pacemaker” with its quotes,
 * and the schema would call it an unknown component and suggest adding it
 * to the config: the wrong fix. Each value written so gets the right one.
 * Japanese brackets (`title=「新版」`) and typographic quotes inside ASCII
 * ones (`title="“A” and “B”"`) are text the author meant, and stay.
 */
export function typographicQuoteProblems(attributes: Readonly<Record<string, string | null | undefined>>, opening: string): Array<{ key: string; reason: string }> {
  const problems: Array<{ key: string; reason: string }> = [];
  for (const [key, value] of Object.entries(attributes)) {
    const quoted = value ? TYPOGRAPHIC.exec(value) : null;
    if (quoted === null || !new RegExp(`(?:^|[\\s{])${escapeRegExp(key)}\\s*=\\s*${escapeRegExp(quoted[1] ?? "")}`).test(opening)) continue;
    const [, open = "", inner = "", close = ""] = quoted;
    problems.push({ key, reason: `the value of ${key} is in typographic quotes (${open}${close}), which are read as part of it; type ASCII double quotes: ${key}="${inner}"` });
  }
  return problems;
}

/** A value opened and closed with typographic quotation marks. */
const TYPOGRAPHIC = /^([“”„‘’‚＂＇])(.*)([“”‘’＂＇])$/su;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
