import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { SiteConfig } from "../config.js";
import type { Site, SiteIssue } from "../site/model.js";
import { ROUTES } from "../site/urls.js";
import { buildFeeds, siteFeeds } from "../site/feeds.js";
import { belongsToComponent } from "../site/reference.js";
import { dataFiles } from "../site/data-json.js";
import { robotsTxt, sitemapXml } from "../site/sitemap.js";
import { ContentError } from "../diagnostics.js";
import type { OutputSet } from "../write/output.js";
import { addPublicFiles } from "./public-files.js";
import type { PageRenderer } from "./render-pages.js";

/** The stylesheet and other assets: gekkan's own, overridden file by file by the site's templates/assets/. */
export function readAssets(templateDirs: readonly string[]): Map<string, Buffer> {
  const assets = new Map<string, Buffer>();
  for (const dir of [...templateDirs].reverse()) {
    const assetDir = join(dir, "assets");
    let names: string[] = [];
    try {
      names = readdirSync(assetDir).sort();
    } catch {
      continue;
    }
    for (const name of names) assets.set(name, readFileSync(join(assetDir, name)));
  }
  return assets;
}

/** Stage: the site-wide feeds (Atom, RSS, JSON) and one Atom feed per component, with full bodies. */
export async function addFeeds(output: OutputSet, site: Site, config: SiteConfig, renderer: PageRenderer): Promise<void> {
  const components = site.components.map((c) => ({ name: c.name, issues: site.issues.filter((entry) => belongsToComponent(entry, c.name)) }));
  const shown = new Set([...site.issues.slice(0, config.feedItems), ...components.flatMap((c) => c.issues.slice(0, config.feedItems))]);
  const bodies = new Map<SiteIssue, string>();
  for (const entry of site.issues) if (shown.has(entry)) bodies.set(entry, await renderer.body(entry));
  const feeds = siteFeeds(config, site.issues, bodies);
  output.add(ROUTES.atom, feeds.atom);
  output.add(ROUTES.rss, feeds.rss);
  output.add(ROUTES.jsonFeed, feeds.json);
  for (const component of components) {
    const { atom } = buildFeeds({ config, issues: component.issues, bodies, title: `${config.title}: ${component.name}`, route: ROUTES.component(component.name), atomRoute: ROUTES.componentFeed(component.name) });
    output.add(ROUTES.componentFeed(component.name), atom);
  }
}

/** Stage: data files, sitemap and robots.txt; the sitemap lists every page in `output`. */
export function addSiteFiles(output: OutputSet, site: Site, config: SiteConfig): void {
  for (const [path, json] of dataFiles(site, config)) output.add(path, json);
  const byRoute = new Map(site.issues.map((entry) => [entry.route, entry]));
  const newest = site.issues[0]?.issue.date ?? "1970-01-01";
  const entries = output.paths().filter((p) => p.endsWith("index.html")).map((p) => {
    const route = p.slice(0, -"index.html".length);
    return { route, lastmod: byRoute.get(route)?.issue.date ?? newest };
  });
  output.add(ROUTES.sitemap, sitemapXml(config, entries));
  output.add(ROUTES.robots, robotsTxt(config));
}

/** Stage: public/ as it is; a file that would replace a generated one is an author error. */
export async function addPublic(output: OutputSet, root: string): Promise<void> {
  const collisions = await addPublicFiles(root, output);
  if (collisions.length > 0) throw new ContentError(collisions);
}
