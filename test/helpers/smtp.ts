import { type AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

/** A real SMTP server for tests: no TLS, no login, every message kept as its bytes, every connection counted. */
export interface LocalSmtp {
  port: number;
  received: Buffer[];
  sessions: () => number;
  close: () => Promise<void>;
}

export async function localSmtp(host = "127.0.0.1"): Promise<LocalSmtp> {
  const received: Buffer[] = [];
  let sessions = 0;
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onConnect(_session, callback) {
      sessions++;
      callback();
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        received.push(Buffer.concat(chunks));
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
    sessions: () => sessions,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
