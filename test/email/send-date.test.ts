/**
 * The Date of a sent message is the moment it is sent, even with
 * SOURCE_DATE_EPOCH set: that variable is for output that must be the same
 * bytes every run (a written .eml), and a message dated by a commit years
 * back lands at the bottom of every reader's inbox. A written message keeps
 * the epoch. The oracle is the real SMTP server on 127.0.0.1, the message
 * read back with mailparser, and the test's own clock.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli.js";
import { captureIo } from "../helpers/io.js";
import { smtpSuite } from "../helpers/smtp-suite.js";
import { issue } from "../helpers/temp-site.js";

const CONFIG = `${JSON.stringify({ title: "テスト月刊", lang: "ja", url: "https://example.org/", email: { from: "月刊 <news@example.org>" } })}\n`;
/** 2012-01-01T00:00:00Z: after the issue's date, years before any run of this test. */
const EPOCH_SECONDS = 1_325_376_000;
const MINUTE = 60_000;

const mail = smtpSuite();

describe("gekkan email --send under SOURCE_DATE_EPOCH", () => {
  it("dates the sent message with the time it is sent, and the written one with the epoch; both carry the same Message-ID", async () => {
    const dir = mail.site({ "gekkan.config.json": CONFIG, "content/issues/2011/2011-04.md": issue({ title: "四月号", issue: 1, date: "2011-04-01" }) });
    vi.stubEnv("SOURCE_DATE_EPOCH", String(EPOCH_SECONDS));
    vi.stubEnv("GEKKAN_SMTP_URL", `smtp://127.0.0.1:${mail.smtp.port}`);
    const sentIo = captureIo();
    expect(await main(["email", "1", "--root", dir.path, "--no-cache", "--send", "--to", "a@example.org"], sentIo), sentIo.all()).toBe(0);
    const sentAt = Date.now();
    const file = join(dir.path, "issue-1.eml");
    const writtenIo = captureIo();
    expect(await main(["email", "1", "--root", dir.path, "--no-cache", "--to", "a@example.org", "--out", file], writtenIo), writtenIo.all()).toBe(0);

    expect(mail.smtp.received).toHaveLength(1);
    const sent = await simpleParser(mail.smtp.received[0] ?? Buffer.alloc(0));
    const written = await simpleParser(await readFile(file));
    expect(Math.abs((sent.date?.getTime() ?? 0) - sentAt), `sent Date ${sent.date?.toISOString()} is not now`).toBeLessThan(MINUTE);
    expect(written.date?.getTime()).toBe(EPOCH_SECONDS * 1000);
    // The id comes from the issue, not the clock: a re-sent copy is recognisably the same message.
    expect(sent.messageId).toMatch(/^<gekkan\.2011-04\.1\.[0-9a-f]{16}@example\.org>$/);
    expect(sent.messageId).toBe(written.messageId);
  });
});
