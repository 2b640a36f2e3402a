import { getSystemErrorName } from "node:util";

/** What nodemailer puts on a failed send, as far as saying why goes. */
interface SendError {
  message: string;
  /** nodemailer's stage: ESOCKET, EDNS, ETIMEDOUT, ETLS, EAUTH, EENVELOPE, … */
  code?: unknown;
  command?: unknown;
  responseCode?: unknown;
  response?: unknown;
  /** The system error number under a socket or DNS failure (ECONNREFUSED, ENOTFOUND). */
  errno?: unknown;
  /** OpenSSL's reason, when a TLS handshake failed. */
  reason?: unknown;
  timeoutType?: unknown;
}

/** Where the URL leads: its host and the port nodemailer connects to (587 for smtp://, 465 for smtps:// when none is written). */
function placeOf(url: URL): { host: string; port: string; defaulted: boolean } {
  const defaultPort = url.protocol === "smtps:" ? "465" : "587";
  return { host: url.hostname, port: url.port === "" ? defaultPort : url.port, defaulted: url.port === "" };
}

function systemCode(error: SendError): string | undefined {
  if (typeof error.errno !== "number") return undefined;
  try {
    return getSystemErrorName(error.errno);
  } catch {
    return undefined;
  }
}

const ESCAPES: Readonly<Record<string, string>> = { "@": "%40", ":": "%3A", "/": "%2F", "?": "%3F", "#": "%23", "%": "%25" };

/** How to write `characters` in a URL's user name or password, where each would end the field early: "in the URL, write @ as %40, … and % as %25". */
export function urlEscapes(characters: string): string {
  const each = [...characters].map((char) => `${char} as ${ESCAPES[char] ?? encodeURIComponent(char)}`);
  return `in the URL, write ${each.slice(0, -1).join(", ")} and ${each.at(-1) ?? ""}`;
}

// The characters a refused login most often hides: with ? or #, the URL would not have been read at all (smtpTarget).
const PASSWORD_ESCAPES = urlEscapes("@:/%");

/**
 * A failed send in the words of the author who set GEKKAN_SMTP_URL: what
 * went wrong and what to change, instead of nodemailer's stage and
 * OpenSSL's (`ECONNREFUSED`, `ssl3_get_record:wrong version number`). The
 * server's own reply is kept where it says something (a refused login,
 * a refused recipient, named from `recipients`). Anything not recognised is the error's message as
 * before.
 */
