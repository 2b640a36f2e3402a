import { asWritten, readable } from "../markdown/plugins/rehype-base-path.js";
import { isSiteAbsolute, type LinkSite } from "./link-target.js";

/**
 * What the one message for a broken relative address of a template says
 * after why it is broken (template-repeats.ts), or undefined for an address
 * that leads to the same place from every page (root-relative, a full URL).
 * `feed.xml` in the layout is /feed.xml on the home page, /issues/2011-04/feed.xml
 * on an issue's: the author meant one place, so the fix is the address from
 * the site's root, through the url filter that adds the base path, as the
 * site's templates write theirs. `landsFromRoot`: whether the address, read
 * on the home page, is a page or file of the site (then that is offered as
 * it is, else only the form to write it in). An #anchor alone is of the
 * page it is on wherever that is: it is said once too, with no such fix.
 */
export function relativeAdvice(site: Pick<LinkSite, "origin" | "basePath">, url: string, landsFromRoot: () => boolean): string | undefined {
  if (isSiteAbsolute(url)) return undefined;
  if (url.startsWith("#")) return "";
  const home = new URL(url, new URL(site.basePath, site.origin));
  const fromRoot = asWritten(site.basePath, home.pathname + home.search + home.hash);
  const said = RESOLVES;
  if (landsFromRoot()) return `${said}: write it from the site's root through the url filter, {{ "${fromRoot}" | url }}, which leads to ${readable(home.pathname)} from every page`;
  return `${said}: write it from the site's root through the url filter, as {{ "${fromRoot}" | url }}, with the path of a page or file the site has`;
}

const RESOLVES = "; a relative address in a template resolves against the address of each page it is on";

/**
 * What the one message for a relative address of a template that leaves
 * the site's base path says after its own fix (outsideSiteProblem in
 * check-links.ts), or undefined for an address that leads to the same place
 * from every page. `../archive/` in the layout leaves /newsletter/ from the
 * home page and is missing from an issue's: both are the same line of the
 * template, so one message, counting every page it breaks; it was one for
 * each place it led to.
 */
export function relativeOutsideNote(url: string): string | undefined {
  return isSiteAbsolute(url) ? undefined : RESOLVES;
}
