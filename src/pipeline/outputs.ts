import type { FileDigests } from "../incremental/file-digests.js";
import { readFileSync } from "node:fs";
import { join, sep } from "node:path";
import { isFile, listTree } from "../file-tree.js";
import type { SiteConfig } from "../config.js";
import { allIssues, editionsOf, lastChange, newestChange, type Edition, type Site, type SiteIssue } from "../site/model.js";
import { siteText, type Alternate } from "../render/pages.js";
import { feedCorrectionHtml } from "../render/feed-correction.js";
import { ROUTES, fileRoute, routeFile } from "../site/urls.js";
import { buildFeeds, siteFeeds } from "../site/feeds.js";
import { dataFiles } from "../site/data-json.js";
import { lastShownChange, shownChange } from "../site/shown-change.js";
import { robotsTxt, sitemapXml } from "../site/sitemap.js";
import { redirectPage } from "../site/redirects.js";
import { siteRedirects, type Redirects } from "./own-redirects.js";
import type { VFileMessage } from "vfile-message";
import { ContentError, isError } from "../diagnostics.js";
import type { OutputSet } from "../write/output.js";
import { addPublicFiles } from "./public-files.js";
import type { PageRenderer } from "./render-pages.js";
import { digest } from "../incremental/digest.js";
import { decodeFiles, encodeFiles } from "../incremental/file-set.js";

/**
 * The stylesheet and other assets: gekkan's own, overridden file by file by
 * the site's templates/assets/, folders included (`fonts/x.woff2` is published
 * at assets/fonts/x.woff2; reading a folder as a file was an internal error).
 * Links are read as everywhere in templates/ (site-files.ts has refused those
 * leading outside), and a link loop is not walked round.
 */
export function readAssets(templateDirs: readonly string[]): Map<string, Buffer> {
  const assets = new Map<string, Buffer>();
  for (const dir of [...templateDirs].reverse()) {
    const assetDir = join(dir, "assets");
    let names: string[] = [];
    try {
      names = listTree(assetDir, true);
    } catch {
      continue;
    }
    for (const name of names) {
      const path = join(assetDir, name);
      if (isFile(path)) assets.set(name.split(sep).join("/"), readFileSync(path));
    }
  }
  return assets;
}

/** Stage: the assets (readAssets) into `output`, under assets/ as the stylesheet's URL (ROUTES.styles) has them; returns them by name. */
export function addAssets(output: OutputSet, templateDirs: readonly string[]): Map<string, Buffer> {
  const assets = readAssets(templateDirs);
  const folder = ROUTES.styles.slice(0, ROUTES.styles.lastIndexOf("/") + 1);
  for (const [name, content] of assets) output.add(`${folder}${name}`, content);
  return assets;
}

/**
 * Stage: each language's feeds (Atom, RSS, JSON) and one Atom feed per
 * component of it, with full bodies. Each is memoised beside the pages,
 * keyed by the page fingerprint (code, templates, config) and what its items
 * show, so a build whose newest issues did not change makes no feed.
 */
export async function addFeeds(output: OutputSet, site: Site, config: SiteConfig, renderer: PageRenderer, today: string): Promise<void> {
  for (const edition of editionsOf(site)) await addEditionFeeds(output, edition, config, renderer, today);
}

async function addEditionFeeds(output: OutputSet, edition: Edition, config: SiteConfig, renderer: PageRenderer, today: string): Promise<void> {
  const { routes } = edition;
  const text = siteText(config, edition.lang);
  const noteOf = correctionNotes(renderer);
  // The feed's date is in the key: an empty feed's is the day it is given, which no issue of it names.
  const feedKey = (route: string, issues: readonly SiteIssue[], day: string) => {
    const items = issues.slice(0, config.feedItems);
    // An entry's id is its first alias (feeds.ts entryId); a translation inherits its original's, which its own issue does not show.
    // An entry is dated by its original's correction too (shownChange), and starts with its note, which its own issue does not show either:
    // the note itself, as its original's address is in it.
    return digest("gekkan-feed-5", renderer.fingerprint, route, lastShownChange(items, day), ...items.flatMap((entry) => [entry.route, JSON.stringify(entry.aliases), JSON.stringify(entry.issue), shownChange(entry), noteOf(entry), renderer.token(entry)]));
  };
  // A translation's component feed may have no entry (a component only issues not translated yet are about):
  // dated as the edition's newest issue, not by the build's day, it does not change daily with nothing new,
  // and a build on another day stays "up to date" (the date window knows issue dates only, generate.ts).
  const quiet = lastChange(edition.issues, today);
  const shown = async (issues: readonly SiteIssue[]) => {
    const bodies = new Map<SiteIssue, string>();
    const notes = new Map<SiteIssue, string>();
    for (const entry of issues.slice(0, config.feedItems)) {
      bodies.set(entry, await renderer.body(entry));
      notes.set(entry, noteOf(entry));
    }
    return { bodies, notes };
  };
  const siteKey = feedKey(routes.home, edition.issues, today);
  const siteFiles = await renderer.made(siteKey, async () => {
    const feeds = siteFeeds(config, edition, await shown(edition.issues), text, today);
    return encodeFiles([[routes.atom, Buffer.from(feeds.atom)], [routes.rss, Buffer.from(feeds.rss)], [routes.jsonFeed, Buffer.from(feeds.json)]]);
  }, decodeFiles);
  for (const [path, content] of siteFiles) output.add(path, content, "gekkan", `${siteKey}:${path}`);
  for (const component of edition.components) {
    const issues = component.issues;
    const route = routes.componentFeed(component.name);
    const key = feedKey(route, issues, quiet);
    const atom = await renderer.made(key, async () => {
      const title = `${text.title}: ${config.componentNames[component.name] ?? component.name}`;
      const feed = buildFeeds({ config, issues, ...(await shown(issues)), title, titleLang: text.titleLang, siteTitle: text.title, description: text.description, descriptionLang: text.descriptionLang, lang: edition.lang, route: routes.component(component.name), atomRoute: route, today: quiet });
      return Buffer.from(feed.atom);
    }, (bytes) => bytes);
    output.add(route, atom, "gekkan", key);
  }
}

