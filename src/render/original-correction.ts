import { fill } from "./locale.js";
import { correctedAfterTranslation } from "../site/outdated-translations.js";
import type { SiteIssue } from "../site/model.js";
import { leavesEdition, type ViewContext } from "./views.js";

/** What the issue page and email show of a correction the translation may lack: plain data for templates. */
export interface CorrectionNote {
  /** "The Japanese original was corrected on April 20, 2011, after this translation." */
  text: string;
  /** The link's words, "Read the original". */
  link: string;
  url: string;
  /** The original's language, as every link out of the edition says it (leavesEdition). */
  hreflang: string;
  /** The day of the correction, YYYY-MM-DD. */
  date: string;
}

/**
 * A translation's reader is told, in their own words, that its original was
 * corrected after it (the rule of the `translation-outdated` warning,
 * correctedAfterTranslation), and led to the original: gekkan cannot tell
 * whether the correction reached the translation, and the reader otherwise
 * has no way to know it might not have. Null for an original and for a
 * translation brought up to date. `urlOf` makes the original's address, as
 * the page (site-relative) or the email (absolute) writes its links.
 */
export function correctionNote(entry: SiteIssue, view: ViewContext, urlOf: (route: string) => string): CorrectionNote | null {
  const outdated = correctedAfterTranslation(entry);
  if (outdated === undefined) return null;
  const { original, corrected } = outdated;
  const strings = view.locale.pack.strings;
  const { hreflang, languageName } = leavesEdition(original.issue.lang, view);
  return {
    text: fill(strings.originalCorrected ?? "", { language: languageName, date: view.locale.formatDate(corrected) }),
    link: strings.readOriginal ?? "",
    url: urlOf(original.route),
    hreflang,
    date: corrected,
  };
}
