/**
 * A List-Unsubscribe address the author wrote with Japanese or a space in
 * it (`mailto:leave@…?subject=配信停止`, `https://…/配信停止?list=a b`).
 * Given to the header as typed, it went out RFC 2047-encoded
 * (`List-Unsubscribe: =?UTF-8?Q?=3Cmailto=3A…?=`), which is no list of
 * <URL>s (RFC 2369): mail apps showed no unsubscribe button, and Gmail and
 * Yahoo read the sender as offering none. The footer's link kept the space,
 * which ends a URL in the text part. Sent through a real SMTP server on
 * 127.0.0.1 and read back with mailparser; the oracle is the header written
 * out by hand, percent-encoded as RFC 3986 has it.
 */
import { simpleParser } from "mailparser";
import { describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli.js";
import { captureIo } from "../helpers/io.js";
import { smtpSuite } from "../helpers/smtp-suite.js";
import { issue, type TempDir } from "../helpers/temp-site.js";

const MAILTO = "mailto:leave@example.org?subject=配信停止";
const WEB = "https://example.org/配信停止?list=a b";
const CONFIG = {
  title: "テスト月刊",
  url: "https://example.org/",
  lang: "ja",
  email: { from: "テスト月刊 <news@example.org>", listUnsubscribe: [MAILTO, WEB], listUnsubscribeOneClick: true },
};
// By hand: each byte of UTF-8 as %XX, the space as %20.
const MAILTO_SENT = "mailto:leave@example.org?subject=%E9%85%8D%E4%BF%A1%E5%81%9C%E6%AD%A2";
const WEB_SENT = "https://example.org/%E9%85%8D%E4%BF%A1%E5%81%9C%E6%AD%A2?list=a%20b";

const mail = smtpSuite();
let dir: TempDir | undefined;

async function sent() {
  dir = mail.site({
    "gekkan.config.json": `${JSON.stringify(CONFIG, null, 2)}\n`,
    "content/issues/2011/2011-04.md": issue({ title: "四月号", issue: 1, date: "2011-04-01" }, "日本語の本文です。\n"),
  });
  vi.stubEnv("SOURCE_DATE_EPOCH", "1325376000");
  vi.stubEnv("GEKKAN_SMTP_URL", `smtp://127.0.0.1:${mail.smtp.port}`);
  const io = captureIo();
  expect(await main(["email", "1", "--root", dir.path, "--no-cache", "--send", "--to", "reader@example.org"], io)).toBe(0);
  const [raw] = mail.smtp.received;
  return { raw: raw?.toString("latin1") ?? "", mail: await simpleParser(raw ?? "") };
}

describe("List-Unsubscribe with Japanese or a space in its address", () => {
  it("goes out as <URL>s in ASCII, percent-encoded, not as an RFC 2047 word", async () => {
    const { raw } = await sent();
    // The header as on the wire, unfolded (RFC 5322 2.2.3: a CRLF before a space or tab is taken out).
    const line = /^List-Unsubscribe:.*(?:\r\n[ \t].*)*/m.exec(raw)?.[0].replace(/\r\n(?=[ \t])/g, "");
    expect(line).toBe(`List-Unsubscribe: <${MAILTO_SENT}>, <${WEB_SENT}>`);
    expect(raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
  });

  it("the footer's unsubscribe link, in the text part and the HTML part, is the header's web address", async () => {
    const { mail } = await sent();
    expect(mail.text).toContain(`<${WEB_SENT}>`);
    expect(mail.html || "").toContain(`href="${WEB_SENT}"`);
  });
});
