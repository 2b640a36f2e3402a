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
  // addressparser reads `読者 ＜a@example.org＞` as the name "読者 ＜ ＞", and `読者＜a@example.org＞` (no space) as one address: full-width brackets typed for < >, never meant to be sent.
  if (/[＜＞]/.test(only.name) || /[＜＞]/.test(only.address)) return undefined;
  return ADDRESS.test(only.address) ? { name: only.name, address: only.address } : undefined;
}

// Typed with a Japanese input method still on: they look like @ < > but no mail server reads them so.
const FULL_WIDTH: ReadonlyArray<[wide: string, ascii: string]> = [["＠", "@"], ["＜", "<"], ["＞", ">"]];

/**
 * Why `text` is not one mailbox, when that can be told: full-width
 * characters in place of @ < >, or several addresses in one (`oneEach` says
 * what to do then, as the place allows). "" otherwise.
 */
export function mailboxHint(text: string, oneEach = "give one"): string {
  // A full-width ＠ may be part of a name ("山田＠編集部 <…>"); it is the mistake only where no @ is typed.
  const wide = FULL_WIDTH.filter(([char]) => text.includes(char) && (char !== "＠" || !text.includes("@")));
  if (wide.length > 0) {
    const [chars, ascii] = [wide.map(([char]) => char).join(" "), wide.map(([, char]) => char).join(" ")];
    return `: ${chars} ${wide.length === 1 ? "is a full-width character" : "are full-width characters"} from a Japanese input method; type ${ascii}`;
  }
  const count = addressparser(text.trim()).filter((entry) => entry.address !== undefined && entry.address !== "").length;
  return count > 1 ? `: it holds ${count} addresses; ${oneEach}` : "";
}

/** A List-Unsubscribe target (RFC 2369): a mailto: address or a web address. */
export function isUnsubscribeUrl(text: string): boolean {
  if (!URL.canParse(text)) return false;
  const url = new URL(text);
  if (url.protocol === "mailto:") return ADDRESS.test(decodeURIComponent(url.pathname));
  return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
}