/** Each issue's correction note as its feed entry starts with it (feedCorrectionHtml), made once for an edition's feeds. */
function correctionNotes(renderer: PageRenderer): (entry: SiteIssue) => string {
  const notes = new Map<SiteIssue, string>();
  return (entry) => {
    let note = notes.get(entry);
    if (note === undefined) {
      note = feedCorrectionHtml(entry, renderer.env);
      notes.set(entry, note);
    }
    return note;
  };
}

/** Stage: data files, sitemap and robots.txt; the sitemap lists every page in `output`, with its language versions (`alternates`, by route). */
export function addSiteFiles(output: OutputSet, site: Site, config: SiteConfig, today: string, alternates: ReadonlyMap<string, readonly Alternate[]> = new Map()): void {
  for (const [path, json] of dataFiles(site, config)) output.add(path, json);
  const byRoute = new Map(allIssues(site).map((entry) => [entry.route, entry]));
  const newest = newestByEdition(site, today);
  // Pages only: a file whose route is its own path (feeds, data) is not one.
  const entries = output.paths().filter((p) => fileRoute(p) !== p).map((p) => {
    const route = fileRoute(p);
    const entry = byRoute.get(route);
    return { route, lastmod: entry === undefined ? newest(route) : shownChange(entry), alternates: alternates.get(route) ?? [] };
  });
  output.add(ROUTES.sitemap, sitemapXml(config, entries));
  output.add(ROUTES.robots, robotsTxt(config));
}

/** No _redirects written (config `redirects` off): nothing said of it. */
const NO_REDIRECTS: Omit<Redirects, "bytes"> = { messages: [], merged: false, hidden: () => [] };

/**
 * Stage: a page at each old address of an issue (front matter `aliases`)
 * that leads to its address now. After the sitemap, which lists only the
 * pages themselves. With config `redirects`, the _redirects file too, the
 * author's public/_redirects first in it (`merged`: the copy of public/
 * leaves that file out); its warnings and errors are returned.
 */
export function addRedirects(output: OutputSet, site: Site, config: SiteConfig, root: string): Omit<Redirects, "bytes"> {
  for (const entry of allIssues(site)) {
    for (const route of entry.aliases) output.add(routeFile(route), redirectPage(entry, config));
  }
  // Only when asked: GitHub Pages would publish the file as a page of its own.
  if (config.redirects === undefined) return NO_REDIRECTS;
  const { bytes, ...said } = siteRedirects(root, site, config, config.redirects);
  output.add(ROUTES.redirects, bytes);
  return said;
}

/**
 * The last change of a page that is no issue: the newest issue or
 * correction of the edition it lists (`/en/…` the English one). One date for the whole site
 * gave the English pages the newest Japanese issue's day, before a
 * translation published later that they show. A translation's pages other
 * than its archive also show the originals not translated yet (the front
 * page counts them, reference and component pages list their blocks and
 * cards), so a new original changes them too: they are dated by the newer of
 * the two, or a crawler trusting the sitemap would skip the change.
 */
function newestByEdition(site: Site, today: string): (route: string) => string {
  const own = lastChange(site.issues, today);
  const translations = site.translations.map((edition) => {
    const newest = newestChange(edition.issues);
    return { prefix: edition.routes.home, archive: edition.routes.archive, newest, shown: newest === undefined || newest < own ? own : newest };
  });
  return (route) => {
    const edition = translations.find((candidate) => route.startsWith(candidate.prefix));
    if (edition === undefined) return own;
    return route.startsWith(edition.archive) ? (edition.newest ?? own) : edition.shown;
  };
}

/**
 * Stage: public/ as it is; a file that would replace a generated one is an
 * author error. `earlier`: the messages of the _redirects file (addRedirects),
 * reported with public/'s, as they are of a file of it; `merged`: it is in
 * gekkan's _redirects already; `hidden`: its rules that cover a published
 * file, asked here as public/'s files are the last in. Returns the warnings
 * (links it does not copy, rules that hide a file).
 */
export async function addPublic(output: OutputSet, root: string, search: boolean, digests?: FileDigests, earlier: Omit<Redirects, "bytes"> = NO_REDIRECTS): Promise<VFileMessage[]> {
  const skip = earlier.merged ? [`public/${ROUTES.redirects}`] : [];
  const copied = await addPublicFiles(root, output, search, digests, skip);
  const messages = [...earlier.messages, ...copied];
  const errors = messages.filter(isError);
  if (errors.length > 0) throw new ContentError(errors);
  // Now that every file is in the output, public/'s too: a rule of the author's may cover any of them.
  return [...earlier.messages, ...earlier.hidden(output.paths()), ...copied];
}
