import { escapeXml } from "../escape.js";
import type { SiteIssue } from "../site/model.js";
import { siteUrl } from "../site/urls.js";
import { viewContext, type RenderEnv } from "./env.js";
import { correctionNote } from "./original-correction.js";

/**
 * The correction note of a translation's page (correctionNote, the one rule
 * for when it shows) as HTML a feed entry's content starts with, "" when
 * the page shows none. A feed reader shows the entry as changed on the day
 * of the original's correction (shownChange): without the note, nothing in
 * the entry said what had changed. Written here, not by a template: a feed
 * carries no site markup, and its link is the original's full address, as
 * every address in a feed is; no hreflang, as the sentence names the
 * original's language.
 */
export function feedCorrectionHtml(entry: SiteIssue, env: RenderEnv): string {
  const note = correctionNote(entry, viewContext(env, entry.issue.lang), (route) => siteUrl(env.config, route));
  if (note === null) return "";
  return `<p class="issue-correction">${escapeXml(note.text)} <a href="${escapeXml(note.url)}">${escapeXml(note.link)} →</a></p>\n`;
}
