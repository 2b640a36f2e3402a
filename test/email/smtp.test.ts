/**
 * `gekkan email --send` against a real SMTP server (smtp-server) on
 * 127.0.0.1, with authentication, STARTTLS off for loopback. What arrives is
 * compared byte for byte with the message `--out` writes, but for its Date
 * (the time it was sent, not SOURCE_DATE_EPOCH): smtp-server hands
 * over the DATA exactly as the client sent it (dot-stuffing undone), and
 * gekkan's client adds no header of its own. A real receiving server would
 * prepend its Received: and Return-Path: lines on delivery; those are the
 * only differences a recipient's copy may show.
 */
import { readFile } from "node:fs/promises";
import { createServer as createHttpServer } from "node:http";
import { createServer, type AddressInfo } from "node:net";
import { networkInterfaces } from "node:os";
import { join } from "node:path";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { copyToTemp, type TempDir } from "../helpers/temp-site.js";
import { compileCli, type CompiledCli } from "./cli-process.js";
import { EMAIL_SITE } from "../helpers/email.js";

const EPOCH = "1767225600";
const USER = "newsletter";
const PASSWORD = "s3cret pass!";
const STACK = /^\s+at .+[:(]\d+/m;

interface Received {
  from: string;
  to: string[];
  user: string | undefined;
  raw: Buffer;
}

let cli: CompiledCli;
let site: TempDir;
let server: SMTPServer;
let port: number;
const received: Received[] = [];

function smtpUrl(password = PASSWORD): string {
  return `smtp://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
}

beforeAll(async () => {
  cli = await compileCli();
  site = copyToTemp(EMAIL_SITE);
  server = new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS"],
    authMethods: ["PLAIN", "LOGIN"],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === USER && auth.password === PASSWORD) callback(null, { user: auth.username });
      else callback(new Error("Invalid username or password"));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "", to: session.envelope.rcptTo.map((r) => r.address), user: session.user as string | undefined, raw: Buffer.concat(chunks) });
        callback();
      });
    },
  });
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  port = (server.server.address() as AddressInfo).port;
}, 180_000);

afterEach(() => {
  received.length = 0;
});

afterAll(async () => {
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  cli?.remove();
  site?.remove();
});

const email = async (args: string[], env: Record<string, string> = {}) => {
  const run = await cli.run(["email", ...args, "--root", site.path], { SOURCE_DATE_EPOCH: EPOCH, ...env });
  expect(run.stderr, "no stack trace").not.toMatch(STACK);
  return run;
};

/** A message's Date header's value, and the message with that header line taken out. */
function dateApart(raw: Buffer): [string | undefined, Buffer] {
  const text = raw.toString("latin1");
  const match = /^Date: (.*)\r\n/m.exec(text);
  if (match === null) return [undefined, raw];
  return [match[1], Buffer.from(text.slice(0, match.index) + text.slice(match.index + match[0].length), "latin1")];
}

describe("gekkan email --send", () => {
  it("sends each recipient their own copy, byte for byte the message --out writes but for its Date", async () => {
    const run = await email(["1", "--send", "--to", "a@example.org", "--to", "読者 B <b@example.org>"], { GEKKAN_SMTP_URL: smtpUrl() });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.toString()).toBe(`gekkan email: sent issue 1 (2011-04) to a@example.org, 読者 B <b@example.org> through smtp://127.0.0.1:${port}\n`);
    expect(received.map((r) => [r.from, r.to, r.user])).toEqual([
      ["news@news.example.org", ["a@example.org"], USER],
      ["news@news.example.org", ["b@example.org"], USER],
    ]);
    for (const [i, to] of ["a@example.org", "読者 B <b@example.org>"].entries()) {
      const file = join(site.path, `sent-${i}.eml`);
      const written = await email(["1", "--to", to, "--out", file]);
      expect(written.code, written.stderr).toBe(0);
      const expected = await readFile(file);
      // A sent copy is dated when it is sent (send-date.test.ts), a written one by SOURCE_DATE_EPOCH: that line aside, the same bytes.
      const [sentDate, sentRest] = dateApart(received[i]?.raw ?? Buffer.alloc(0));
      const [writtenDate, writtenRest] = dateApart(expected);
      expect(writtenDate).toBe("Thu, 01 Jan 2026 00:00:00 +0000");
      expect(sentDate).not.toBe(writtenDate);
      expect(sentRest.equals(writtenRest), `copy for ${to} differs from --out`).toBe(true);
    }
  });

  it("refuses a draft and an issue dated after today, and sends nothing", async () => {
    const draft = await email(["3", "--send", "--to", "a@example.org"], { GEKKAN_SMTP_URL: smtpUrl() });
    expect(draft.code).toBe(1);
    // The file is named from where the command ran (the test's folder, outside the site): in full.
    expect(draft.stderr.trim()).toBe(`gekkan email: issue 3 (2011-06) is a draft (draft: true in ${join(site.path, "content/issues/2011/2011-06.md")}); --send only sends published issues — remove draft: true first`);
    const future = await email(["4", "--send", "--to", "a@example.org"], { GEKKAN_SMTP_URL: smtpUrl() });
    expect(future.code).toBe(1);
    expect(future.stderr.trim()).toBe("gekkan email: issue 4 (2030-01) is dated 2030-01-01, after today (2026-01-01); --send only sends published issues — send it on or after its date");
    expect(received).toEqual([]);
  });

  it("a refused login is a plain error that never shows the password", async () => {
    const run = await email(["1", "--send", "--to", "a@example.org"], { GEKKAN_SMTP_URL: smtpUrl("wrong password!") });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^gekkan email: could not send through smtp://127\\.0\\.0\\.1:${port}: .*Invalid username or password`));
    expect(run.stderr).not.toContain("wrong password");
    expect(run.stderr).not.toContain(encodeURIComponent("wrong password!"));
    expect(received).toEqual([]);
  });

  it("without GEKKAN_SMTP_URL it says where the server goes, before doing any work", async () => {
    const run = await email(["1", "--send", "--to", "a@example.org"]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe("gekkan email: --send needs the SMTP server in the environment: GEKKAN_SMTP_URL=smtp://USER:PASSWORD@HOST:587 (or smtps://…:465). It is never read from a file, so credentials stay out of the repository.");
  });
});

