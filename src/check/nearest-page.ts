import { editDistance, suggest } from "../suggest.js";
import { readable } from "../markdown/plugins/rehype-base-path.js";

/**
 * The published path nearest to `path` by spelling, compared as they read:
 * `path` is %-encoded as a browser asks for it (`/%E7%89%B9…`), the site's
 * paths hold file names as they are (`/特集/`), and no Japanese path was ever
 * near enough to be offered.
 *
 * In the edition the address asks for first: its language folder
 * (`editions`, each translation's public prefix such as `/en/`; anything
 * else is the site's language), and only when that edition has no page near
 * it, a page of another edition it has no version of. By spelling alone, `/en/issue/2011-04/` on the
 * English May page was offered `/issues/2011-05/`, the Japanese May: the
 * three letters of `/en` weigh as much as a slug's typo. The page the link
 * is on (`from`) is never offered (a link to a missing page did not mean
 * it), and, for the same reason, neither is its version in another edition
 * than the one asked for. An address another edition has as written
 * (`/en/issues/2011-06/`, June not translated yet) is that page, offered
 * before any near one of the edition asked for (the English May).
 */
export function nearestPage(path: string, known: readonly string[], from: string, editions: readonly string[], root: string): string | undefined {
  const asked = editionOf(path, editions, root);
  const others = [root, ...editions].filter((prefix) => prefix !== asked);
  const versions = (of: string) => others.map((prefix) => prefix + of.slice(editionOf(of, editions, root).length));
  const ownVersions = new Set(versions(from));
  const candidates = known.filter((candidate) => candidate !== from && !ownVersions.has(candidate));
  const untranslated = versions(readable(path)).find((version) => candidates.some((candidate) => readable(candidate) === version));
  if (untranslated !== undefined) return candidates.find((candidate) => readable(candidate) === untranslated);
  const inAsked = (candidate: string) => editionOf(candidate, editions, root) === asked;
  const askedHas = new Set(known.filter(inAsked));
  // Another edition's page only where the edition asked for has none of its own (an issue not translated yet): else its own version is the one meant.
  const lacking = candidates.filter((candidate) => !inAsked(candidate) && !askedHas.has(asked + candidate.slice(editionOf(candidate, editions, root).length)));
  return nearestPath(path, candidates.filter(inAsked)) ?? nearestPath(path, lacking);
}

/** The edition prefix `path` is in: a translation's (`/en/`), else the site's language at `root` (the base path). */
function editionOf(path: string, editions: readonly string[], root: string): string {
  return editions.find((prefix) => path.startsWith(prefix)) ?? root;
}

function nearestPath(path: string, known: readonly string[]): string | undefined {
  const asked = readable(path);
  const byReading = new Map(known.map((candidate) => [readable(candidate), candidate]));
  const near = [...byReading.keys()].filter((candidate) => nearInName(asked, candidate));
  const found = suggest(asked, near);
  return found === undefined ? undefined : byReading.get(found);
}

/**
 * Whether two paths are near in what differs between them: the names below
 * the folders they share, their extensions set aside. Counted over the whole
 * path, the shared `/images/` and `.png` made any two images of a folder
 * near (`/images/diagram.png`, never added to public/, was offered
 * `/images/share.png`, the site's sharing image, instead of where to put
 * it); an image of another type under the same name (`pic.jpg` for
 * `pic.png`) stays near, and so does an issue of a near month.
 */
function nearInName(a: string, b: string): boolean {
  let shared = 0;
  for (let i = 0; i < Math.min(a.length, b.length) && a[i] === b[i]; i++) if (a[i] === "/") shared = i + 1;
  const [x, y] = [stem(a.slice(shared)), stem(b.slice(shared))];
  return editDistance(x, y) <= Math.max(1, Math.floor(Math.max([...x].length, [...y].length) / 3));
}

/** A path's rest without its extension or a page's closing "/" (`2011-04/`, `pic.png`). */
function stem(rest: string): string {
  return rest.replace(/\/$/, "").replace(/\.[^./]+$/, "");
}
