/**
 * Suffixes written after a comma in a Western name ("Smith, Jr.", "Doe,
 * PhD"): generational ones and degrees. A comma before one parts no two
 * people, so it is no sign of two authors given as one. Compared without
 * dots or case ("Ph.D.", "phd"); a lone "V" or "I" is left out, as it is as
 * likely an initial.
 */
const SUFFIXES = new Set(["jr", "sr", "ii", "iii", "iv", "vi", "vii", "viii", "ix", "phd", "md", "dds", "dmd", "dvm", "jd", "esq", "mba", "rn", "cpa"]);

export function isNameSuffix(part: string): boolean {
  return SUFFIXES.has(part.trim().replaceAll(".", "").toLowerCase());
}

/** Whether a name holding ASCII commas may be two or more names run together: some part after the first is no suffix ("Alice, Bob", "山田, 鈴木"; not "Smith, Jr., PhD"). */
export function mayBeSeveralNames(name: string): boolean {
  const [, ...after] = name.split(",");
  return after.some((part) => !isNameSuffix(part));
}
