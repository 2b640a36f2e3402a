import type { SiteIssue } from "../site/model.js";
import { localeFor, type RenderEnv } from "../render/pages.js";
import { emailBodyHtml } from "./email-body.js";
import { emailText } from "./email-text.js";
import { emailView, siteUrl } from "./email-view.js";
import { inlineCss } from "./inline-css.js";

/** An issue as an email: the HTML part and its plain-text twin. */
export interface EmailEdition {
  html: string;
  text: string;
}

/** The Liquid template of the email, under templates/ (a site may override it). */
export const EMAIL_TEMPLATE = "email/issue";

/** The email template filled for one issue, before inlining; with what finishing it needs. */
export interface EmailSource {
  html: string;
  lang: string;
  linksLabel: string;
}

/**
 * An issue → its email template output. `body` is the issue body with its
 * blocks filled in (the same HTML as the web page's), made absolute.
 */
export function emailSource(entry: SiteIssue, env: RenderEnv, body: string): EmailSource {
  const html = env.liquid.renderFileSync(EMAIL_TEMPLATE, emailView(entry, env, emailBodyHtml(body, siteUrl(env, entry.route))));
  const strings = localeFor(env, entry.issue.lang).pack.strings;
  return { html, lang: entry.issue.lang, linksLabel: strings.emailLinks ?? "Links" };
}

/** Template output → the email: juice inlines the CSS for the HTML part; the text part is read from the same output. */
export function finishEmail(source: EmailSource): EmailEdition {
  return { html: inlineCss(source.html), text: emailText(source.html, source.lang, source.linksLabel) };
}

export function renderEmail(entry: SiteIssue, env: RenderEnv, body: string): EmailEdition {
  return finishEmail(emailSource(entry, env, body));
}
