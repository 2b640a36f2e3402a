import type { VFileMessage } from "vfile-message";
import type { RedirectsHost } from "../config.js";
import { compareText, warning } from "../diagnostics.js";
import { cloudflareIgnores } from "./cloudflare-ignored.js";
import { addressKey, ruleMatcher, type RedirectRule } from "./redirect-rules.js";
import { fileRoute, ROUTES, routeUrl } from "./urls.js";

/** What a site publishes, as the rules of its _redirects meet it. */
export interface PublishedFiles {
  /** The output's paths, in a stable order (`issues/sokan/index.html`, `feed.xml`). */
  paths: readonly string[];
  basePath: string;
  /** Aliases' old addresses: gekkan's alias pages are there, and a rule over one is redirect-overlap.ts's to tell of. */
  aliases: readonly string[];
}

interface Published {
  /** Where the host serves the file: its own address first, then `/x` for an `x.html`. */
  addresses: string[];
  page: boolean;
}

/** A published file at one of its addresses. */
interface Served {
  address: string;
  file: Published;
}

interface Covered {
  address: string;
  page: boolean;
  to: string;
}

/**
 * A rule of the author's own _redirects (`file`, its `rules`) whose old
 * address is one the site publishes (an issue page, the feed, a file of
 * public/), on a host where it wins over the file: Cloudflare Pages follows
 * every rule whether or not a file is there; Netlify only a forced one
 * (`301!`), an unforced one being applied where no file is. Readers asking
 * for the page are sent elsewhere, which nothing else would show: the page
 * is built and published all the same (or, for a rewrite, code 200, shown
 * other content at its address). A warning, one per rule, at its line; a rule
 * that sends an address to itself hides nothing, and nor does one Cloudflare
 * Pages ignores (cloudflare-ignored.ts; ignored-rules.ts warns of it).
 */
export function hiddenPageWarnings(file: string, rules: readonly RedirectRule[], covers: Coverage, host: RedirectsHost): VFileMessage[] {
  const winning = rules.filter((rule) => host === "cloudflare" || rule.forced);
  return winning.flatMap((rule) => {
    // Cloudflare drops it, so it hides nothing: ignored-rules.ts tells of it.
    if (host === "cloudflare" && cloudflareIgnores(rule) !== undefined) return [];
    const { covered } = covers(rule);
    return covered.length === 0 ? [] : [warning(file, reason(rule, covered, host), { line: rule.line, column: rule.column }, "redirects-page")];
  });
}

/** What a rule's old address takes in of the site: the published addresses it sends elsewhere, with where to (see coveredBy), and whether it matches any at all (a rule sending a page to itself matches one and covers none). */
export type Coverage = (rule: RedirectRule) => { covered: readonly Covered[]; matches: boolean };

/** A site's Coverage: its files' addresses gathered once, on the first rule asked of (a site has thousands of files, and most no rule of their own). */
export function coverage(published: PublishedFiles): Coverage {
  let addresses: ReturnType<typeof publishedAddresses> | undefined;
  return (rule) => coveredBy(rule, (addresses ??= publishedAddresses(published)));
}

/**
 * Each published file at the addresses a host serves it from, by addressKey,
 * in the order of the paths: an `index.html` at its folder's address (`/x/`),
 * the rest at their own, and an `x.html` at `/x` too (Cloudflare Pages serves
 * it there by its route matching, Netlify with pretty URLs on or off). The
 * _redirects file is read by the host, not served.
 */
