import addressparser from "nodemailer/lib/addressparser";

export interface Mailbox {
  name: string;
  address: string;
}

// Deliberately loose: the receiving server judges deliverability; this only catches what is not an address at all.
const ADDRESS = /^[^\s@<>()[\],;:"]+@[^\s@<>()[\],;:"]+$/;

/**
 * One mailbox, as the From/To/Reply-To headers take it: `news@example.org`
 * or `月刊 Linux-HA 通信 <news@example.org>`. Parsed the way nodemailer will
 * parse it, so what the config accepts is what the message carries.
 * undefined for anything else (no address, a list, a group).
 */
export function parseMailbox(text: string): Mailbox | undefined {
  const parsed = addressparser(text.trim());
  const [only] = parsed;
  if (parsed.length !== 1 || only === undefined || only.group !== undefined) return undefined;
  return ADDRESS.test(only.address) ? { name: only.name, address: only.address } : undefined;
}

/** A List-Unsubscribe target (RFC 2369): a mailto: address or a web address. */
export function isUnsubscribeUrl(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const url = new URL(text);
  if (url.protocol === "mailto:") return ADDRESS.test(decodeURIComponent(url.pathname));
  return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
}
