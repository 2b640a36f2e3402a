import { isIPv4 } from "node:net";
import nodemailer from "nodemailer";
import { PlainError } from "../diagnostics.js";
import { smtpFailure, unansweredAfterData, urlEscapes } from "./smtp-failure.js";
import { progressWords, refusedAtEnd, stoppedLists, type OutcomeFiles, type SendOutcome } from "./send-outcome.js";
import { SAME_REFUSALS_TO_STOP, sameRefusalRun, sameRefusalStop } from "./same-refusal.js";
import { stopSignal } from "./stop-signal.js";
import { smtpUtf8Refusal, type SmtpPlace } from "./smtp-utf8.js";
import type { EnvelopeSender } from "./envelope-sender.js";

/** The environment variable that holds the SMTP server and credentials; never a file in the repository. */
export const SMTP_URL_VARIABLE = "GEKKAN_SMTP_URL";

/**
 * How many readers a send reports progress after, each time: a send to
 * hundreds takes minutes, and a silent one looks hung (and gets stopped).
 * Counted, not timed, so the same send prints the same lines.
 */
const PROGRESS_EVERY = 50;

export interface Outgoing {
  /** Envelope recipients (bare addresses); the message's own To header names the same. */
  to: string[];
  raw: Uint8Array;
}

/**
 * This machine: localhost, all of 127.0.0.0/8 (a local relay often listens
 * on 127.0.0.2 and up), ::1, and 127.x written as an IPv4-mapped IPv6
 * address. URL gives hostnames lowercased, IPv6 in brackets and in hex.
 */
export function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, "");
  if (host === "localhost" || host === "::1") return true;
  // URL writes ::ffff:127.0.0.2 as ::ffff:7f00:2.
  if (/^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(host)) return true;
  return isIPv4(host) && host.split(".")[0] === "127";
}

/**
 * Where to send, from GEKKAN_SMTP_URL: smtp://user:pass@host:587 (STARTTLS,
 * required unless the server is this machine) or smtps://…:465 (TLS from the
 * start). The password is never printed: messages name the host only.
 */
export function smtpTarget(env: NodeJS.ProcessEnv): { url: URL; label: string } {
  const text = env[SMTP_URL_VARIABLE];
  if (text === undefined || text.trim() === "") {
    throw new PlainError(`--send needs the SMTP server in the environment: ${SMTP_URL_VARIABLE}=smtp://USER:PASSWORD@HOST:587 (or smtps://…:465). It is never read from a file, so credentials stay out of the repository.`);
  }
  const url = URL.canParse(text) ? new URL(text) : undefined;
  if (url === undefined || !/^smtps?:$/.test(url.protocol) || url.hostname === "") throw new PlainError(`${SMTP_URL_VARIABLE} ${unreadable(text.trim())}`);
  const mismatch = portMismatch(url);
  if (mismatch !== undefined) throw new PlainError(`${SMTP_URL_VARIABLE}: ${mismatch}`);
  const half = halfLogin(url);
  if (half !== undefined) throw new PlainError(`${SMTP_URL_VARIABLE} ${half}`);
  return { url, label: `${url.protocol}//${url.host}` };
}

/**
 * Why GEKKAN_SMTP_URL could not be used, never quoting it (it holds the
 * password). An smtp:// URL that does not parse was told to be an smtp://
 * URL: a password with a / ? or # in it (the URL's host then ends at its
 * ":" and takes the password's first letters for a port), or a port past
 * 65535.
 */
function unreadable(text: string): string {
  const scheme = /^smtps?:\/\//i.test(text);
  const port = scheme ? /:(\d+)\/?$/.exec(text)?.[1] : undefined;
  if (port !== undefined && Number(port) > 65535) return `gives port ${port}, and ports go up to 65535: mail submission is usually smtp://HOST:587 (STARTTLS) or smtps://HOST:465`;
  if (scheme && text.includes("@")) return `cannot be read as a URL: a character in USER or PASSWORD ends it early; ${urlEscapes("/?#@:%")}`;
  return "must be an smtp:// or smtps:// URL such as smtp://USER:PASSWORD@HOST:587";
}

/**
 * A login with one of its two halves left out (`smtp://news@HOST`, a
 * password forgotten, or cut off by an unescaped character). nodemailer
 * then gives up before asking the server, which was told as the server
 * refusing the login; neither half is quoted, as the URL holds them.
 */
