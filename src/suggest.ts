/**
 * Edit distance where swapping two neighbouring characters costs one edit
 * (optimal string alignment): "titel" is one typo away from "title", as an
 * author would count it, not two.
 */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const rows: number[][] = Array.from({ length: x.length + 1 }, (_, i) => Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number): number => rows[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= x.length; i++) {
    const row = rows[i] as number[];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      row[j] = best;
    }
  }
  return at(x.length, y.length);
}

/** "did you mean …" for a mistyped key or name, only when it is close. */
export function suggest(input: string, candidates: readonly string[]): string | undefined {
  const same = sameButCase(input, candidates);
  if (same !== undefined) return same;
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const d = editDistance(input, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  const limit = Math.max(1, Math.floor(Math.max(input.length, best.length) / 3));
  return bestDistance <= limit ? best : undefined;
}

/** The candidate `input` differs from only in case or width (":::QA", "ＱＡ", "Released"): that one, however short the name. */
export function sameButCase(input: string, candidates: readonly string[]): string | undefined {
  const folded = fold(input);
  return candidates.find((candidate) => fold(candidate) === folded);
}

export function didYouMean(input: string, candidates: readonly string[], format = quoted): string {
  return asSuggestion(suggest(input, candidates), format);
}

/** " — did you mean "ja"?" for a suggestion found some other way (see language-name.ts), or "" for none. */
export function asSuggestion(best: string | undefined, format = quoted): string {
  return best === undefined ? "" : ` — did you mean ${format(best)}?`;
}

function quoted(text: string): string {
  return `"${text}"`;
}

function fold(text: string): string {
  return text.normalize("NFKC").toLowerCase();
}
