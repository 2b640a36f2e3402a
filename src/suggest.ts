import { closest, distance } from "fastest-levenshtein";

/** "did you mean …" for a mistyped key or name, only when it is close. */
export function suggest(input: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const best = closest(input, [...candidates]);
  const limit = Math.max(1, Math.floor(Math.max(input.length, best.length) / 3));
  return distance(input, best) <= limit ? best : undefined;
}

export function didYouMean(input: string, candidates: readonly string[], format = (s: string) => `"${s}"`): string {
  const best = suggest(input, candidates);
  return best === undefined ? "" : ` — did you mean ${format(best)}?`;
}
