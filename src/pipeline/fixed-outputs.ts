import { collectSite } from "../site/collect.js";
import { pageLanguages } from "../site/page-languages.js";
import { ROUTES } from "../site/urls.js";
import { OutputSet } from "../write/output.js";
import type { Inputs } from "./load-inputs.js";
import { addAssets, addSiteFiles } from "./outputs.js";

/**
 * The files a build of this site writes whatever its issues hold: what the
 * stages write for a site with no issue published (the assets and
 * stylesheet, the front page, archive, reference and search pages, the 404
 * page, the feeds, data files, sitemap and robots.txt), found by the same
 * calls, with the same config. A file in public/ at one of these paths is
 * an error before any issue is read, so a run that stops on an issue's error
 * still reports it (public-clashes.ts). A translation's pages and each
 * issue's own come only with the issues that make them. The content is
 * left empty: only the paths are looked at.
 * test/pipeline/fixed-outputs.test.ts holds this to what a build writes.
 */
export function fixedOutputs(inputs: Inputs): OutputSet {
  const { config, today } = inputs;
  const output = new OutputSet();
  addAssets(output, inputs.templateDirs);
  const collected = collectSite([], { drafts: false, future: false, today, lang: config.lang });
  // Problems across issues need issues.
  if (!collected.ok) throw new Error("a site without issues had problems across issues");
  const { site } = collected;
  const empty = () => "";
  for (const path of pageLanguages(site, config.search).keys()) output.add(path, empty);
  // The feeds of the site's language, as addFeeds names them; the one 404 page, as pageSpecs does.
  for (const route of [site.routes.atom, site.routes.rss, site.routes.jsonFeed, ROUTES.notFound]) output.add(route, empty);
  addSiteFiles(output, site, config, today);
  return output;
}
