import { domainToASCII } from "node:url";
import SMTPConnection, { type SMTPConnectionOptions } from "nodemailer/lib/smtp-connection";
import { parseConnectionUrl } from "nodemailer/lib/shared";
import { NAMED_AT_MOST } from "./send-outcome.js";
import { senderNamed, type EnvelopeSender } from "./envelope-sender.js";

/** Where a send goes and how each connection to it is made (TLS, timeouts), as sendAll makes its own. */
export interface SmtpPlace {
  url: URL;
  label: string;
  connection: SMTPConnectionOptions;
}

/**
 * True for an address that only SMTPUTF8 (RFC 6531) carries: letters
 * outside ASCII before the @. A domain never needs it: nodemailer sends
 * `news@例え.jp` as `news@xn--r8jz45g.jp` (punycode, IDNA), the same domain
 * to every mail server and DNS, as Thunderbird and Outlook do, so such an
 * address goes anywhere as it is.
 */
export function needsSmtpUtf8(address: string): boolean {
  const at = address.lastIndexOf("@");
  return /[^\x00-\x7f]/.test(at === -1 ? address : address.slice(0, at));
}

/**
 * Why nothing can be sent, when the sender or a reader needs SMTPUTF8 and
 * the server does not offer it; undefined otherwise. nodemailer sends such
 * an address all the same, without the SMTPUTF8 word: a strict server
 * refuses it (a reader passed over, or the sender refused for everyone), a
 * lenient one takes it and a server further on bounces it or mangles it,
 * where the author never hears. So the server's EHLO reply is read first,
 * on a connection of its own, only for a send that needs it.
 */
export async function smtpUtf8Refusal(place: SmtpPlace, sender: EnvelopeSender, readers: readonly string[]): Promise<string | undefined> {
  const wide = [sender.address, ...readers].filter(needsSmtpUtf8);
  if (wide.length === 0 || (await offersSmtpUtf8(place))) return undefined;
  const whose = [...(needsSmtpUtf8(sender.address) ? [senderNamed(sender)] : []), ...readersNamed(readers.filter(needsSmtpUtf8))].join(" and ");
  const domain = wide.map((address) => address.slice(address.lastIndexOf("@") + 1)).find((name) => /[^\x00-\x7f]/.test(name) && domainToASCII(name) !== "");
  const punycode = domain === undefined ? "" : ` (the part after it may stay as it is: it is sent as punycode, ${domain} as ${domainToASCII(domain)})`;
  return `could not send through ${place.label}: the server does not offer SMTPUTF8 (RFC 6531), which an address with letters outside ASCII before the @ needs, so nothing was sent: ${whose}. Use addresses with only ASCII before the @${punycode}, or a server that offers SMTPUTF8`;
}

/** "the reader a", "the readers a, b", or past NAMED_AT_MOST "7 readers, such as a, b, …, e": the rest are found in the list by their letters outside ASCII. */
function readersNamed(readers: readonly string[]): string[] {
  if (readers.length === 0) return [];
  if (readers.length === 1) return [`the reader ${readers[0] ?? ""}`];
  if (readers.length <= NAMED_AT_MOST) return [`the readers ${readers.join(", ")}`];
  return [`${readers.length} readers, such as ${readers.slice(0, NAMED_AT_MOST).join(", ")}`];
}

/**
 * Whether the server's EHLO reply names SMTPUTF8: the reply as it stands
 * once the connection is ready (after STARTTLS, the one sent over TLS).
 * No login: the reply does not depend on it. A connection that fails
 * rejects with nodemailer's error, for sendAll to say as a send's.
 */
function offersSmtpUtf8(place: SmtpPlace): Promise<boolean> {
  const { host, port, secure } = parseConnectionUrl(place.url.href);
  const connection = new SMTPConnection({ ...place.connection, host, port, secure });
  return new Promise((done, fail) => {
    connection.once("error", fail);
    connection.connect(() => {
      const reply = connection.lastServerResponse;
      connection.quit();
      done(typeof reply === "string" && /^250[ -]SMTPUTF8\b/im.test(reply));
    });
  });
}
