import type { VFileMessage } from "vfile-message";
import type { RedirectsHost } from "../config.js";
import { compareText, warning } from "../diagnostics.js";
import { CLOUDFLARE_CODES, cloudflareIgnores, type CloudflareIgnored } from "./cloudflare-ignored.js";
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
 * that sends an address to itself hides nothing. A rule Cloudflare Pages
 * ignores (cloudflare-ignored.ts) hides nothing either, but one that would
 * otherwise cover pages (the `/* /index.html 200` of single-page apps) was
 * meant to do something it never will: that is the warning instead.
 */
export function hiddenPageWarnings(file: string, rules: readonly RedirectRule[], published: PublishedFiles, host: RedirectsHost): VFileMessage[] {
  const winning = rules.filter((rule) => host === "cloudflare" || rule.forced);
  if (winning.length === 0) return [];
  const addresses = publishedAddresses(published);
  return winning.flatMap((rule) => {
    const covered = coveredBy(rule, addresses);
    if (covered.length === 0) return [];
    const ignored = host === "cloudflare" ? cloudflareIgnores(rule) : undefined;
    const text = ignored === undefined ? reason(rule, covered, host) : ignoredReason(rule, ignored);
    return [warning(file, text, { line: rule.line, column: rule.column }, "redirects-page")];
  });
}

/** A rule Cloudflare Pages drops, said as what it is on a gekkan site: a line that does nothing. */
function ignoredReason(rule: RedirectRule, ignored: CloudflareIgnored): string {
  const written = [rule.from, rule.to, rule.code].filter((word) => word !== "").join(" ");
  // Each page of a gekkan site is a file of its own, and a host shows 404.html wherever none is: neither needs a rule.
  const missing = "a gekkan site needs no such rule, as each page is a file of its own and an address it does not have is shown its 404.html";
  if (ignored === "loop") {
    return `"${written}" is a rule Cloudflare Pages ignores (its deploy log says "Infinite loop detected"): Cloudflare serves ${rule.to} at its folder's address, which the rule would match again. It changes no page, and ${missing}; remove the rule`;
  }
  const codes = `${CLOUDFLARE_CODES.slice(0, -1).join(", ")} or ${CLOUDFLARE_CODES[CLOUDFLARE_CODES.length - 1]}`;
  const fix = rule.notFound ? `${missing}; remove the rule` : `give it one of those codes (without "!": Cloudflare applies every rule over the file anyway), or remove it`;
  return `"${written}" is a rule Cloudflare Pages ignores, as it takes only the codes ${codes}, not ${rule.code}: it changes no page; ${fix}`;
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
function coveredBy(rule: RedirectRule, { byKey, files }: ReturnType<typeof publishedAddresses>): Covered[] {
  const target = ruleMatcher(rule);
  // An exact old address is one look-up: Cloudflare takes 2,000 such rules.
  const exact = byKey.get(addressKey(rule.from));
  // A file once, at the first of its addresses the rule matches.
  const candidates = rule.dynamic ? files.map((file) => ({ file, address: file.addresses.find((address) => target(address) !== undefined) })) : exact === undefined ? [] : [exact];
  const covered = candidates.flatMap(({ file, address }) => {
    const to = address === undefined ? undefined : target(address);
    if (address === undefined || to === undefined) return [];
    // To itself, at any of its addresses ("/x/index.html" is "/x/" too, "/x.html" is "/x"): nothing is hidden.
    const key = addressKey(to.replace(/\/index\.html$/, "/"));
    return file.addresses.some((own) => addressKey(own) === key) ? [] : [{ address, page: file.page, to }];
  });
  // By address, so the one named is an issue's page ("/x/") before its email.html beside it, whatever the output calls them.
  return covered.sort((a, b) => compareText(a.address, b.address));
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
