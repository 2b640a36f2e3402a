/**
 * `gekkan email --send` against a real SMTP server (smtp-server) on
 * 127.0.0.1, with authentication, STARTTLS off for loopback. What arrives is
 * compared byte for byte with the message `--out` writes: smtp-server hands
 * over the DATA exactly as the client sent it (dot-stuffing undone), and
 * gekkan's client adds no header of its own. A real receiving server would
 * prepend its Received: and Return-Path: lines on delivery; those are the
 * only differences a recipient's copy may show.
 */
import { readFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
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

describe("gekkan email --send", () => {
  it("sends each recipient their own copy, byte for byte the message --out writes", async () => {
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
      expect(received[i]?.raw.equals(expected), `copy for ${to} differs from --out`).toBe(true);
    }
  });

  it("refuses a draft and an issue dated after today, and sends nothing", async () => {
    const draft = await email(["3", "--send", "--to", "a@example.org"], { GEKKAN_SMTP_URL: smtpUrl() });
    expect(draft.code).toBe(1);
    expect(draft.stderr.trim()).toBe("gekkan email: issue 3 (2011-06) is a draft (draft: true in content/issues/2011/2011-06.md); --send only sends published issues — remove draft: true first");
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