function publishedAddresses({ paths, basePath, aliases }: PublishedFiles): { byKey: Map<string, Served>; files: Published[] } {
  const skipped = new Set(aliases.map(addressKey));
  const byKey = new Map<string, Served>();
  const add = (address: string, file: Published) => {
    const key = addressKey(address);
    if (skipped.has(key) || byKey.has(key)) return;
    file.addresses.push(address);
    byKey.set(key, { address, file });
  };
  const files = paths.filter((path) => path !== ROUTES.redirects).map((path) => {
    const route = fileRoute(path);
    const index = route !== path;
    const file: Published = { addresses: [], page: index || path.endsWith(".html") };
    add(routeUrl(basePath, route), file);
    return { file, bare: file.page && !index ? routeUrl(basePath, path.slice(0, -".html".length)) : undefined };
  });
  // After every file's own address, so `/x/` stays `x/index.html`'s when an `x.html` is there too.
  for (const { file, bare } of files) if (bare !== undefined) add(bare, file);
  return { byKey, files: files.map(({ file }) => file).filter((file) => file.addresses.length > 0) };
}

/** The published addresses a rule sends elsewhere, with where to, in order of address; its pattern made once, as a site has thousands of files. */
function coveredBy(rule: RedirectRule, { byKey, files }: ReturnType<typeof publishedAddresses>): ReturnType<Coverage> {
  const target = ruleMatcher(rule);
  // An exact old address is one look-up: Cloudflare takes 2,000 such rules.
  const exact = byKey.get(addressKey(rule.from));
  // A file once, at the first of its addresses the rule matches.
  const candidates = rule.dynamic ? files.map((file) => ({ file, address: file.addresses.find((address) => target(address) !== undefined) })) : exact === undefined ? [] : [exact];
  let matches = false;
  const covered = candidates.flatMap(({ file, address }) => {
    const to = address === undefined ? undefined : target(address);
    if (address === undefined || to === undefined) return [];
    matches = true;
    // To itself, at any of its addresses ("/x/index.html" is "/x/" too, "/x.html" is "/x"): nothing is hidden.
    const key = addressKey(to.replace(/\/index\.html$/, "/"));
    return file.addresses.some((own) => addressKey(own) === key) ? [] : [{ address, page: file.page, to }];
  });
  // By address, so the one named is an issue's page ("/x/") before its email.html beside it, whatever the output calls them.
  return { covered: covered.sort((a, b) => compareText(a.address, b.address)), matches };
}

function reason(rule: RedirectRule, covered: readonly Covered[], host: RedirectsHost): string {
  const [first, ...rest] = covered as [Covered, ...Covered[]];
  const what = rest.length === 0
    ? `${rule.dynamic ? `covers ${first.address}, ` : "is "}${first.page ? "a page" : "a file"} this site publishes`
    : `covers ${covered.length} ${kinds(covered)} this site publishes (${first.address} and ${rest.length} ${rest.length === 1 ? "other" : "others"})`;
  const applied = host === "cloudflare"
    ? "Cloudflare Pages follows a rule of _redirects whether or not a file is at its address"
    : `the "!" after its code makes Netlify apply it where a file is too`;
  // A rewrite (200) or a 404 rule keeps the reader at the address: they are shown the other content, not sent anywhere.
  const instead = `instead of the ${first.page ? "page" : "file"}, at the same address`;
  const shown = rule.notFound ? `are shown ${first.to} as a "not found" page (code 404) ${instead}` : rule.rewrite ? `are shown ${first.to} ${instead}` : `are sent to ${first.to} instead`;
  const sent = `readers asking for ${first.address} ${shown}${rest.length === 0 ? "" : ", and so on for the others"}`;
  const narrow = rule.dynamic ? "narrow the rule to addresses the site no longer has, or remove it" : "remove the rule, as the address is not gone";
  const fix = host === "netlify" ? `drop the "!" to apply it only where no file is, or ${narrow}` : narrow;
  return `${rule.from} ${what}, and ${applied}: ${sent}; ${fix}`;
}

/** What the covered files are, counted: pages (HTML), other files, or both. */
function kinds(covered: readonly Covered[]): string {
  const pages = covered.filter((published) => published.page).length;
  return pages === covered.length ? "pages" : pages === 0 ? "files" : "pages and files";
}
