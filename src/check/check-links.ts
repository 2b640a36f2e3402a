import type { VFileMessage } from "vfile-message";
import { diagnostic } from "../diagnostics.js";
import { editDistance } from "../suggest.js";
import { groupBy } from "../group-by.js";
import { contentTypeOf } from "../content-type.js";
import { allIssues, type Site, type SiteIssue } from "../site/model.js";
import { publishedUrl, routeFile, routeUrl, type SiteAddress } from "../site/urls.js";
import { emailPaths } from "../email/email-source.js";
import type { OutputSet } from "../write/output.js";
import { cssReferences, htmlFacts, placeOfOffset, type HtmlFacts, type Reference } from "./html-refs.js";
import { inWrittenForm, inWrittenSpelling, isFullUrl, judgeLink, outputUrl, isSiteAbsolute, quotedLink, relativePath, type FormerAddress, type LinkSite, type LinkVerdict } from "./link-target.js";
import { writtenAt, type BodyLink } from "../markdown/rendered.js";
import { asWritten, isRootRelative, readable } from "../markdown/plugins/rehype-base-path.js";
import { sanitizeSchema } from "../markdown/sanitize-schema.js";
import { fromIssuePage } from "../site/page-links-away.js";
import { nearestPage } from "./nearest-page.js";
import { meantUnderBasePath, type OutsideBase } from "./outside-base.js";
import { anchorAdvice } from "./meant-anchor.js";
import { builtPageNote, onceForTemplates, type TemplateProblem } from "./template-repeats.js";
import { relativeAdvice, relativeOutsideNote } from "./relative-in-template.js";
import type { MarkupSource } from "./written-markup.js";
import type { HeldIssue } from "./held-addresses.js";
import { meantTarget, monthAddresses, numberAddresses, pagesBySource, slugFileOf, type IssueAddresses, type MeantTarget } from "./meant-target.js";
import { safeDecode } from "../percent-decode.js";

export interface LinkReport {
  messages: VFileMessage[];
  /** References looked at: from Markdown, and from generated pages and stylesheets. */
  checked: number;
  fromMarkdown: number;
}

/**
 * Every internal reference on every generated page and stylesheet must land
 * on a file of the output, and every #fragment on an id of its page. Links
 * the author wrote are reported where they were written (the Markdown
 * source); the rest at the generated file that holds them. `unbuilt`: the
 * public paths of pages left out because their issue has errors (reported
 * already); a link into one is not checked. `services`: addresses from the
 * config that a service answers, not the site (an email's unsubscribe
 * link): not checked, though they may be on the site's own host, where a
 * static site has no page (a one-click unsubscribe is a POST).
 * `templates`: the site's own (site-templates.ts), where a mistake on many
 * pages built from them is looked for, to be reported once
 * (template-repeats.ts). `held`: the pages of issues not out yet, when this is
 * the site as published and another run had them (held-addresses.ts).
 */
