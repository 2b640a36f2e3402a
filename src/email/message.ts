import { createHash } from "node:crypto";
import MailComposer from "nodemailer/lib/mail-composer";
import { encode as base64, wrap as wrapBase64 } from "nodemailer/lib/base64";
import { encode as quotedPrintable, wrap as wrapQuotedPrintable } from "nodemailer/lib/qp";
import { hasLongerLines, isPlainText } from "nodemailer/lib/mime-funcs";

/** Everything an issue's message carries; see composeMessage. */
export interface MessageInput {
  from: string;
  /** May be empty: an ESP import or a list server adds the recipients. */
  to: readonly string[];
  replyTo: string | undefined;
  subject: string;
  html: string;
  text: string;
  /** The Date header, decided by the caller: SOURCE_DATE_EPOCH or the clock for a written message, the clock for a sent one. */
  date: Date;
  messageId: string;
  lang: string;
  /** List-Unsubscribe targets (mailto: and/or https:). */
  listUnsubscribe: readonly string[];
  /** Adds List-Unsubscribe-Post (RFC 8058 one-click). */
  oneClick: boolean;
  /** The List-Id header's value, already encoded (listIdHeader); none for a site without an address. */
  listId: string | undefined;
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
    text: { ...encodedPart(input.text), contentType: "text/plain; charset=utf-8" },
    html: { ...encodedPart(input.html), contentType: "text/html; charset=utf-8" },
    baseBoundary: createHash("sha256").update(input.messageId).digest("hex").slice(0, 16),
    newline: "win",
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  const root = composer.compile();
  // Set after compiling, so they follow From/To/Subject/Date instead of leading the header.
  root.setHeader("Content-Language", input.lang);
  // Prepared: left to itself, nodemailer encodes a whole value holding a quote or a comma, id and all, which no filter matches.
  if (input.listId !== undefined) root.setHeader("List-Id", { prepared: true, foldLines: true, value: input.listId });
  if (input.listUnsubscribe.length > 0) root.setHeader("List-Unsubscribe", input.listUnsubscribe.map((u) => `<${u}>`).join(", "));
  if (input.oneClick) root.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
  return root.build();
}

/**
 * The shorter of the two encodings for a part, as they would be written.
 * nodemailer picks by counting characters, and takes quoted-printable
 * whenever a part has more Latin letters than others: a Japanese part with
 * its URLs and inlined styles. Quoted-printable writes each byte of a
 * Japanese character as `=E3`, three times its size (base64 is 4/3), and the
 * message size is what Gmail clips at and what a mail provider counts.
 * Both decode to the same text.
 */
function encodedPart(content: string): { content: string; contentTransferEncoding?: "base64" | "quoted-printable" } {
  // Plain ASCII in short lines goes as it is (7bit), as nodemailer sends it.
  if (isPlainText(content) && !hasLongerLines(content, 76)) return { content };
  // Text in MIME has CRLF line breaks (RFC 2046 4.1.1): quoted-printable gets them from the message's newlines, base64 must carry them itself.
  const canonical = content.replace(/\r?\n/g, "\r\n");
  const shorter = wrapBase64(base64(Buffer.from(canonical, "utf8")), 76).length < wrapQuotedPrintable(quotedPrintable(Buffer.from(content, "utf8")), 76).length;
  // Said either way: left to choose, nodemailer would base64 a mostly Japanese part without CRLF line breaks.
  return shorter ? { content: canonical, contentTransferEncoding: "base64" } : { content, contentTransferEncoding: "quoted-printable" };
}
