/**
 * `--send` to several readers: each gets a copy of their own, in its own
 * SMTP transaction, over one connection. nodemailer's plain transport
 * opened a new connection for every message, each with its own TLS
 * handshake and login; mail providers count logins, and turn away a sender
 * who logs in a hundred times a minute ("too many login attempts"). The
 * oracle is the real SMTP server on 127.0.0.1, which counts connections.
 */
import { simpleParser } from "mailparser";
import { describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli.js";
import { captureIo } from "../helpers/io.js";
import { smtpSuite } from "../helpers/smtp-suite.js";
import { issue, type TempDir } from "../helpers/temp-site.js";

const CONFIG = `${JSON.stringify({ title: "テスト月刊", lang: "ja", url: "https://example.org/", email: { from: "月刊 <news@example.org>" } })}\n`;
const READERS = ["a@example.org", "b@example.org", "c@example.org", "d@example.org"];

const mail = smtpSuite();
let dir: TempDir | undefined;

describe("gekkan email --send to several readers", () => {
  it("opens one connection and sends each reader their own copy in it", async () => {
    dir = mail.site({ "gekkan.config.json": CONFIG, "content/issues/2011/2011-04.md": issue({ title: "四月号", issue: 1, date: "2011-04-01" }) });
    vi.stubEnv("SOURCE_DATE_EPOCH", "1325376000");
    vi.stubEnv("GEKKAN_SMTP_URL", `smtp://127.0.0.1:${mail.smtp.port}`);
    const before = mail.smtp.sessions();
    const io = captureIo();
    expect(await main(["email", "1", "--root", dir.path, "--no-cache", "--send", ...READERS.flatMap((to) => ["--to", to])], io)).toBe(0);
    expect(mail.smtp.sessions() - before).toBe(1);
    const mails = await Promise.all(mail.smtp.received.map((raw) => simpleParser(raw)));
    expect(mails.map((mail) => (Array.isArray(mail.to) ? mail.to : [mail.to]).map((to) => to?.text))).toEqual(READERS.map((to) => [to]));
  });
});