export function checkLinks(site: Site, output: OutputSet, where: SiteAddress, unbuilt: readonly string[] = [], services: ReadonlySet<string> = new Set(), templates: readonly MarkupSource[] = [], held: ReadonlyMap<string, HeldIssue> = new Map()): LinkReport {
  const facts = new Map<string, HtmlFacts>();
  const factsOf = (path: string): HtmlFacts => {
    let found = facts.get(path);
    if (!found) {
      found = htmlFacts(output.text(path) ?? "");
      facts.set(path, found);
    }
    return found;
  };
  const aliasPages = new Map(allIssues(site).flatMap((entry) => entry.aliases.map((route): [string, string] => [routeFile(route), routeFile(entry.route)])));
  const issues = allIssues(site);
  const moved = monthAddresses(issues, where.basePath);
  const linkSite: LinkSite = { ...where, output, editions: site.translations.map((edition) => routeUrl(where.basePath, edition.routes.home)), idsOf: (path) => factsOf(path).ids, headingsOf: (path) => factsOf(path).headings, leadsTo: (path) => aliasPages.get(path), formerAddresses: formerAddresses(issues, moved, where.basePath) };
  const judge = (from: string, url: string): LinkVerdict => {
    const verdict = judgeLink(linkSite, from, url);
    return verdict.kind === "missing" && unbuilt.some((page) => `${verdict.path}/`.startsWith(page)) ? { kind: "ok" } : verdict;
  };
  const messages: VFileMessage[] = [];
  let checked = 0;

  // Author links first, so the same URL on a generated page is not reported twice.
  const authored = new Set<string>();
  const attribute = (path: string, url: string) => {
    authored.add(`${path}\0${url}`);
    // Resolves the same from any page, so one report (at the source) covers every copy.
    if (isSiteAbsolute(url)) authored.add(url);
  };
  const authoredSite: AuthoredSite = { linkSite, judge, pages: pagesBySource(issues, where.basePath), addresses: { moved, numbered: numberAddresses(issues, where.basePath), held } };
  for (const entry of issues) {
    const page = `${entry.route}index.html`;
    for (const link of entry.body.links) {
      checked++;
      attribute(page, link.url);
      // A block shown away from the issue (/compat/) carries it leading where it does from here (page-links-away.ts): reported here only.
      attribute(page, fromIssuePage(link.url, routeUrl(where.basePath, entry.route)));
      // The issue's email carries the same link made absolute (email-body.ts): report it once, at the Markdown.
      attribute(emailPaths(entry.route).html, emailForm(where, entry.route, link.url));
    }
    for (const uses of byAddress(entry.body.links)) {
      const message = authoredProblem(authoredSite, entry, uses);
      if (message) messages.push(message);
    }
  }
  const fromMarkdown = checked;

  const fromTemplates: TemplateProblem[] = [];
  for (const path of output.paths()) {
    const isHtml = path.endsWith(".html");
    if (!isHtml && !path.endsWith(".css")) continue;
    const text = output.text(path) ?? "";
    const references = isHtml ? factsOf(path).references : cssReferences(text);
    for (const ref of references) {
      if (authored.has(`${path}\0${ref.url}`) || (isSiteAbsolute(ref.url) && authored.has(ref.url)) || services.has(ref.url)) continue;
      checked++;
      const verdict = judge(path, ref.url);
      const message = builtProblem(linkSite, verdict, { path, text, ref, origin: output.origin(path) });
      if (message && isHtml && output.origin(path)?.startsWith("public/") !== true) {
        // One outside the base path is told its own fix (outsideSiteProblem); a relative one is still one mistake with the pages where it is missing.
        const relative = verdict.kind === "external" ? relativeOutsideNote(ref.url) : relativeAdvice(linkSite, ref.url, () => judge("index.html", ref.url).kind === "ok");
        fromTemplates.push({ message, url: ref.url, via: ref.via, relative });
      } else if (message) messages.push(message);
    }
  }
  messages.push(...onceForTemplates(fromTemplates, templates));
  return { messages, checked, fromMarkdown };
}

/** A reference of a file of the output the author did not write in an issue: where it is, and who made the file (`output.origin`). */
interface BuiltReference {
  path: string;
  text: string;
  ref: Reference;
  origin: string | undefined;
}

/**
 * The error for a reference of a built page or stylesheet, or undefined when
 * it lands. A file of public/ is published as it is, so its text is what the
 * author wrote: the error is reported there, at the same line and column, and
 * the address quoted is the one in that file. It was reported at the built
 * page, and told to "check the templates or public/", though gekkan knew which
 * file it was. Any other file was built from the templates, where the address
 * is often not written as the page has it (`{{ "/issues/" | url }}` is
 * /newsletter/issues/ on the page, `{{ issue.url }}` no address at all):
 * the error stays at the built page, quoting what is there, which is what
 * its line and column point at; guessing the template's spelling could name
 * a text the author never wrote. The same error on many such pages is said
 * once by checkLinks (template-repeats.ts), at the template only when its
 * text holds the address as the page has it.
 */
