import { createHash } from "node:crypto";
import MailComposer from "nodemailer/lib/mail-composer";

/** Everything an issue's message carries; see composeMessage. */
export interface MessageInput {
  from: string;
  /** May be empty: an ESP import or a list server adds the recipients. */
  to: readonly string[];
  replyTo: string | undefined;
  subject: string;
  html: string;
  text: string;
  /** The Date header: SOURCE_DATE_EPOCH or the clock, decided by the caller. */
  date: Date;
  messageId: string;
  lang: string;
  /** List-Unsubscribe targets (mailto: and/or https:). */
  listUnsubscribe: readonly string[];
  /** Adds List-Unsubscribe-Post (RFC 8058 one-click). */
  oneClick: boolean;
}

/**
 * Message-ID from what the message says, never from chance: the issue's
 * slug and number, a hash of the parts and subject, and the site's host.
 * The same issue gives the same id, so a re-run is recognisably the same
 * message; a corrected issue gives a new one (Gmail drops a second message
 * with an id it has seen, which would swallow a correction).
 */
export function messageId(slug: string, number: number, host: string, parts: { subject: string; html: string; text: string }): string {
  const hash = createHash("sha256").update(parts.subject).update("\0").update(parts.html).update("\0").update(parts.text).digest("hex").slice(0, 16);
  return `<gekkan.${slug}.${number}.${hash}@${host}>`;
}

/**
 * An RFC 5322 message, built by nodemailer's MailComposer: multipart/
 * alternative with the text part first and the HTML part last (the part a
 * reader prefers), UTF-8, non-ASCII headers RFC 2047-encoded. The multipart
 * boundary is derived from the Message-ID instead of random bytes, so the
 * same input gives the same bytes. Lines end in CRLF, as on the wire.
 */
export async function composeMessage(input: MessageInput): Promise<Buffer> {
  const composer = new MailComposer({
    from: input.from,
    ...(input.to.length > 0 ? { to: [...input.to] } : {}),
    ...(input.replyTo !== undefined ? { replyTo: input.replyTo } : {}),
    subject: input.subject,
    date: input.date,
    messageId: input.messageId,
    text: { content: input.text, contentType: "text/plain; charset=utf-8" },
    html: { content: input.html, contentType: "text/html; charset=utf-8" },
    baseBoundary: createHash("sha256").update(input.messageId).digest("hex").slice(0, 16),
    newline: "win",
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  const root = composer.compile();
  // Set after compiling, so they follow From/To/Subject/Date instead of leading the header.
  root.setHeader("Content-Language", input.lang);
  if (input.listUnsubscribe.length > 0) root.setHeader("List-Unsubscribe", input.listUnsubscribe.map((u) => `<${u}>`).join(", "));
  if (input.oneClick) root.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
  return root.build();
}
