/**
 * Fields an author puts in the config for what gekkan reads elsewhere: the
 * SMTP server and its login, and the base path. "Unknown config field"
 * and a list of the fields said neither where the setting goes nor that a
 * password written here is on its way into the repository.
 */

/** What a mail server's settings are named in other tools' configs (lower case, letters only). */
const SMTP_WORDS = new Set(["smtp", "smtpurl", "smtphost", "smtpport", "smtpuser", "smtppassword", "smtppass", "smtpserver", "password", "pass", "passwd", "secret", "user", "username", "login", "host", "port", "server", "auth", "transport", "secure", "tls", "starttls"]);
/** Of those, the ones that name the mail server without any doubt, also outside "email". */
const PLAINLY_SMTP = /^smtp|^pass(?:word|wd)?$/;

const SMTP_HINT = "; gekkan email --send reads the mail server and its login from the environment variable GEKKAN_SMTP_URL and nowhere else, so that no password ends up in the repository: remove this field and set GEKKAN_SMTP_URL='smtp://USER:PASSWORD@HOST:587' where you send (if this file was ever committed with a password in it, change that password)";
const BASE_HINT = '; the base path is the path of "url" (https://user.github.io/repo/ is served under /repo/): put it there, or pass --base';

/** The hint for the unknown config key at `path`, or undefined when the usual "did you mean" or list of fields is the help. */
export function configKeyHint(path: readonly PropertyKey[]): string | undefined {
  const key = path.at(-1);
  if (typeof key !== "string") return undefined;
  const word = key.toLowerCase().replace(/[^a-z]/g, "");
  // Top level, "email", or an edition's "email" (languages.en.email).
  const inEmail = path.length >= 2 && path.at(-2) === "email";
  if (SMTP_WORDS.has(word) && (inEmail || PLAINLY_SMTP.test(word))) return SMTP_HINT;
  if (path.length === 1 && (word === "base" || word === "basepath" || word === "baseurl")) return BASE_HINT;
  return undefined;
}