function builtProblem(site: LinkSite, verdict: LinkVerdict, built: BuiltReference): VFileMessage | undefined {
  if (verdict.kind === "external") {
    const outside = meantUnderBasePath(site, built.path, built.ref.url);
    return outside === undefined ? undefined : outsideSiteProblem(site, built, outside);
  }
  const { path, text, ref, origin } = built;
  const noun = nounOf(ref);
  const page = outputUrl(site.basePath, path);
  const copied = origin?.startsWith("public/") === true;
  // A relative address in a copied file is offered a relative one, to paste over it; any other is offered as the page has it, which is as it is written there.
  const relative = copied && !isSiteAbsolute(ref.url) && !ref.url.startsWith("#");
  const reason = describe(verdict, { quoted: `"${ref.url}"`, path: relative ? (hint) => inWrittenForm(ref.url, hint, page, site) : undefined }, noun, site, page);
  if (!reason) return undefined;
  const rule = verdict.kind === "anchor" ? "broken-anchor" : "broken-link";
  const place = placeOfOffset(text, ref.offset);
  if (copied && origin !== undefined) return diagnostic(origin, `${reason} (${ref.via} in a file of public/, which is published as it is)`, place, rule);
  return diagnostic(page, path.endsWith(".html") ? reason + builtPageNote(ref.via) : `${reason} (${ref.via} in the built stylesheet: check the templates)`, place, rule);
}

/** What a message calls a reference: what an image or stylesheet loads is not followed by a click, so it is no "link". */
function nounOf(ref: Reference): "link" | "reference" {
  return ref.via.startsWith("img") || ref.via.startsWith("css") ? "reference" : "link";
}

/**
 * The error for a reference that lands on the site's host outside its base
 * path (`/issues/2011-04/`, `https://example.org/issues/2011-04/` or
 * `../../issues/2011-04/` on a site under /newsletter/), where `meant`, the
 * same address under the base path, is a page or file of the site. `gekkan
 * dev` serves the site at / and so shows such a link working: only here is
 * it found. A file of public/ or a stylesheet is offered the address relative
 * to itself, which works under any base path and in dev too, and the one
 * with the base path, a full URL for a full URL; a page built from the
 * templates the `url` filter, which adds the base path as the templates' own
 * addresses do, or for a full URL the site's address with the base path.
 */
function outsideSiteProblem(site: LinkSite, built: BuiltReference, outside: OutsideBase): VFileMessage {
  const { path, text, ref, origin } = built;
  const page = outputUrl(site.basePath, path);
  const leads = `broken ${nounOf(ref)} "${ref.url}": on the published site it leads outside the site, to ${outside.to}, as the site is under ${site.basePath}`;
  const place = placeOfOffset(text, ref.offset);
  const full = isFullUrl(ref.url) ? inWrittenForm(ref.url, outside.meant, page, site) : undefined;
  const either = ` — write "${relativePath(page, outside.meant)}" (relative to this file: it works under any base path, gekkan dev's too) or "${full ?? outside.meant}"`;
  if (origin?.startsWith("public/") === true) return diagnostic(origin, `${leads}${either} (${ref.via} in a file of public/, which is published as it is)`, place, "broken-link");
  if (!path.endsWith(".html")) return diagnostic(page, `${leads}${either} (${ref.via} in the built stylesheet: check the templates)`, place, "broken-link");
  if (full !== undefined) return diagnostic(page, `${leads} — write "${full}", the site's address with its base path${builtPageNote(ref.via)}`, place, "broken-link");
  // A relative address in a template is relative to each page it is on: the filter's address is the same from all of them.
  const fromRoot = isRootRelative(ref.url) ? ref.url : asWritten(site.basePath, outside.meant);
  return diagnostic(page, `${leads} — write it in the template as {{ "${fromRoot}" | url }}, which adds the base path${builtPageNote(ref.via)}`, place, "broken-link");
}

/**
 * Every old address of an issue (`moved`: its month, where it sets another
 * slug; its `aliases`), as a public path, with where the issue is now.
 */