/** An IPv4 address of this machine outside 127/8 (its network interface), to stand for another machine. */
function networkAddress(): string {
  const found = Object.values(networkInterfaces()).flat().find((a) => a !== undefined && !a.internal && a.family === "IPv4");
  if (found === undefined) throw new Error("this machine has no IPv4 address outside 127.0.0.0/8 to stand for another machine");
  return found.address;
}

/** A server of its own for one test, closed after it: `options` as smtp-server takes them. */
async function extraServer(host: string, options: ConstructorParameters<typeof SMTPServer>[0]): Promise<{ port: number; close(): Promise<void> }> {
  const extra = new SMTPServer({ logger: false, authOptional: true, onData: (stream, _session, done) => stream.resume().on("end", () => done()), ...options });
  // A client that gives up on a handshake is the server's error event; without a listener it would end the test run.
  extra.on("error", () => undefined);
  await new Promise<void>((ready) => extra.listen(0, host, ready));
  return { port: (extra.server.address() as AddressInfo).port, close: () => new Promise<void>((done) => extra.close(() => done())) };
}

/** A port on 127.0.0.1 nothing listens on: taken from the system, then let go. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((ready) => probe.listen(0, "127.0.0.1", ready));
  const free = (probe.address() as AddressInfo).port;
  await new Promise<void>((done) => probe.close(() => done()));
  return free;
}

describe("gekkan email --send: a server that cannot be used is named with what to change", () => {
  const send = async (url: string) => {
    const run = await email(["1", "--send", "--to", "a@example.org"], { GEKKAN_SMTP_URL: url });
    expect(run.code).toBe(1);
    expect(received).toEqual([]);
    return run.stderr.trim();
  };

  it("a port nothing listens on, and one left out (587), say the connection was refused and where submission usually is", async () => {
    const free = await closedPort();
    expect(await send(`smtp://127.0.0.1:${free}`)).toBe(`gekkan email: could not send through smtp://127.0.0.1:${free}: nothing answers at 127.0.0.1:${free}: the connection was refused. Check the host and port in GEKKAN_SMTP_URL; mail submission is usually smtp://HOST:587 (STARTTLS) or smtps://HOST:465`);
    expect(await send("smtp://127.0.0.1")).toContain("nothing answers at 127.0.0.1:587 (port 587, as GEKKAN_SMTP_URL gives none): the connection was refused.");
  });

  it("smtps:// to a port that starts in plain text says to write smtp://, not OpenSSL's words", async () => {
    const stderr = await send(`smtps://127.0.0.1:${port}`);
    expect(stderr).toBe(`gekkan email: could not send through smtps://127.0.0.1:${port}: 127.0.0.1:${port} did not answer in TLS, so it does not take TLS from the start: write smtp://127.0.0.1:${port} (plain, then STARTTLS), or use the server's smtps:// port (usually 465)`);
    expect(stderr).not.toMatch(/SSL routines|wrong version number/);
  });

  it("the two submission ports written with the other scheme are corrected before any work", async () => {
    expect(await send("smtp://news:pw@smtp.example.org:465")).toBe("gekkan email: GEKKAN_SMTP_URL: port 465 takes TLS from the start: write smtps://USER:PASSWORD@smtp.example.org:465 (or smtp://USER:PASSWORD@smtp.example.org:587, which upgrades with STARTTLS)");
    expect(await send("smtps://smtp.example.org:587")).toBe("gekkan email: GEKKAN_SMTP_URL: port 587 starts in plain text and upgrades with STARTTLS: write smtp://smtp.example.org:587 (or smtps://smtp.example.org:465, TLS from the start)");
  });

  it("a server that wants a login, given none, says where the login goes", async () => {
    expect(await send(`smtp://127.0.0.1:${port}`)).toBe(`gekkan email: could not send through smtp://127.0.0.1:${port}: the server wants a login first (530 Error: authentication Required): write it in GEKKAN_SMTP_URL as smtp://USER:PASSWORD@127.0.0.1:${port}`);
  });

  it("a refused login says how to write the password in the URL, and a short password blanks nothing else out", async () => {
    // "t" is in smtp://, "the" and "GEKKAN_SMTP_URL" (not in the reply): hiding it everywhere used to turn them into "sm***p://".
    expect(await send(`smtp://${USER}:t@127.0.0.1:${port}`)).toBe(`gekkan email: could not send through smtp://127.0.0.1:${port}: the server refused the login (535 Invalid username or password): check USER and PASSWORD in GEKKAN_SMTP_URL (in the URL, write @ as %40, : as %3A, / as %2F and % as %25)`);
  });

  it("a user with no password, or a password with no user, is said to be half a login before any work, never quoting either", async () => {
    // Sent as it was, nodemailer gave up on its own ("Missing credentials"), told as the server refusing the login.
    const half = `gekkan email: GEKKAN_SMTP_URL gives a user but no password: write smtp://USER:PASSWORD@127.0.0.1:${port} (in the URL, write @ as %40, : as %3A, / as %2F and % as %25)`;
    expect(await send(`smtp://${USER}@127.0.0.1:${port}`)).toBe(half);
    expect(await send(`smtp://${USER}:@127.0.0.1:${port}`)).toBe(half);
    expect(await send(`smtp://:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}`)).toBe(`gekkan email: GEKKAN_SMTP_URL gives a password but no user: write smtp://USER:PASSWORD@127.0.0.1:${port} (in the URL, write @ as %40, : as %3A, / as %2F and % as %25)`);
  });

  it("a server on another machine without STARTTLS is refused, saying why and which port to use", async () => {
    // This machine's own network address (not 127/8): a server there is reached as another machine would be.
    const host = networkAddress();
    const plain = await extraServer(host, { secure: false, disabledCommands: ["STARTTLS"] });
    try {
      expect(await send(`smtp://${host}:${plain.port}`)).toBe(`gekkan email: could not send through smtp://${host}:${plain.port}: the server does not offer STARTTLS (500 Error: command not recognized), and gekkan talks to another machine only over an encrypted connection, so the password and the issue cannot be read on the way: use the server's smtps:// port (usually smtps://${host}:465), or a port that offers STARTTLS (usually 587)`);
    } finally {
      await plain.close();
    }
  });

  it("a recipient refused midway is passed over and named at the end with the server's words; the readers after it still get the message", async () => {
    const picky = await extraServer("127.0.0.1", {
      secure: false,
      disabledCommands: ["STARTTLS"],
      onRcptTo(to, _session, done) {
        done(to.address === "b@example.org" ? Object.assign(new Error("5.1.1 User unknown"), { responseCode: 550 }) : undefined);
      },
    });
    try {
      const run = await email(["1", "--send", "--to", "読者 A <a@example.org>", "--to", "b@example.org", "--to", "c@example.org"], { GEKKAN_SMTP_URL: `smtp://127.0.0.1:${picky.port}` });
      expect(run.code).toBe(1);
      expect(run.stderr.trim()).toBe(`gekkan email: could not send through smtp://127.0.0.1:${picky.port} to 1 reader: the server refused b@example.org (550 5.1.1 User unknown); check the address, or leave it out (sent to a@example.org, c@example.org)`);
      expect(run.stdout.toString()).toBe("");
    } finally {
      await picky.close();
    }
  });

  it("a server that greets, then stalls on RCPT, is said to have stopped answering mid-conversation, with no firewall advice", async () => {
    const stalled = await extraServer("127.0.0.1", {
      secure: false,
      disabledCommands: ["STARTTLS"],
      // Never answers RCPT TO: the client's socket timeout fires.
      onRcptTo() {},
    });
    try {
      // nodemailer reads socketTimeout from the URL's query: 60 s is gekkan's, too long for a test.
      const run = await email(["1", "--send", "--to", "a@example.org"], { GEKKAN_SMTP_URL: `smtp://127.0.0.1:${stalled.port}/?socketTimeout=500` });
      expect(run.code).toBe(1);
      expect(run.stderr.trim()).toBe(`gekkan email: could not send through smtp://127.0.0.1:${stalled.port}: 127.0.0.1:${stalled.port} answered, then stopped answering partway through the conversation, while sending to a@example.org: the server is busy or stuck; try again later, and if it happens again, its administrator or its log can say why`);
      expect(run.stderr).not.toContain("firewall");
    } finally {
      await stalled.close();
    }
  });

  it("a message refused after DATA at the first recipient says the server refused the message, and that nobody got it", async () => {
    const strict = await extraServer("127.0.0.1", {
      secure: false,
      disabledCommands: ["STARTTLS"],
      onData(stream, _session, done) {
        stream.resume();
        stream.on("end", () => done(Object.assign(new Error("5.7.1 Message rejected as spam"), { responseCode: 554 })));
      },
    });
    try {
      const run = await email(["1", "--send", "--to", "a@example.org", "--to", "b@example.org"], { GEKKAN_SMTP_URL: `smtp://127.0.0.1:${strict.port}` });
      expect(run.code).toBe(1);
      expect(run.stderr.trim()).toBe(`gekkan email: could not send through smtp://127.0.0.1:${strict.port}: the server refused the message to a@example.org (554 5.7.1 Message rejected as spam) (sent to nobody: not sent to a@example.org, b@example.org)`);
    } finally {
      await strict.close();
    }
  });

  it("a server that closes the connection midway is named as such, with who already got the message", async () => {
    const closing = await extraServer("127.0.0.1", {
      secure: false,
      disabledCommands: ["STARTTLS"],
      onRcptTo(this: SMTPServer, to, _session, done) {
        if (to.address !== "b@example.org") return done();
        // Hangs up without a reply, as a server that crashes or drops a client does.
        for (const connection of (this as unknown as { connections: Set<{ _socket: { destroy(): void } }> }).connections) connection._socket.destroy();
      },
    });
    try {
      const run = await email(["1", "--send", "--to", "a@example.org", "--to", "b@example.org"], { GEKKAN_SMTP_URL: `smtp://127.0.0.1:${closing.port}` });
      expect(run.code).toBe(1);
      expect(run.stderr.trim()).toBe(`gekkan email: could not send through smtp://127.0.0.1:${closing.port}: the server closed the connection while b@example.org was being sent, without saying why; its log may tell (already sent to a@example.org; not sent to b@example.org: to send only those, run again with a --to for each)`);
    } finally {
      await closing.close();
    }
  });

  // Both were nodemailer's words: "Invalid greeting. response=421 …: 421 …".
  it("a server that turns the connection away at once (421) says so with its reply, and to try again later", async () => {
    const full = await extraServer("127.0.0.1", {
      secure: false,
      disabledCommands: ["STARTTLS"],
      onConnect(_session, done) {
        done(Object.assign(new Error("4.3.2 Too many connections, try again later"), { responseCode: 421 }));
      },
    });
    try {
      expect(await send(`smtp://127.0.0.1:${full.port}`)).toBe(`gekkan email: could not send through smtp://127.0.0.1:${full.port}: 127.0.0.1:${full.port} turned the connection away before any mail was sent (421 4.3.2 Too many connections, try again later): the server is busy, or does not take mail from this machine; try again later, and if it happens again, ask its administrator`);
    } finally {
      await full.close();
    }
  });

  it("a port where a web server answers is said to be no mail server, with what it answered", async () => {
    // A web server waits for a request, so it answers the mail client's silence only when it gives up: at once, here.
    const web = createHttpServer({ connectionsCheckingInterval: 50, headersTimeout: 100, requestTimeout: 100 }, (_request, response) => response.end("hello"));
    await new Promise<void>((ready) => web.listen(0, "127.0.0.1", ready));
    const webPort = (web.address() as AddressInfo).port;
    try {
      expect(await send(`smtp://127.0.0.1:${webPort}`)).toMatch(new RegExp(`^gekkan email: could not send through smtp://127\\.0\\.0\\.1:${webPort}: 127\\.0\\.0\\.1:${webPort} is not a mail server: it answered "HTTP/1\\.1 \\d{3} [^"]*" where a mail server says "220"; check the host and port in GEKKAN_SMTP_URL \\(mail submission is usually smtp://HOST:587 or smtps://HOST:465\\)$`));
    } finally {
      web.closeAllConnections();
      await new Promise<void>((done) => web.close(() => done()));
    }
  });

  it("a certificate this machine does not accept is named as such, with what to do", async () => {
    // smtp-server's own certificate is for no real host and signed by no authority this machine trusts.
    const tls = await extraServer("127.0.0.1", { secure: true });
    try {
      expect(await send(`smtps://localhost:${tls.port}`)).toMatch(new RegExp(`^gekkan email: could not send through smtps://localhost:${tls.port}: the server's TLS certificate was not accepted \\([^)]+\\): (it is out of date|it is not signed by an authority|write the host name)`));
    } finally {
      await tls.close();
    }
  });
});
