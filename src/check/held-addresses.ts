import { allIssues, type Site } from "../site/model.js";
import { routeUrl } from "../site/urls.js";
import { unpublishedNotes } from "./unpublished.js";
import { unpublishedNote } from "../site/published.js";

/** An issue that is on the site with drafts and scheduled issues included, but not as `gekkan build` publishes it today. */
export interface HeldIssue {
  number: number;
  file: string;
  /** Why it is left out: "a draft", "scheduled for 2011-07-01", "a translation of a draft" (unpublished.ts). */
  note: string;
  /** Left out only because its original is: publishing the original brings it out. */
  byOriginal: boolean;
}

/**
 * The addresses (public paths: each issue's page and its aliases' pages) of
 * the issues `full` has and `published` does not, with the issue. A link to
 * one is broken only on the site as published; by spelling it was offered
 * another issue's page instead (the draft's month is near an older issue's
 * old month address), though the issue linked is there, only not out yet.
 */
export function heldAddresses(full: Site, published: Site, siteLang: string, today: string, basePath: string): Map<string, HeldIssue> {
  const out = new Set(allIssues(published).map((entry) => entry.issue.file));
  const held = allIssues(full).filter((entry) => !out.has(entry.issue.file));
  const notes = unpublishedNotes(allIssues(full), siteLang, today);
  const addresses = new Map<string, HeldIssue>();
  for (const entry of held) {
    const note = notes.get(entry.issue.file);
    if (note === undefined) continue;
    for (const route of [entry.route, ...entry.aliases]) addresses.set(routeUrl(basePath, route), { number: entry.issue.number, file: entry.issue.file, note, byOriginal: unpublishedNote(entry.issue, today) === undefined });
  }
  return addresses;
}
