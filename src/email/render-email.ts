import type { SiteIssue } from "../site/model.js";
import type { RenderEnv } from "../render/pages.js";
import { emailSource, type EmailSource } from "./email-source.js";
import { emailText } from "./email-text.js";
import { inlineCss } from "./inline-css.js";
import { taskBoxes } from "./task-boxes.js";
import type { EmailImage } from "./email-images.js";

/** An issue as an email: the HTML part and its plain-text twin. */
export interface EmailEdition {
  html: string;
  text: string;
}

/** Template output → the email: juice inlines the CSS for the HTML part, whose task boxes become characters; the text part is read from the same output, boxes and all. */
export function finishEmail(source: EmailSource): EmailEdition {
  return { html: inlineCss(taskBoxes(source.html, source.taskLabels)), text: emailText(source.html, source.lang, source.linksLabel) };
}

export function renderEmail(entry: SiteIssue, env: RenderEnv, body: string, images: ReadonlyMap<string, EmailImage>): EmailEdition {
  return finishEmail(emailSource(entry, env, body, images));
}