function formerAddresses(issues: readonly SiteIssue[], moved: ReadonlyMap<string, SiteIssue>, basePath: string): Map<string, FormerAddress> {
  const aliased = issues.flatMap((entry) => entry.aliases.map((route): [string, SiteIssue] => [routeUrl(basePath, route), entry]));
  return new Map([...moved, ...aliased].map(([path, entry]) => [path, { page: routeUrl(basePath, entry.route), number: entry.issue.number, file: entry.issue.file, slug: entry.slug, slugFile: slugFileOf(entry) }]));
}

/** What judging a link the author wrote needs besides the link: the site, and what makes its advice. */
interface AuthoredSite {
  linkSite: LinkSite;
  judge: (from: string, url: string) => LinkVerdict;
  pages: ReadonlyMap<string, string>;
  addresses: IssueAddresses;
}

/**
 * An issue's links, each alone, but the uses of one reference definition
 * (`[r]: /address`, by link or picture) together: the address is written once,
 * on the definition's line, and is corrected there. Reported at each use, a
 * broken one sent the author to lines with no address on them.
 */
function byAddress(links: readonly BodyLink[]): BodyLink[][] {
  // A link without a definition is a group of its own: it is its own key.
  return [...groupBy(links, (link): BodyLink | string => (link.definition === undefined ? link : `${link.definition.line}:${link.definition.column}:${link.kind}`)).values()];
}

/** The error for a link of an issue (`uses`: its uses, more than one for a reference), at the place its address is written, or undefined when it lands. */
function authoredProblem(site: AuthoredSite, entry: SiteIssue, uses: readonly BodyLink[]): VFileMessage | undefined {
  const [link] = uses;
  if (link === undefined) return undefined;
  const { basePath } = site.linkSite;
  const page = `${entry.route}index.html`;
  const verdict = site.judge(page, link.url);
  // Quoted and fixed as the author wrote it: without the base path the Markdown stage added, and not %-encoded by it.
  const written = link.written ?? asWritten(basePath, link.url);
  const from = outputUrl(basePath, page);
  const outside = verdict.kind === "external" ? meantUnderBasePath(site.linkSite, page, link.url) : undefined;
  if (outside !== undefined) return outsideFromMarkdown(site.linkSite, entry.issue.file, uses, { written, from, outside });
  const meant = verdict.kind === "missing" ? meantTarget(site.linkSite, site.pages, { written, url: link.url, source: entry.issue.file, from: page }, site.addresses) : undefined;
  const spell = inWrittenSpelling(written);
  // Quoted as the file's text has it (`&amp;`, `\_` kept), so that searching the file finds it.
  const form: Form = { quoted: quotedLink(written, link.inText) + referenceNote(link.definition, uses), path: (hint) => inWrittenForm(written, hint, from, site.linkSite), spell, place: (path) => placeAsWritten(written, path, basePath) };
  const image = link.kind !== "link";
  const reason = describe(verdict, form, image ? "image" : "link", site.linkSite, from, meant);
  if (!reason) return undefined;
  const rule = image ? "missing-image" : verdict.kind === "anchor" ? "broken-anchor" : "broken-link";
  return diagnostic(entry.issue.file, reason + basePathNote(written, basePath), writtenAt(link), rule);
}

/**
 * The error for an issue's link that lands on the site's host outside its
 * base path (outside-base.ts), offered in the form it is written in: a full
 * URL with the base path, a relative address that climbs no higher than the
 * site. A root-relative one is gekkan's mistake, not the author's: the
 * Markdown stage adds the base path to every one; said so, it is not taken
 * for another site and passed.
 */
