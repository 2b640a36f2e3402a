/**
 * A name as gekkan's ids are written (component names, slugs), from the way
 * an author tends to type one: as readers see it ("DRBD MC"), with
 * underscores ("My_Slug"), with full-width letters from an input method.
 * NFKC, trimmed, lower case, each run of blanks, underscores and hyphens as
 * one hyphen. What comes out is only a candidate: the caller checks it is
 * one of its names, or a valid slug, before offering it.
 */
export function idForm(name: string): string {
  return name.normalize("NFKC").trim().toLowerCase().replace(/[\s_-]+/g, "-");
}
