/**
 * How a send to several readers ends when some of them cannot be sent to.
 * A reader the server refuses for good (550 no such user) is passed over,
 * and the rest still get the issue; the refused are named at the end with
 * the server's words. A server that goes quiet after the whole message
 * went out may have delivered it, so that reader is named apart from those
 * not sent to, who alone are safe to send again. The oracle is a real SMTP
 * server on 127.0.0.1: the envelopes it took, and messages written by hand.
 */
import { type AddressInfo } from "node:net";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli.js";
import { captureIo } from "../helpers/io.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

const CONFIG = `${JSON.stringify({ title: "テスト月刊", lang: "ja", url: "https://example.org/", email: { from: "月刊 <news@example.org>" } })}\n`;

let dir: TempDir | undefined;
let server: SMTPServer | undefined;

afterEach(async () => {
  dir?.remove();
  dir = undefined;
  vi.unstubAllEnvs();
  const open = server;
  server = undefined;
  if (open !== undefined) await new Promise<void>((done) => open.close(() => done()));
});

/** A server on 127.0.0.1 that keeps, for each message it took, its envelope's recipients. */
async function smtp(options: SMTPServerOptions): Promise<{ port: number; took: string[][] }> {
  const took: string[][] = [];
  server = new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, done) {
      stream.resume().on("end", () => {
        took.push(session.envelope.rcptTo.map((r) => r.address));
        done();
      });
    },
    ...options,
  });
  server.on("error", () => undefined);
  await new Promise<void>((ready) => server?.listen(0, "127.0.0.1", ready));
  return { port: (server.server.address() as AddressInfo).port, took };
}

const refuse = (words: string, responseCode: number) => Object.assign(new Error(words), { responseCode });

/** The English edition, with a sender of its own. */
const EDITION_CONFIG = `${JSON.stringify({ title: "テスト月刊", lang: "ja", url: "https://example.org/", email: { from: "月刊 <news@example.org>" }, languages: { en: { title: "Test Monthly", email: { from: "Monthly <news-en@example.org>" } } } })}\n`;
const EDITION = { "content/issues/2011/2011-04.en.md": issue({ title: "April", issue: 1, date: "2011-04-01", lang: "en" }, "The English text.\n") };

/** `lang: "en"` sends the English edition (gekkan email --lang en), from its own sender. */
async function send(url: string, readers: readonly string[], lang?: "en"): Promise<{ code: number; stderr: string[]; stdout: string[] }> {
  const japanese = { "content/issues/2011/2011-04.md": issue({ title: "四月号", issue: 1, date: "2011-04-01" }) };
  dir = tempSite(lang === undefined ? { "gekkan.config.json": CONFIG, ...japanese } : { "gekkan.config.json": EDITION_CONFIG, ...japanese, ...EDITION });
  vi.stubEnv("SOURCE_DATE_EPOCH", "1325376000");
  vi.stubEnv("GEKKAN_SMTP_URL", url);
  const io = captureIo();
  const code = await main(["email", "1", ...(lang === undefined ? [] : ["--lang", lang]), "--root", dir.path, "--no-cache", "--send", ...readers.flatMap((to) => ["--to", to])], io);
  return { code, stderr: io.stderr, stdout: io.stdout };
}