export function smtpFailure(error: SendError, url: URL, recipients: readonly string[] = []): string {
  const { host, port, defaulted } = placeOf(url);
  const where = `${host}:${port}${defaulted ? ` (port ${port}, as GEKKAN_SMTP_URL gives none)` : ""}`;
  const system = systemCode(error);
  const reply = typeof error.response === "string" ? ` (${error.response})` : "";
  if (system === "ECONNREFUSED") return `nothing answers at ${where}: the connection was refused. Check the host and port in GEKKAN_SMTP_URL; mail submission is usually smtp://HOST:587 (STARTTLS) or smtps://HOST:465`;
  if (error.code === "EDNS" || system === "ENOTFOUND" || system === "EAI_NONAME") return `no host named "${host}" was found; check the host in GEKKAN_SMTP_URL`;
  if (system === "EAI_AGAIN") return `the host name "${host}" could not be looked up (is this machine online?); check the host in GEKKAN_SMTP_URL`;
  // The first thing a mail server says is "220 …". Anything else is a server turning this machine away (421, 554), or no mail server at all (a web server's "HTTP/1.1 400").
  if (error.code === "EPROTOCOL" && error.command === "CONN") return greetingRefused(where, typeof error.response === "string" ? error.response : "");
  if (/certificate|altnames/i.test(error.message)) return `the server's TLS certificate was not accepted (${error.message}): ${certificateFix(error.message)}`;
  // OpenSSL gives a reason when what came back was no TLS at all ("wrong version number"): a plain-text port.
  if (error.code === "ESOCKET" && typeof error.reason === "string" && url.protocol === "smtps:") {
    return `${where} did not answer in TLS, so it does not take TLS from the start: write smtp://${host}:${port} (plain, then STARTTLS), or use the server's smtps:// port (usually 465)`;
  }
  if (error.code === "ETLS" && error.command === "STARTTLS") {
    return `the server does not offer STARTTLS${reply}, and gekkan talks to another machine only over an encrypted connection, so the password and the issue cannot be read on the way: use the server's smtps:// port (usually smtps://${host}:465), or a port that offers STARTTLS (usually 587)`;
  }
  if (error.timeoutType === "GREETING_TIMEOUT" && url.protocol === "smtp:") {
    return `${where} said nothing within 30 seconds; a port that expects TLS from the start (usually 465) stays silent like this, so try smtps://${host}:${port}; otherwise check the host and port in GEKKAN_SMTP_URL`;
  }
  // Connecting, the greeting and STARTTLS each have a timer of their own, which fires first: this one is a server that answered, then went quiet, so the host, port and firewall are not why.
  if (error.timeoutType === "SOCKET_TIMEOUT") {
    return `${where} answered, then stopped answering partway through the conversation${recipients.length > 0 ? `, while sending to ${recipients.join(", ")}` : ""}: the server is busy or stuck; try again later, and if it happens again, its administrator or its log can say why`;
  }
  if (error.code === "ETIMEDOUT") return `${where} stopped answering (${error.message}); check the host and port in GEKKAN_SMTP_URL, and that no firewall blocks the port`;
  if (error.code === "EAUTH") return `the server refused the login${reply}: check USER and PASSWORD in GEKKAN_SMTP_URL (${PASSWORD_ESCAPES})`;
  // 4xx: not now, for this reader or (a rate limit, a full queue) for every one after it, so the send stopped here.
  if (error.code === "EENVELOPE" && error.command === "RCPT TO" && typeof error.responseCode === "number" && error.responseCode < 500) {
    return `the server put off ${named(recipients, "the recipient")} for now${reply}: try again later`;
  }
  if (error.code === "EENVELOPE" && error.command === "RCPT TO") return `the server refused ${named(recipients, "the recipient")}${reply}; check the address, or leave it out`;
  // After DATA: the server read the whole message and would not take it (spam, policy, size); nodemailer's words are "Message failed".
  if (error.code === "EMESSAGE") return `the server refused the message to ${named(recipients, "the recipient")}${reply}`;
  // A hang-up with no reply (a crash, a dropped client): nodemailer says "Connection closed unexpectedly".
  if (error.code === "ECONNECTION") return `the server closed the connection while ${named(recipients, "the message")} was being sent${reply === "" ? ", without saying why; its log may tell" : reply}`;
  if (error.responseCode === 530 && url.username === "") return `the server wants a login first${reply}: write it in GEKKAN_SMTP_URL as ${url.protocol}//USER:PASSWORD@${url.host}`;
  return error.message;
}

/** The readers a failure was about, by address, or `otherwise` when the error came before any was named. */
function named(recipients: readonly string[], otherwise: string): string {
  return recipients.length > 0 ? recipients.join(", ") : otherwise;
}

/**
 * The server went quiet or hung up after the whole message to `recipients`
 * had gone out, before saying whether it took it. It may well have: a
 * server often delivers, then stalls on its reply. "Try again later" would
 * send those readers a second copy, so they are named as in doubt.
 */
export function unansweredAfterData(error: SendError, url: URL, recipients: readonly string[]): string {
  const { host, port } = placeOf(url);
  const how = error.code === "ETIMEDOUT" ? `${host}:${port} stopped answering` : "the server closed the connection";
  const who = recipients.join(", ");
  return `${how} after the whole message to ${who} was sent, without saying whether it took it: it may have arrived, so before sending it to ${who} again, ask that reader or look in the server's log`;
}

/** A connection that did not open with a mail server's "220" greeting, said in words, with the server's first line. */
function greetingRefused(where: string, response: string): string {
  const said = response.split(/\r?\n/)[0]?.trim() ?? "";
  if (/^[45]\d\d\b/.test(said)) return `${where} turned the connection away before any mail was sent (${said}): the server is busy, or does not take mail from this machine; try again later, and if it happens again, ask its administrator`;
  return `${where} is not a mail server: it answered "${said}" where a mail server says "220"; check the host and port in GEKKAN_SMTP_URL (mail submission is usually smtp://HOST:587 or smtps://HOST:465)`;
}

/** What to do about a certificate, by what was wrong with it. */
function certificateFix(message: string): string {
  if (/expired|not yet valid/i.test(message)) return "it is out of date, and only the server's administrator can renew it";
  if (/altnames|does not match/i.test(message)) return "write the host name the certificate is issued for in GEKKAN_SMTP_URL";
  return "it is not signed by an authority this machine trusts; if your organisation has its own, name its certificate file in NODE_EXTRA_CA_CERTS";
}
