import type { SiteIssue } from "../site/model.js";
import type { RenderEnv } from "../render/pages.js";
import { composeMessage, messageId } from "./message.js";
import type { EmailEdition } from "./render-email.js";
import { parseMailbox } from "../mail-address.js";
import { emailHeadersFor } from "../config-email.js";
import type { Outgoing } from "./send.js";
import { listIdentifier, listIdHeader } from "./list-id.js";

export interface IssueMessageOptions {
  entry: SiteIssue;
  env: RenderEnv;
  /** The issue's email (renderEmail): the same HTML and text the build writes as email.html and email.txt. */
  edition: EmailEdition;
  from: string;
  to: readonly string[];
  /** One message per recipient (sending), or one addressed to all (writing). */
  perRecipient: boolean;
  date: Date;
}

/**
 * An issue's email as message bytes: its edition as the two parts, the
 * issue's title as Subject, and the config's sender and list headers for
 * the issue's language (emailHeadersFor).
 */
export async function issueMessages(options: IssueMessageOptions): Promise<Outgoing[]> {
  const { entry, env, edition } = options;
  const subject = entry.issue.title;
  const host = new URL(env.config.origin).hostname;
  const headers = emailHeadersFor(env.config, entry.issue.lang);
  const base = {
    from: options.from,
    replyTo: headers.replyTo,
    subject,
    html: edition.html,
    text: edition.text,
    date: options.date,
    // The page's slug (entry.slug): a translation published a month later is still that month's issue, at its original's URL.
    messageId: messageId(entry.slug, entry.issue.number, host, { subject, ...edition }),
    lang: entry.issue.lang,
    listUnsubscribe: headers.listUnsubscribe,
    oneClick: headers.listUnsubscribeOneClick,
    listId: listIdFor(env.config, entry.issue.lang),
  };
  const groups = options.perRecipient ? options.to.map((to) => [to]) : [options.to];
  return Promise.all(groups.map(async (to) => ({ to: to.map((a) => parseMailbox(a)?.address ?? a), raw: await composeMessage({ ...base, to }) })));
}

/**
 * List-Id (RFC 2919) from the site's title in the issue's language and its
 * address: what mail apps and filters group a newsletter's issues by. A
 * site without an address has no name on the web to make an id of (its
 * links go to localhost), so its message has none.
 */
function listIdFor(config: RenderEnv["config"], lang: string): string | undefined {
  if (!config.urlGiven) return undefined;
  const id = listIdentifier(config.origin, config.publishedBasePath);
  if (id === undefined) return undefined;
  const title = (lang === config.lang ? undefined : config.languages[lang]?.title) ?? config.title;
  return listIdHeader(title, id);
}
