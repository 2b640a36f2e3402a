import type { SiteIssue } from "../site/model.js";
import { localeFor, type RenderEnv } from "../render/pages.js";
import { emailBodyHtml } from "./email-body.js";
import { emailView } from "./email-view.js";
import type { TaskLabels } from "./task-boxes.js";
import { absoluteImages, emailImageHtml, type EmailImage } from "./email-images.js";

/** The Liquid template of the email, under templates/ (a site may override it). */
export const EMAIL_TEMPLATE = "email/issue";

/** The email template filled for one issue, before inlining; with what finishing it needs. */
export interface EmailSource {
  html: string;
  lang: string;
  linksLabel: string;
  /** What the HTML part's task boxes say to a screen reader (task-boxes.ts). */
  taskLabels: TaskLabels;
}

/**
 * An issue → its email template output. `body` is the issue body with its
 * blocks filled in (the same HTML as the web page's), made absolute, its
 * images as the email shows them (`images`, emailImages: a PNG for an SVG,
 * a width for Outlook).
 * Apart from finishing (render-email.ts): a build loads the finishing stack
 * (juice, cheerio, html-to-text) only when it has an email to make.
 */
export function emailSource(entry: SiteIssue, env: RenderEnv, body: string, images: ReadonlyMap<string, EmailImage>): EmailSource {
  const own = emailImageHtml(emailBodyHtml(body, env.config, entry.route), absoluteImages(images, env.config, entry.route));
  const html = env.liquid.renderFileSync(EMAIL_TEMPLATE, emailView(entry, env, own));
  const strings = localeFor(env, entry.issue.lang).pack.strings;
  const taskLabels = { done: strings.emailTaskDone ?? "done", open: strings.emailTaskOpen ?? "not done" };
  return { html, lang: entry.issue.lang, linksLabel: strings.emailLinks ?? "Links", taskLabels };
}

/** Where an issue's email files go: beside its page. */
export function emailPaths(route: string): { html: string; text: string } {
  return { html: `${route}email.html`, text: `${route}email.txt` };
}