function halfLogin(url: URL): string | undefined {
  if ((url.username === "") === (url.password === "")) return undefined;
  const given = url.username === "" ? "a password but no user" : "a user but no password";
  return `gives ${given}: write ${url.protocol}//USER:PASSWORD@${url.host} (${urlEscapes("@:/%")})`;
}

/**
 * The two submission ports fix how a connection starts (RFC 8314): 465 in
 * TLS, 587 in plain text upgraded with STARTTLS. Written the other way round,
 * the send would hang for 30 seconds (smtp:// to 465) or fail with OpenSSL's
 * words (smtps:// to 587), so the URL is corrected before any work.
 */
function portMismatch(url: URL): string | undefined {
  const rest = `${url.username === "" ? "" : "USER:PASSWORD@"}${url.hostname}`;
  if (url.protocol === "smtp:" && url.port === "465") return `port 465 takes TLS from the start: write smtps://${rest}:465 (or smtp://${rest}:587, which upgrades with STARTTLS)`;
  if (url.protocol === "smtps:" && url.port === "587") return `port 587 starts in plain text and upgrades with STARTTLS: write smtp://${rest}:587 (or smtps://${rest}:465, TLS from the start)`;
  return undefined;
}

/**
 * Sends each message in its own SMTP transaction over one connection, so no
 * recipient sees another's address. A reader the server refuses for good
 * (5xx at RCPT TO: no such user) is passed over and named at the end, as
 * mailing-list tools do: one stale address should not keep the issue from
 * everyone after it; but readers refused in a row with the same reply are
 * the server refusing the sender or the login, so that stops it
 * (same-refusal.ts). Anything else (login, connection, TLS, a timeout, a
 * 4xx "try later") would likely fail the same way for the rest, so it stops
 * the send at once, saying who got the message and who did not; so does
 * Ctrl-C, once the message in flight has gone (stop-signal.ts). `say` is
 * told what the author should hear while it runs: progress, a stop heard.
 * `files` is asked, once a send has ended short of everyone, to write the
 * groups of readers too many to name to files (outcome-files.ts): one it
 * leaves out is named reader by reader. A send stopped by a signal exits
 * with that signal's code (stop-signal.ts); any other stop, with 1.
 */
export async function sendAll(target: { url: URL; label: string }, sender: EnvelopeSender, outgoing: readonly Outgoing[], say: (line: string) => void = () => undefined, files: (outcome: SendOutcome) => Promise<OutcomeFiles> = async () => ({})): Promise<void> {
  const connection = {
    // Credentials never cross the network in the clear: plain smtp:// must upgrade with STARTTLS, except to this machine.
    requireTLS: target.url.protocol === "smtp:" && !isLoopback(target.url.hostname),
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
  };
  const transport = nodemailer.createTransport({
    url: target.url.href,
    // One connection for all: the plain transport opened one (a TLS handshake and a login) per message, and providers turn away a sender who logs in that often.
    pool: true,
    maxConnections: 1,
    // A fresh connection now and then: Exchange takes 20 messages a connection unless told otherwise, and says so only by refusing the next.
    maxMessages: 20,
    ...connection,
  });
  // Whether the message being sent has gone out whole: after that, silence or a hang-up leaves it in doubt, not unsent.
  let whole = false;
  transport.use("stream", (mail, done) => {
    // The stream the connection reads after the server's "354" ends once it has read it all; the message's own stages run ahead and fill their buffers before that.
    const create = mail.message.createReadStream.bind(mail.message);
    mail.message.createReadStream = (...options) => create(...options).once("end", () => (whole = true));
    done();
  });
  const outcome: SendOutcome = { sent: [], refused: [], doubtful: [], unsent: [] };
  const lists = async () => stoppedLists(outcome, await files(outcome));
  let sinceSent = 0;
  let inFlight: readonly string[] = [];
  const stop = stopSignal((words) => say(`${words}: stopping once the message to ${inFlight.join(", ")} has gone; ${words} again stops at once, and leaves in doubt whether it arrived`));
  try {
    await assertSmtpUtf8({ ...target, connection }, sender, outgoing, async (error) => {
      outcome.unsent = outgoing.flatMap((m) => m.to);
      return new PlainError(`could not send through ${target.label}: ${smtpFailure(error, target.url)}${await lists()}`);
    });
    for (const [index, message] of outgoing.entries()) {
      const asked = stop.asked();
      if (asked !== undefined) {
        outcome.unsent = outgoing.slice(index).flatMap((m) => m.to);
        throw new PlainError(`stopped by ${asked.words} before the send was done${await lists()}`, asked.exitCode);
      }
      if (index > 0 && index % PROGRESS_EVERY === 0) say(progressWords(outcome, outgoing.reduce((sum, m) => sum + m.to.length, 0)));
      whole = false;
      inFlight = message.to;
      try {
        await transport.sendMail({ envelope: { from: sender.address, to: message.to }, raw: Buffer.from(message.raw) });
        outcome.sent.push(...message.to);
        sinceSent = 0;
      } catch (thrown) {
        const error: Error & SmtpReply = serverWords(thrown as Error, target.url);
        if (refusedForGood(error)) {
          outcome.refused.push({ to: message.to, reply: String(error.response) });
          sinceSent++;
          if (sameRefusalRun(outcome, sinceSent) < SAME_REFUSALS_TO_STOP) continue;
          outcome.unsent = outgoing.slice(index + 1).flatMap((m) => m.to);
          throw new PlainError(sameRefusalStop(target.label, sender, outcome, await files(outcome)));
        }
        const doubtful = whole && unanswered(error);
        if (doubtful) outcome.doubtful.push(...message.to);
        outcome.unsent = outgoing.slice(doubtful ? index + 1 : index).flatMap((m) => m.to);
        const why = doubtful ? unansweredAfterData(error, target.url, message.to) : smtpFailure(error, target.url, message.to);
        throw new PlainError(`could not send through ${target.label}: ${why}${await lists()}`);
      }
    }
  } finally {
    stop.release();
    transport.close();
  }
  if (outcome.refused.length > 0) throw new PlainError(refusedAtEnd(target.label, outcome, (await files(outcome)).refused));
}