describe("gekkan email --send: readers the server refuses", () => {
  it("passes over each reader refused for good (5xx), sends the rest, and names the refused with the server's words", async () => {
    const picky = await smtp({
      onRcptTo(to, _session, done) {
        if (to.address === "b@example.org") return done(refuse("5.1.1 User unknown", 550));
        if (to.address === "d@example.org") return done(refuse("5.2.1 Mailbox disabled", 551));
        done();
      },
    });
    const run = await send(`smtp://127.0.0.1:${picky.port}`, ["a@example.org", "b@example.org", "c@example.org", "d@example.org", "e@example.org"]);
    expect(run.code).toBe(1);
    expect(picky.took).toEqual([["a@example.org"], ["c@example.org"], ["e@example.org"]]);
    expect(run.stderr).toEqual([
      `gekkan email: could not send through smtp://127.0.0.1:${picky.port} to 2 readers: the server refused b@example.org (550 5.1.1 User unknown), d@example.org (551 5.2.1 Mailbox disabled); check each address, or leave it out (sent to a@example.org, c@example.org, e@example.org)`,
    ]);
  });

  it("stops at a reader put off for now (4xx), naming the one refused before it and everyone not sent", async () => {
    const busy = await smtp({
      onRcptTo(to, _session, done) {
        if (to.address === "b@example.org") return done(refuse("5.1.1 User unknown", 550));
        if (to.address === "c@example.org") return done(refuse("4.7.0 Too many messages, slow down", 451));
        done();
      },
    });
    const run = await send(`smtp://127.0.0.1:${busy.port}`, ["a@example.org", "b@example.org", "c@example.org", "d@example.org"]);
    expect(run.code).toBe(1);
    expect(busy.took).toEqual([["a@example.org"]]);
    expect(run.stderr).toEqual([
      `gekkan email: could not send through smtp://127.0.0.1:${busy.port}: the server put off c@example.org for now (451 4.7.0 Too many messages, slow down): try again later (already sent to a@example.org; refused by the server: b@example.org (550 5.1.1 User unknown); not sent to c@example.org, d@example.org: to send only those, run again with a --to for each)`,
    ]);
  });

  it("stops after three readers in a row refused with the same reply, which is about the sender, not the addresses", async () => {
    const relay = await smtp({
      onRcptTo(to, _session, done) {
        if (to.address === "a@example.org") return done();
        done(refuse("5.7.1 Relaying denied", 550));
      },
    });
    const readers = ["a@example.org", "b@example.org", "c@example.org", "d@example.org", "e@example.org", "f@example.org"];
    const run = await send(`smtp://127.0.0.1:${relay.port}`, readers);
    expect(run.code).toBe(1);
    expect(relay.took).toEqual([["a@example.org"]]);
    expect(run.stderr).toEqual([
      `gekkan email: could not send through smtp://127.0.0.1:${relay.port}: the server refused 3 readers in a row with the same reply (550 5.7.1 Relaying denied), so it would refuse the rest too: that looks like the server refusing the sender news@example.org (email.from in the config) or the login in GEKKAN_SMTP_URL rather than the readers' addresses; check that this server takes mail from news@example.org with that login, and send again (already sent to a@example.org; refused by the server: b@example.org (550 5.7.1 Relaying denied), c@example.org (550 5.7.1 Relaying denied), d@example.org (550 5.7.1 Relaying denied); not sent to e@example.org, f@example.org: to send only those, run again with a --to for each)`,
    ]);
  });

  it("names an edition's own sender, refused three times in a row, by its field in the config", async () => {
    const relay = await smtp({ onRcptTo: (_to, _session, done) => done(refuse("5.7.1 Relaying denied", 550)) });
    const run = await send(`smtp://127.0.0.1:${relay.port}`, ["a@example.org", "b@example.org", "c@example.org", "d@example.org"], "en");
    expect(run.code).toBe(1);
    expect(relay.took).toEqual([]);
    expect(run.stderr).toEqual([
      `gekkan email: could not send through smtp://127.0.0.1:${relay.port}: the server refused 3 readers in a row with the same reply (550 5.7.1 Relaying denied), so it would refuse the rest too: that looks like the server refusing the sender news-en@example.org (languages.en.email.from in the config) or the login in GEKKAN_SMTP_URL rather than the readers' addresses; check that this server takes mail from news-en@example.org with that login, and send again (refused by the server: a@example.org (550 5.7.1 Relaying denied), b@example.org (550 5.7.1 Relaying denied), c@example.org (550 5.7.1 Relaying denied); not sent to d@example.org: to send only those, run again with a --to for each)`,
    ]);
  });

  it("goes on past refusals with different replies, or with a reader sent between them", async () => {
    const mixed = await smtp({
      onRcptTo(to, _session, done) {
        if (["a@example.org", "b@example.org", "d@example.org"].includes(to.address)) return done(refuse("5.1.1 User unknown", 550));
        if (to.address === "e@example.org") return done(refuse("5.1.1 Mailbox unavailable", 550));
        done();
      },
    });
    const readers = ["a@example.org", "b@example.org", "c@example.org", "d@example.org", "e@example.org", "f@example.org"];
    const run = await send(`smtp://127.0.0.1:${mixed.port}`, readers);
    expect(run.code).toBe(1);
    expect(mixed.took).toEqual([["c@example.org"], ["f@example.org"]]);
    expect(run.stderr).toEqual([
      `gekkan email: could not send through smtp://127.0.0.1:${mixed.port} to 4 readers: the server refused a@example.org (550 5.1.1 User unknown), b@example.org (550 5.1.1 User unknown), d@example.org (550 5.1.1 User unknown), e@example.org (550 5.1.1 Mailbox unavailable); check each address, or leave it out (sent to c@example.org, f@example.org)`,
    ]);
  });
});

