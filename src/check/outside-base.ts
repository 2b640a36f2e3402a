import { isRootRelative } from "../markdown/plugins/rehype-base-path.js";
import { judgeLink, type LinkSite } from "./link-target.js";

/**
 * The address a root-relative reference outside the site's base path meant
 * (`/issues/2011-04/` on a site under /newsletter/ is
 * `/newsletter/issues/2011-04/`), when the site has a page or file there;
 * undefined otherwise. gekkan adds the base path to the addresses of issues
 * and to those templates write through the `url` filter, but a file of
 * public/ is copied as it is, and a template may write an address by hand:
 * the reader's browser then asks the host's root, outside the site.
 *
 * When the address under the base path is no page of the site either, it is
 * left alone, neither an error nor a warning: the same host may serve other
 * things beside the site (another project's site on github.io, an `/api/`),
 * which the checker cannot see, and a warning on every such link would be
 * silenced by its kind for the whole site, hiding the next one that matters.
 */
export function meantUnderBasePath(site: LinkSite, url: string): string | undefined {
  // A root-relative address written with the base path that still lands outside it climbed out with "..": not a missing base path.
  if (site.basePath === "/" || !isRootRelative(url) || url.startsWith(site.basePath)) return undefined;
  const underBase = site.basePath + url.slice(1);
  const verdict = judgeLink(site, "index.html", underBase);
  // A broken #fragment still names a page of the site: the base path is the mistake to tell first.
  return verdict.kind === "ok" || verdict.kind === "anchor" ? underBase : undefined;
}
