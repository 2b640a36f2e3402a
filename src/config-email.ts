import { z } from "zod";
import { isUnsubscribeUrl, mailboxHint, parseMailbox } from "./mail-address.js";

/** Sender and list headers for `gekkan email`; every field optional until a message is made. */
export interface EmailHeaders {
  from: string | undefined;
  replyTo: string | undefined;
  /** List-Unsubscribe targets, mailto: and/or https:, in the author's order. */
  listUnsubscribe: string[];
  /** Adds `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058). */
  listUnsubscribeOneClick: boolean;
  /** Where a reader signs up for the emailed issues (a form's https: URL or a mailto:), linked on the site's pages. */
  subscribe: string | undefined;
}

export interface EmailConfig extends EmailHeaders {
  /** Builds write email.html and email.txt beside each issue page (inlining costs time on large archives). */
  files: boolean;
}

/** A language's own headers (config `languages.<code>.email`): each one it gives replaces the site's. */
export type LanguageEmail = Partial<Omit<EmailHeaders, "listUnsubscribe">> & { listUnsubscribe?: string[] | undefined };

export const EMAIL_EXPECTATIONS: Readonly<Record<string, string>> = {
  email: 'an object such as { "from": "月刊 News <news@example.org>", "listUnsubscribe": "mailto:leave@example.org" }',
  "email.from": 'one sender address, such as "月刊 News <news@example.org>"',
  "email.replyTo": "one address for replies",
  "email.listUnsubscribe": "a mailto: address or an https:// URL, or a list of them",
  "email.subscribe": "a web address (https://) of the page where readers sign up, or a mailto: address",
  "email.listUnsubscribeOneClick": "true or false (readers' mail apps unsubscribe with one click, RFC 8058)",
  "email.files": "true or false (write email.html and email.txt beside each issue page)",
};

const mailbox = z.string().superRefine((text, ctx) => {
  if (parseMailbox(text) === undefined) ctx.addIssue({ code: "custom", input: text, message: `that is not an email address${mailboxHint(text)}` });
});
const target = z.string().superRefine((text, ctx) => {
  if (!isUnsubscribeUrl(text)) ctx.addIssue({ code: "custom", input: text, message: `neither a mailto: address nor a web address${targetHint(text.trim())}` });
});

/**
 * The target an author most likely meant, when the scheme alone is missing:
 * a bare address (`leave@example.org`) or a web address typed as a browser
 * shows it (`www.example.org/leave`). A mail app reads neither.
 */
function targetHint(text: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(text)) return "";
  if (parseMailbox(text)?.name === "" && isUnsubscribeUrl(`mailto:${text}`)) return `; write "mailto:${text}"`;
  return /^[^\s@/]+\.[^\s@]+$/.test(text) && isUnsubscribeUrl(`https://${text}`) ? `; write "https://${text}"` : "";
}
const headerFields = {
  from: mailbox.optional(),
  replyTo: mailbox.optional(),
  listUnsubscribe: z.union([target, z.array(target).min(1)]).optional(),
  subscribe: target.optional(),
};

const ONE_CLICK = "one-click needs an https:// URL in listUnsubscribe that unsubscribes on a POST";

/** `email`: who the emailed issue comes from, and how readers leave the list (see `gekkan email`). */
export function emailSchema() {
  return z
    .strictObject({ ...headerFields, listUnsubscribeOneClick: z.boolean().default(false), files: z.boolean().default(true) })
    .superRefine((email, ctx) => {
      if (!email.listUnsubscribeOneClick || hasHttps(email.listUnsubscribe)) return;
      ctx.addIssue({ code: "custom", path: ["listUnsubscribeOneClick"], input: true, message: ONE_CLICK });
    })
    .default({ listUnsubscribeOneClick: false, files: true });
}

/** `languages.<code>.email`: the same headers for that language's edition (a translated list has its own sender and address). */
export function languageEmailSchema() {
  return z.strictObject({ ...headerFields, listUnsubscribeOneClick: z.boolean().optional() });
}

/**
 * Where a language's headers and the site's together ask for one-click
 * unsubscribing without an https:// address: the path to report, inside
 * `languages.<code>.email`, or undefined.
 */