describe("gekkan email --send: a server that goes quiet after the message", () => {
  it("names the reader whose whole message went out as one it may have reached, apart from those not sent", async () => {
    const quiet = await smtp({
      onData(stream, session, done) {
        stream.resume().on("end", () => {
          // Takes the whole message for b, then never answers: the client's socket timeout fires.
          if (session.envelope.rcptTo.some((r) => r.address === "b@example.org")) return;
          done();
        });
      },
    });
    // nodemailer reads socketTimeout from the URL's query: 60 s is gekkan's, too long for a test.
    const run = await send(`smtp://127.0.0.1:${quiet.port}/?socketTimeout=500`, ["a@example.org", "b@example.org", "c@example.org"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toEqual([
      `gekkan email: could not send through smtp://127.0.0.1:${quiet.port}: 127.0.0.1:${quiet.port} stopped answering after the whole message to b@example.org was sent, without saying whether it took it: it may have arrived, so before sending it to b@example.org again, ask that reader or look in the server's log (already sent to a@example.org; may have arrived at b@example.org; not sent to c@example.org: to send only those, run again with a --to for each)`,
    ]);
  });

  it("a hang-up after the whole message, with no reply, leaves that reader in doubt too", async () => {
    const hanging = await smtp({
      onData(stream, session, done) {
        stream.resume().on("end", () => {
          if (!session.envelope.rcptTo.some((r) => r.address === "b@example.org")) return done();
          // Drops the connection where its "250 OK" would go, as a server that crashes after queueing does.
          for (const connection of (server as unknown as { connections: Set<{ _socket: { destroy(): void } }> }).connections) connection._socket.destroy();
        });
      },
    });
    const run = await send(`smtp://127.0.0.1:${hanging.port}`, ["a@example.org", "b@example.org", "c@example.org"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toEqual([
      `gekkan email: could not send through smtp://127.0.0.1:${hanging.port}: the server closed the connection after the whole message to b@example.org was sent, without saying whether it took it: it may have arrived, so before sending it to b@example.org again, ask that reader or look in the server's log (already sent to a@example.org; may have arrived at b@example.org; not sent to c@example.org: to send only those, run again with a --to for each)`,
    ]);
  });
});

describe("gekkan email --send to many readers", () => {
  it("says how far it has come after every 50 readers, counting the refused apart", async () => {
    const picky = await smtp({
      onRcptTo(to, _session, done) {
        if (to.address === "r007@example.org") return done(refuse("5.1.1 User unknown", 550));
        done();
      },
    });
    const readers = Array.from({ length: 120 }, (_, i) => `r${String(i).padStart(3, "0")}@example.org`);
    const run = await send(`smtp://127.0.0.1:${picky.port}`, readers);
    expect(run.code).toBe(1);
    expect(picky.took).toHaveLength(119);
    // After reader 50 and reader 100, one of them refused; not after the last, which the closing line covers.
    expect(run.stderr.slice(0, -1)).toEqual(["gekkan email: sent to 49 of 120 readers so far (1 refused)", "gekkan email: sent to 99 of 120 readers so far (1 refused)"]);
    expect(run.stderr.at(-1)).toMatch(/^gekkan email: could not send through .* to 1 reader: the server refused r007@example\.org /);
  }, 60_000);

  it("closes a whole send to more than 5 readers with their count, not every address on one line; 5 are named", async () => {
    const server = await smtp({});
    const readers = Array.from({ length: 6 }, (_, i) => `r${i}@example.org`);
    const six = await send(`smtp://127.0.0.1:${server.port}`, readers);
    expect([six.code, six.stdout]).toEqual([0, [`gekkan email: sent issue 1 (2011-04) to all 6 readers through smtp://127.0.0.1:${server.port}`]]);
    const five = await send(`smtp://127.0.0.1:${server.port}`, readers.slice(0, 5));
    expect([five.code, five.stdout]).toEqual([0, [`gekkan email: sent issue 1 (2011-04) to ${readers.slice(0, 5).join(", ")} through smtp://127.0.0.1:${server.port}`]]);
    expect(server.took).toHaveLength(11);
  }, 60_000);
});