/**
 * Stops a send before its first message when an address needs SMTPUTF8 and
 * the server does not offer it (smtpUtf8Refusal); a server that cannot be
 * reached to ask is `unreached`'s error, said as a send that could not start.
 */
async function assertSmtpUtf8(place: SmtpPlace, sender: EnvelopeSender, outgoing: readonly Outgoing[], unreached: (error: Error) => Promise<PlainError>): Promise<void> {
  let refusal: string | undefined;
  try {
    refusal = await smtpUtf8Refusal(place, sender, outgoing.flatMap((message) => message.to));
  } catch (error) {
    throw await unreached(error as Error);
  }
  if (refusal !== undefined) throw new PlainError(refusal);
}

/** What nodemailer's error says of the server's answer. */
interface SmtpReply {
  code?: unknown;
  command?: unknown;
  responseCode?: unknown;
  response?: unknown;
}

/** A recipient refused for good: 5xx at RCPT TO. 503 is a command out of order, which the next reader would get too. */
function refusedForGood(error: SmtpReply): boolean {
  const code = error.responseCode;
  return error.code === "EENVELOPE" && error.command === "RCPT TO" && typeof code === "number" && code >= 500 && code < 600 && code !== 503 && typeof error.response === "string";
}

/** The server went quiet or hung up without a reply: no word on whether it took what it had. */
function unanswered(error: SmtpReply): boolean {
  return typeof error.responseCode !== "number" && (error.code === "ETIMEDOUT" || error.code === "ECONNECTION" || error.code === "ESOCKET");
}

/**
 * The parts of an error that come from the server (its reply, the message
 * around it) with the password hidden: a reply can echo what was sent. Only
 * those: gekkan's own words never hold the password, and hiding a short one
 * everywhere would blank its letters out of them ("smt***s://").
 */
function serverWords(error: Error & { response?: unknown }, url: URL): Error & { response?: unknown } {
  const response = typeof error.response === "string" ? hidePassword(error.response, url) : error.response;
  return Object.assign(Object.create(error) as Error, { message: hidePassword(error.message, url), response });
}

/** Server replies can echo what was sent; the password never reaches the terminal. */
function hidePassword(text: string, url: URL): string {
  const secrets = [url.password, decodeURIComponent(url.password)].filter((s) => s !== "");
  return secrets.reduce((out, secret) => out.split(secret).join("***"), text);
}
