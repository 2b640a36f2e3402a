import type { VFileMessage } from "vfile-message";
import { warning } from "../diagnostics.js";
import { CONFIG_FILE } from "../config-file.js";
import type { Site } from "./model.js";
import { issueRouteParts, routeUrl } from "./urls.js";
import type { PublishedAddress } from "./published-addresses.js";

/**
 * The site's language changed since the last build (config `lang`): the
 * edition that was at the site's root moved under its own prefix, and the
 * other came to the root. Each issue's address changed with it, which no
 * alias can keep (the old address is the other edition's now), so the
 * address check (published-addresses.ts) said nothing, and the build was
 * silent while every bookmark, email link and feed subscription of the old
 * root edition led readers to the other language's pages. Said once, by the
 * build that makes the change, at the config.
 */
export function languageSwapWarning(before: readonly PublishedAddress[], site: Site, configFile: string, basePath: string): VFileMessage | undefined {
  const root = before.find((old) => issueRouteParts(old.route).folder === "" && old.lang !== site.lang);
  if (root === undefined) return undefined;
  const was = root.lang;
  const home = routeUrl(basePath, "");
  const moved = site.translations.find((edition) => edition.lang === was);
  const where = moved === undefined ? `, and the ${was} edition is no more` : ` and the ${was} edition to ${routeUrl(basePath, moved.routes.home)}`;
  const reason = `the last build published the ${was} edition at ${home} (${routeUrl(basePath, root.route)}, ${routeUrl(basePath, "feed.xml")}); with "lang": "${site.lang}" the ${site.lang} edition moved there${where}: readers' bookmarks, the links in every ${was} email already sent and the ${was} edition's feed subscriptions now lead to ${site.lang} pages and feeds, or to nothing; if that is not meant, set "lang" back to "${was}"`;
  return warning(configFile === "" ? CONFIG_FILE : configFile, reason, { line: 1, column: 1 }, "address-moved");
}