export function languageOneClickProblem(site: { listUnsubscribe?: string | string[] | undefined; listUnsubscribeOneClick: boolean }, own: { listUnsubscribe?: string | string[] | undefined; listUnsubscribeOneClick?: boolean | undefined }): { path: "listUnsubscribeOneClick" | "listUnsubscribe"; message: string } | undefined {
  const oneClick = own.listUnsubscribeOneClick ?? site.listUnsubscribeOneClick;
  if (!oneClick || hasHttps(own.listUnsubscribe ?? site.listUnsubscribe)) return undefined;
  return { path: own.listUnsubscribeOneClick === true ? "listUnsubscribeOneClick" : "listUnsubscribe", message: ONE_CLICK };
}

function hasHttps(value: string | string[] | undefined): boolean {
  return unsubscribeTargets(value).some((u) => u.startsWith("https:"));
}

function unsubscribeTargets(value: string | string[] | undefined): string[] {
  return value === undefined ? [] : typeof value === "string" ? [value] : value;
}

/**
 * A target as the header and the footer's link carry it (and the site's
 * subscribe link): the URL parser's
 * form, Japanese and spaces percent-encoded. Typed as written, a header with
 * Japanese in it went out as an RFC 2047 word, which no mail app reads as
 * `<URL>`s (RFC 2369), and a space ended the text part's link.
 */
function asSent(target: string): string {
  return new URL(target).href;
}

/** The parsed `email` (or a language's) as the rest of gekkan reads it: addresses trimmed, targets as a list. */
export function emailConfig<T extends { from?: string | undefined; replyTo?: string | undefined; listUnsubscribe?: string | string[] | undefined; subscribe?: string | undefined }>(email: T): Omit<T, "listUnsubscribe" | "subscribe"> & { from: string | undefined; replyTo: string | undefined; listUnsubscribe: string[]; subscribe: string | undefined } {
  return { ...email, from: email.from?.trim(), replyTo: email.replyTo?.trim(), listUnsubscribe: unsubscribeTargets(email.listUnsubscribe).map(asSent), subscribe: email.subscribe === undefined ? undefined : asSent(email.subscribe.trim()) };
}

/**
 * THE rule for the headers of an edition in `lang`: each header the
 * language gives (`languages.<lang>.email`) replaces the site's, the rest
 * are the site's own.
 */
export function emailHeadersFor(config: EditionsConfig, lang: string): EmailHeaders {
  const own = editionOf(config, lang)?.email;
  const site = config.email;
  return {
    from: emailSenderFor(config, lang).from,
    replyTo: own?.replyTo ?? site.replyTo,
    listUnsubscribe: own?.listUnsubscribe !== undefined && own.listUnsubscribe.length > 0 ? own.listUnsubscribe : site.listUnsubscribe,
    listUnsubscribeOneClick: own?.listUnsubscribeOneClick ?? site.listUnsubscribeOneClick,
    subscribe: own?.subscribe ?? site.subscribe,
  };
}

/**
 * The sender of an edition in `lang` (the rule of emailHeadersFor) and the
 * config field it came from, for a message about the sender to name the
 * field to fix: an edition's own sender is not the site's email.from.
 */
export function emailSenderFor(config: EditionsConfig, lang: string): { from: string | undefined; field: string } {
  const edition = editionOf(config, lang);
  const own = edition?.email?.from;
  if (own !== undefined) return { from: own, field: `languages.${lang}.email.from` };
  return { from: senderNamedFor(config.email.from, config.title, edition?.title), field: "email.from" };
}

/** The parts of the config that decide an edition's headers. */
type EditionsConfig = { lang: string; title: string; email: EmailHeaders; languages: Readonly<Record<string, { title?: string | undefined; email?: LanguageEmail | undefined }>> };

/** The language's own settings, for an edition other than the site's language. */
function editionOf(config: EditionsConfig, lang: string) {
  return lang === config.lang ? undefined : config.languages[lang];
}

/**
 * The site's sender for an edition that has no sender of its own: a sender
 * named after the newsletter (its display name is the site's title, as in
 * "月刊 Linux-HA 通信 <news@…>") is the newsletter in the edition's language
 * too, so it takes the edition's title at the same address; otherwise the
 * English reader's inbox showed the Japanese name. Any other name (a person,
 * a team) is the author's own and stays. The name is quoted, so a title with
 * a comma is not read as two addresses.
 */
function senderNamedFor(from: string | undefined, siteTitle: string, editionTitle: string | undefined): string | undefined {
  const box = from === undefined ? undefined : parseMailbox(from);
  if (box === undefined || editionTitle === undefined || box.name.trim() !== siteTitle.trim()) return from;
  return `"${editionTitle.replace(/["\\]/g, "\\$&")}" <${box.address}>`;
}
