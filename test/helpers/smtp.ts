import { type AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** A real SMTP server for tests: no TLS, no login, every message kept as its bytes, every connection counted. */
export interface LocalSmtp {
  port: number;
  received: Buffer[];
  /** Each received message's envelope, as the server read it (a punycode domain is given back in Unicode), beside `received`. */
  envelopes: ReceivedEnvelope[];
  sessions: () => number;
  close: () => Promise<void>;
}

export interface ReceivedEnvelope {
  from: string;
  /** MAIL FROM came with the SMTPUTF8 word (RFC 6531). */
  smtpUtf8: boolean;
  to: string[];
}

/** `smtpUtf8: false`: the server does not offer SMTPUTF8 in its EHLO reply, as many still do not. */
export async function localSmtp(host = "127.0.0.1", options: { smtpUtf8?: boolean } = {}): Promise<LocalSmtp> {
  const received: Buffer[] = [];
  const envelopes: ReceivedEnvelope[] = [];
  let sessions = 0;
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    hideSMTPUTF8: options.smtpUtf8 === false,
    onConnect(_session, callback) {
      sessions++;
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push(Buffer.concat(chunks));
        const from = session.envelope.mailFrom;
        envelopes.push({ from: from === false ? "" : from.address, smtpUtf8: from !== false && from.args !== false && from.args.SMTPUTF8 === true, to: session.envelope.rcptTo.map((to) => to.address) });
        callback();
      });
    },
  });
  // A client that gives up on a handshake is the server's error event; without a listener it would end the test run.
  server.on("error", () => undefined);
  await new Promise<void>((ready) => server.listen(0, host, ready));
  return {
    port: (server.server.address() as AddressInfo).port,
    received,
    envelopes,
    sessions: () => sessions,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
