import { isRootRelative } from "../markdown/plugins/rehype-base-path.js";
import { isOwnOrigin } from "../site/urls.js";
import { judgeLink, outputUrl, type LinkSite } from "./link-target.js";

/** Where a reference outside the site's base path leads (`to`, a full URL) and the address under the base path it meant. */
export interface OutsideBase {
  to: string;
  meant: string;
}

/**
 * The address a reference on the page at output path `from` meant when it
 * lands on the site's own host outside its base path, when the site has a
 * page or file there; undefined otherwise. On a site under /newsletter/,
 * `/issues/2011-04/`, `https://example.org/issues/2011-04/` and, from
 * /newsletter/about.html, `../../issues/2011-04/` all land on
 * /issues/2011-04/, and all meant `/newsletter/issues/2011-04/`. gekkan adds
 * the base path to the root-relative addresses of issues and to those
 * templates write through the `url` filter, but to no full URL and no
 * relative address, nor to anything in a file of public/, which is copied as
 * it is: the reader's browser then asks the host outside the site.
 *
 * When the address under the base path is no page of the site either, it is
 * left alone, neither an error nor a warning: the same host may serve other
 * things beside the site (another project's site on github.io, an `/api/`),
 * which the checker cannot see, and a warning on every such link would be
 * silenced by its kind for the whole site, hiding the next one that matters.
 */
export function meantUnderBasePath(site: LinkSite, from: string, url: string): OutsideBase | undefined {
  // A root-relative address written with the base path that still lands outside it climbed out with "..": not a missing base path.
  if (site.basePath === "/" || (isRootRelative(url) && url.startsWith(site.basePath))) return undefined;
  let target: URL;
  try {
    target = new URL(url, site.origin + outputUrl(site.basePath, from));
  } catch {
    return undefined;
  }
  // Another host, another site: not ours to judge.
  if (!isOwnOrigin(site.origin, target) || target.pathname.startsWith(site.basePath)) return undefined;
  const underBase = site.basePath + target.pathname.slice(1) + target.search + target.hash;
  const verdict = judgeLink(site, "index.html", underBase);
  // A broken #fragment still names a page of the site: the base path is the mistake to tell first.
  if (verdict.kind === "ok" || verdict.kind === "anchor") return { to: target.href, meant: underBase };
  const published = publishedFromPublic(site, target);
  return published === undefined ? undefined : { to: target.href, meant: published };
}

/**
 * The address of a file of public/ that `target` names by its place in the
 * site's folder, as an editor's preview finds it from the file
 * (`../../../public/images/zu.png` from content/issues/2011/): public/ is
 * published at the site's root, so that address climbs out of the site.
 * No other site on the host has a reason to hold a `public/` folder with
 * the very file the site publishes, so this one is told, not passed.
 */
function publishedFromPublic(site: LinkSite, target: URL): string | undefined {
  const at = target.pathname.indexOf("/public/");
  if (at === -1) return undefined;
  const published = site.basePath + target.pathname.slice(at + "/public/".length);
  return judgeLink(site, "index.html", published).kind === "ok" ? published + target.search + target.hash : undefined;
}
