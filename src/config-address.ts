import type { VFileMessage } from "vfile-message";
import { warning, type Place } from "./diagnostics.js";
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
  /** What the given address holds that no link carries (see addressLeftOut). */
  urlLeftOut?: AddressLeftOut | undefined;
}

/** A login, query or fragment in the site's address, and where the address was given. */
export interface AddressLeftOut {
  /** The config file, or "--url". */
  file: string;
  place: Place | undefined;
  login: boolean;
  /** "?…#…" as written, or "". */
  rest: string;
  /** The address links are made from: scheme, host and path. */
  kept: string;
}

/**
 * A site with no address of its own is built for http://localhost/: every
 * feed entry, the sitemap, canonical and share links point there, and the
 * build said nothing, so a first site went out that way. One warning says
 * so, at the config (or where it would be), with what to write.
 */
export function addressWarnings(config: AddressFacts, carriers = "feeds, the sitemap and canonical links"): VFileMessage[] {
  if (config.urlGiven) return config.urlLeftOut === undefined ? [] : [leftOutWarning(config.urlLeftOut, carriers)];
  const where = `${config.origin}/`;
  if (config.file === "") {
    const reason = `there is no ${CONFIG_FILE}, so the site is built with the defaults: the title "gekkan" and the address ${where}, which ${carriers} carry; create ${CONFIG_FILE} with at least title, url, lang and authors before publishing: gekkan init --url https://…/ writes one (see "Site configuration" in gekkan's README)`;
    return [warning(CONFIG_FILE, reason, { line: 1, column: 1 }, "site-address")];
  }
  const reason = `the config has no "url", so ${carriers} point at ${where}; add "url": "https://…/" with the address the site is published at, or pass --url`;
  return [warning(config.file, reason, { line: 1, column: 1 }, "site-address")];
}

/**
 * The parts of a given address no link is made from: every link is the
 * scheme, host and path, so `https://user:pw@example.org/news/?utm=x` built a
 * site for https://example.org/news/ and said nothing. A login in the config
 * is also a password committed with the site.
 */
export function addressLeftOut(url: URL, given: Pick<AddressLeftOut, "file" | "place">): AddressLeftOut | undefined {
  const login = url.username !== "" || url.password !== "";
  const rest = `${url.search}${url.hash}`;
  return login || rest !== "" ? { ...given, login, rest, kept: `${url.origin}${url.pathname}` } : undefined;
}

function leftOutWarning(left: AddressLeftOut, carriers: string): VFileMessage {
  const parts = [left.login ? "a user name or password" : "", left.rest === "" ? "" : JSON.stringify(left.rest)].filter((part) => part !== "").join(" and ");
  const login = !left.login ? "" : left.file === "--url" ? "; a password belongs in the host's settings, not in a command line" : `; a password in ${left.file} is committed with the site: remove it and keep it in the host's settings`;
  const reason = `the site's address holds ${parts}, which no link carries: ${carriers} use ${left.kept} (the scheme, host and path)${login}`;
  return warning(left.file, reason, left.place ?? { line: 1, column: 1 }, "site-address-parts");
}
