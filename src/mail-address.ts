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
  if (widePunctuation(only.address).length > 0 || EMPTY_WIDE_PARENS.test(only.name)) return undefined;
  return ADDRESS.test(only.address) ? { name: only.name, address: only.address } : undefined;
}

// Typed with a Japanese input method still on: they look like @ < > but no mail server reads them so.
const FULL_WIDTH: ReadonlyArray<[wide: string, ascii: string]> = [["＠", "@"], ["＜", "<"], ["＞", ">"]];

/**
 * Full-width forms and CJK punctuation, as an input method types them: none
 * is ever part of an address, yet addressparser keeps them in one, so
 * `月刊（news@example.org）` went out as the address `月刊（news@example.org)`.
 * Letters of any script are left to the server (an internationalised address).
 */
const WIDE = /[\u3000-\u303f\uff01-\uff60]/gu;
/** `名前 （a@example.org）`: addressparser takes the address out of the parentheses and leaves them in the name. */
const EMPTY_WIDE_PARENS = /（\s*）/u;

/** The full-width characters in an address, each once, in order. */
function widePunctuation(address: string): string[] {
  return [...new Set(address.match(WIDE) ?? [])];
}

/**
 * The mailbox `text` was likely meant to be, with the full-width characters
 * around the address left out: `月刊（news@example.org）` → `月刊 <news@example.org>`.
 */
function meantMailbox(text: string): string | undefined {
  const address = /[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+/.exec(text)?.[0];
  if (address === undefined) return undefined;
  const name = text.replace(address, " ").replace(WIDE, " ").replace(/[<>"]/g, " ").replace(/\s+/g, " ").trim();
  return name === "" ? address : `${name} <${address}>`;
}

/** What to say of full-width punctuation where the address is: "" when there is none. */
function wideHint(text: string): string {
  const parsed = addressparser(text.trim());
  const chars = parsed.flatMap((entry) => [...widePunctuation(entry.address ?? ""), ...(EMPTY_WIDE_PARENS.test(entry.name) ? ["（", "）"] : [])]);
  const wide = [...new Set(chars)];
  if (wide.length === 0) return "";
  const are = wide.length === 1 ? "is a full-width character" : "are full-width characters";
  // Full-width letters and digits are the ASCII ones typed with the input method on: the fix is to type those.
  if (wide.every((char) => /[０-９Ａ-Ｚａ-ｚ]/u.test(char))) return `: ${wide.join(" ")} ${are} from a Japanese input method; type ${wide.map((char) => String.fromCodePoint((char.codePointAt(0) ?? 0) - 0xfee0)).join(" ")}`;
  const meant = meantMailbox(text);
  return `: ${wide.join(" ")} ${are} from a Japanese input method, which no mail server reads as part of an address; ${meant === undefined ? "write the name, then the address in < >" : `write ${meant}`}`;
}

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
  const punctuation = wideHint(text);
  if (punctuation !== "") return punctuation;
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