function outsideFromMarkdown(site: LinkSite, file: string, uses: readonly BodyLink[], link: { written: string; from: string; outside: OutsideBase }): VFileMessage {
  const [first] = uses;
  const place = first === undefined ? { line: 1, column: 1 } : writtenAt(first);
  const quoted = quotedLink(link.written, first?.inText);
  if (isRootRelative(link.written)) return diagnostic(file, `${quoted} leads outside the site, to ${link.outside.to}, on the published site under ${site.basePath}: gekkan adds the base path to every root-relative address of an issue but did not to this one; please report it as a bug of gekkan`, place, "broken-link");
  const image = first !== undefined && first.kind !== "link";
  const fix = inWrittenSpelling(link.written)(inWrittenForm(link.written, link.outside.meant, link.from, site));
  const reason = `broken ${image ? "image" : "link"} ${quoted + referenceNote(first?.definition, uses)}: on the published site it leads outside the site, to ${link.outside.to}, as the site is under ${site.basePath} — did you mean "${fix}"?`;
  return diagnostic(file, reason, place, image ? "missing-image" : "broken-link");
}

/** Said of a reference's address, reported at its definition: which one it is, and where it is used (the places the reader of the page clicks). */
function referenceNote(definition: BodyLink["definition"], uses: readonly BodyLink[]): string {
  if (definition === undefined) return "";
  const places = uses.map((use) => `${use.line}:${use.column}`);
  const used = places.length > 3 ? `used ${places.length} times, first at ${places[0] ?? ""}` : `used at ${places.length === 1 ? places[0] : `${places.slice(0, -1).join(", ")} and ${places.at(-1) ?? ""}`}`;
  return `, the address of [${definition.label}] (${used})`;
}

/**
 * How a message names a reference and writes what it suggests: `quoted` is
 * the reference as the reader of the message finds it in their file, quotes
 * included; `path` turns a suggested public path into the form it is written
 * in, `spell` writes any suggestion as it spells (both default to as it is);
 * `place` names the public path the reference lands on (default: as it reads).
 */
interface Form {
  quoted: string;
  path?: (publicPath: string) => string;
  spell?: (suggestion: string) => string;
  place?: (publicPath: string) => string;
}

/**
 * Why a reference is broken, quoting it as `form` says; every suggestion is
 * written in the form and spelling of the broken one (`form.path`,
 * `form.spell`), so it can be pasted over it. The page that
 * holds the reference (`from`, its public path) is never suggested: a link
 * to a missing page did not mean the page it is on ("./" fixes nothing).
 */
function describe(verdict: LinkVerdict, form: Form, noun: "link" | "image" | "reference", site: LinkSite, from: string, meant?: MeantTarget): string | undefined {
  if (verdict.kind === "ok" || verdict.kind === "external") return undefined;
  const spell = form.spell ?? ((suggestion: string) => suggestion);
  const asWritten = (path: string) => spell(form.path === undefined ? path : form.path(path));
  if (verdict.kind === "missing") {
    const kind = kindOf(verdict.path);
    // The path as it reads (/特集x/), not as the browser asks for it (/%E7%89%B9…): the author typed the one, or reads the one in the quote's "that is".
    const nothing = `broken ${noun} ${form.quoted}: nothing is published at ${(form.place ?? readable)(verdict.path)}${resolvedNote(form, verdict.path)}`;
    const advice = meant === undefined ? "" : meantAdvice(meant, kind, site.basePath, asWritten, spell);
    if (advice !== "") return `${nothing}${advice}`;
    const known = site.output.paths().map((p) => outputUrl(site.basePath, p)).filter((path) => path !== from && kindOf(path) === kind);
    const written = safeDecode(verdict.path);
    const twin = known.find((path) => path !== written && path.normalize("NFC") === written.normalize("NFC"));
    // Here only the escapes tell the two apart: read as they are, the path and its twin print the same.
    if (twin !== undefined) return `broken ${noun} ${form.quoted}: nothing is published at ${verdict.path}; ${twin} is, which looks the same but the link has letters written with their marks apart (ガ as カ + ゛, as text copied from a Mac file name is), so a browser does not go there; type the link's Japanese again`;
    const former = kind === "page" ? nearestFormer(verdict.path, known, from, site) : undefined;
    if (former !== undefined) return `${nothing} — did you mean "${asWritten(former.moved.page)}"? (issue ${former.moved.number}, ${former.moved.file}, was at ${readable(former.old)} before ${former.moved.slugFile === undefined ? "it" : `its original (${former.moved.slugFile})`} set slug: ${former.moved.slug})`;
    const hint = nearestPage(verdict.path, known, from, site.editions ?? [], site.basePath);
    const fix = noun === "image" ? `; put the file at public/${safeDecode(verdict.path.slice(site.basePath.length))}` : "";
    return `${nothing}${hint ? ` — did you mean "${asWritten(hint)}"?` : fix}`;
  }
  const ids = [...site.idsOf(verdict.file)];
  const broken = `broken anchor in ${noun} ${form.quoted}: ${form.place?.(verdict.path) ?? verdict.path} has no element with id "${verdict.fragment}"`;
  const twin = ids.find((id) => id.normalize("NFC") === verdict.fragment.normalize("NFC"));
  if (twin !== undefined) return `${broken}${sameLettersApart(twin)}`;
  const published = rawHtmlId(verdict.fragment, ids);
  if (published !== undefined) return `${broken} — did you mean "${spell(`#${published}`)}"? (an id written in raw HTML is published with ${CLOBBER_PREFIX} before it, so that it cannot take the place of one of the page's own)`;
  return broken + anchorAdvice(verdict.fragment, ids, site.headingsOf?.(verdict.file) ?? [], spell);
}

