import { encodeWord } from "nodemailer/lib/mime-funcs";

// RFC 5322 atext: what a dot-atom such as a list id may hold between its dots.
const ATEXT = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~]+$/;

/**
 * The list id (RFC 2919): the site's host, after the segments of its base
 * path, last first, as DNS names run from the narrow to the wide
 * (https://example.org/tsushin/ha/ is ha.tsushin.example.org). Two series
 * on one host under different paths get different ids, so a mail filter
 * or a "mute this list" keeps them apart; the host alone would make them
 * one list. A character a list id cannot hold becomes "-". Undefined for
 * a host that is no domain name (an IP address in brackets).
 */
export function listIdentifier(origin: string, basePath: string): string | undefined {
  const host = new URL(origin).hostname;
  if (!/^[a-z0-9.-]+$/.test(host) || host.includes("..")) return undefined;
  const segments = basePath.split("/").filter((segment) => segment !== "").map((segment) => [...segment].map((char) => (ATEXT.test(char) ? char : "-")).join(""));
  return [...segments.reverse(), host].join(".");
}

/**
 * The List-Id header's value: the newsletter's name as the phrase, then
 * `<id>`. A name with letters beyond ASCII goes as RFC 2047 encoded words
 * (mail apps show it decoded); an ASCII one as a quoted string whenever it
 * holds a character a bare phrase cannot (a comma, a dot, a parenthesis).
 * The id itself stays ASCII, as filters match it byte for byte.
 */
export function listIdHeader(title: string, id: string): string {
  const name = title.replace(/\s+/g, " ").trim();
  return `${phrase(name)} <${id}>`;
}

function phrase(name: string): string {
  // Printable ASCII only: anything else (Japanese, a control character) is encoded.
  if (!/^[\x20-\x7e]*$/.test(name)) return encodeWord(name, "B", 52);
  if (name.split(" ").every((word) => ATEXT.test(word))) return name;
  return `"${name.replace(/["\\]/g, "\\$&")}"`;
}
