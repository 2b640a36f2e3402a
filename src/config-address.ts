import type { VFileMessage } from "vfile-message";
import { warning } from "./diagnostics.js";
import { CONFIG_FILE } from "./config-file.js";

/**
 * What the warning reads of the config: SiteConfig's fields of these names. Spelt out here because this
 * module sits in the layer below config.ts (src/*.ts), which may not import from it, not even a type.
 */
export interface AddressFacts {
  /** The file the config was read from ("" when there is none). */
  file: string;
  /** Whether the config's `url` or `--url` gave the site's address. */
  urlGiven: boolean;
  /** The origin the site is built for (http://localhost when no address was given). */
  origin: string;
}

/**
 * A site with no address of its own is built for http://localhost/: every
 * feed entry, the sitemap, canonical and share links point there, and the
 * build said nothing, so a first site went out that way. One warning says
 * so, at the config (or where it would be), with what to write.
 */
export function addressWarnings(config: AddressFacts, carriers = "feeds, the sitemap and canonical links"): VFileMessage[] {
  if (config.urlGiven) return [];
  const where = `${config.origin}/`;
  if (config.file === "") {
    const reason = `there is no ${CONFIG_FILE}, so the site is built with the defaults: the title "gekkan" and the address ${where}, which ${carriers} carry; create ${CONFIG_FILE} with at least title, url, lang and authors before publishing: gekkan init --url https://…/ writes one (see "Site configuration" in gekkan's README)`;
    return [warning(CONFIG_FILE, reason, { line: 1, column: 1 }, "site-address")];
  }
  const reason = `the config has no "url", so ${carriers} point at ${where}; add "url": "https://…/" with the address the site is published at, or pass --url`;
  return [warning(config.file, reason, { line: 1, column: 1 }, "site-address")];
}