/**
 * The old address of an issue (`site.formerAddresses`: its month before it
 * set a slug, an alias) that a broken page link is a near miss of, nearer
 * than any page published: it is offered as the issue's page now, which it
 * means. Only the exact old address had advice; `/en/issue/2011-04/` got
 * none, near no page there is. Not when the link's own page is as near: a
 * typo of the page the link is on did not mean another issue.
 */
function nearestFormer(path: string, known: readonly string[], from: string, site: LinkSite): { old: string; moved: FormerAddress } | undefined {
  const former = site.formerAddresses ?? new Map<string, FormerAddress>();
  const old = nearestPage(path, [...known, ...former.keys()], from, site.editions ?? [], site.basePath);
  const moved = old === undefined ? undefined : former.get(old);
  if (old === undefined || moved === undefined) return undefined;
  const away = (to: string) => editDistance(readable(path), readable(to));
  return away(from) <= away(old) ? undefined : { old, moved };
}

/**
 * The id that reads as the link's anchor but is other characters: one of the
 * two has letters with their marks apart (ガ as カ + ゛), as macOS writes file
 * names and text copied from them. "did you mean" offered the same-looking
 * anchor, which the author had written already; a browser does not go there.
 */
function sameLettersApart(id: string): string {
  const [where, fix] = id !== id.normalize("NFC") ? ["in the heading or block it comes from", "type that heading's or block's Japanese again"] : ["in the link", "type the link's Japanese again"];
  return `; it has "#${id}", which looks the same but has letters written with their marks apart ${where} (ガ as カ + ゛, as text copied from a Mac file name is), so a browser does not go there; ${fix}`;
}

const CLOBBER_PREFIX = sanitizeSchema.clobberPrefix ?? "";

/**
 * The id the sanitizer published for an id the author wrote in raw HTML
 * (`<a id="note">` is `user-content-note` on the page): the link names it as
 * written, which no element has, and it is too far from the prefixed one by
 * spelling for "did you mean" to find it.
 */
function rawHtmlId(fragment: string, ids: readonly string[]): string | undefined {
  const published = CLOBBER_PREFIX + fragment;
  return CLOBBER_PREFIX !== "" && ids.includes(published) ? published : undefined;
}

/** The advice for a link whose meaning its form gives away (meant-target.ts), or "" when it is not of the kind the link needs. */
function meantAdvice(meant: MeantTarget, kind: ReturnType<typeof kindOf>, basePath: string, inWrittenForm: (path: string) => string, spell: (suggestion: string) => string): string {
  // Written from the site root whatever the link's form: the relative form of a source file's path is no page's.
  const fromRoot = spell(asWritten(basePath, meant.path));
  if (meant.kind === "moved") {
    const [sets, holder] = meant.slugFile === undefined ? ["it sets", "that issue's front matter"] : [`its original (${meant.slugFile}) sets`, `the original's front matter, which the translation takes its address from`];
    return `; the issue of that month (${meant.file}) is at ${fromRoot} since ${sets} slug: ${meant.slug}: link there, or, if readers and sent emails know the old address, keep it with aliases: [${meant.month}] in ${holder}`;
  }
  if (meant.kind === "held") {
    const { number, file, note, byOriginal } = meant.held;
    const until = byOriginal ? "its original is published" : "it is published";
    return `; it is the page of issue ${number} (${file}), ${note}, which gekkan build leaves out until ${until}: publish ${byOriginal ? "the original" : "it"}, or take the link out until then`;
  }
  if (meant.kind === "issue-page") return `; it is the Markdown source of an issue, which is not published: link the issue's page instead: ${fromRoot}`;
  if (meant.kind === "page" || meant.kind === "base-path") return ` — did you mean "${inWrittenForm(meant.path)}"?`;
  if (meant.kind === "backslash") return ` — did you mean "${fromRoot}"? (an address parts its folders with /, not with \\ or ¥ as a Windows folder path does)`;
  if (meant.kind === "issue-number") return ` — did you mean "${inWrittenForm(meant.path)}"? (issue ${meant.number}'s page: an issue's address is its month or its slug, not its number)`;
  if (kindOf(meant.path.replace(/[?#].*$/, "")) !== kind) return "";
  return ` — did you mean "${fromRoot}"? (a relative address starts from the issue's page)`;
}

/**
 * What a path is, for suggestions: a page (ends in "/"), an image (of any
 * type: x.png for x.jpg is the likely fix) or another file (email.txt for
 * email.tx). A missing image was offered the page's email.txt, the nearest
 * path by spelling, which fixed nothing and hid the advice to put the file
 * in public/.
 */
function kindOf(path: string): "page" | "image" | "file" {
  // A Markdown file is never published as such: a link to one means a page; so does one to an HTML file (`/issues/2011-04.html`, other generators' habit), which was offered the issue's email.html.
  if (path.endsWith("/") || /\.(md|html?)$/i.test(path)) return "page";
  return contentTypeOf(path).startsWith("image/") ? "image" : "file";
}

/** A body link as the issue's email carries it: made absolute by the rule of absolute-html.ts (a URL it cannot read stays as written). */
function emailForm(where: SiteAddress, route: string, url: string): string {
  try {
    return publishedUrl(where, route, url);
  } catch {
    return url;
  }
}

/**
 * A public path a link of the author's lands on, named as the author writes
 * addresses: from the site root without the base path, which the build adds
 * (`/issues/2011-03/` was reported as "nothing is published at
 * /newsletter/issues/2011-03/", an address the author never wrote). A full
 * URL was written with the base path, and is named with it; so is a link
 * written with it from the root (`/newsletter/issues/…`), where the path
 * with the base path twice is what shows the mistake (basePathNote).
 */
function placeAsWritten(written: string, path: string, basePath: string): string {
  const withBase = isFullUrl(written) || written.startsWith(basePath);
  if (basePath === "/" || withBase || !path.startsWith(basePath)) return readable(path);
  return asWritten(basePath, path);
}

/** Where a missing path named without the base path (`form.place`) is on the site, said after it: the address a browser asks for, when it is another. */
function resolvedNote(form: Form, path: string): string {
  const named = form.place?.(path);
  return named === undefined || named === readable(path) ? "" : ` (${readable(path)} on the site)`;
}

/**
 * Said after a broken root-relative link that starts with the base path
 * (`/repo/issues/…` on a site published under /repo/): the Markdown stage
 * adds the base path itself, so the author wrote it twice.
 */
function basePathNote(written: string, basePath: string): string {
  if (basePath === "/" || !written.startsWith(basePath)) return "";
  return ` (links are written from the site root without the base path ${basePath}: gekkan adds it)`;
}
