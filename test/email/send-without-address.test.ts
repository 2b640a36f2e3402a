/**
 * A site without an address builds every link in an email for
 * http://localhost/, and a sent message cannot be corrected: `--send`
 * refuses it before connecting (a real SMTP server on 127.0.0.1 receives
 * nothing), and a written message comes with the build's warning.
 */
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli.js";
import { captureIo } from "../helpers/io.js";
import { smtpSuite } from "../helpers/smtp-suite.js";
import { issue, tempDir, type TempDir } from "../helpers/temp-site.js";

const NO_URL = `${JSON.stringify({ title: "テスト月刊", lang: "ja", email: { from: "月刊 <news@example.org>" } })}\n`;
const WITH_URL = `${JSON.stringify({ title: "テスト月刊", lang: "ja", url: "https://example.org/", email: { from: "月刊 <news@example.org>" } })}\n`;

const mail = smtpSuite();
let dir: TempDir | undefined;

async function email(config: string, ...args: string[]) {
  dir = mail.site({ "gekkan.config.json": config, "content/issues/2011/2011-04.md": issue({ title: "四月号", issue: 1, date: "2011-04-01" }) });
  vi.stubEnv("SOURCE_DATE_EPOCH", "1325376000");
  vi.stubEnv("GEKKAN_SMTP_URL", `smtp://127.0.0.1:${mail.smtp.port}`);
  const io = captureIo();
  const code = await main(["email", "1", "--root", dir.path, "--no-cache", ...args], io);
  return { code, err: io.stderr.join("\n") };
}

describe("gekkan email for a site without an address", () => {
  it("--send refuses before connecting, saying what to add", async () => {
    const before = mail.smtp.sessions();
    const result = await email(NO_URL, "--send", "--to", "reader@example.org");
    expect(result).toEqual({ code: 1, err: 'gekkan email: the site has no address (no "url" in the config, and no --url), so every link in the message would point at http://localhost/; add "url": "https://…/" to the config, or pass --url, before sending' });
    expect(mail.smtp.sessions()).toBe(before);
  });

  it("--send goes out with --url, or with the config's url", async () => {
    const before = mail.smtp.received.length;
    expect((await email(NO_URL, "--send", "--to", "reader@example.org", "--url", "https://example.org/")).code).toBe(0);
    expect(mail.smtp.received.length).toBe(before + 1);
    dir?.remove();
    expect((await email(WITH_URL, "--send", "--to", "reader@example.org")).code).toBe(0);
    expect(mail.smtp.received.length).toBe(before + 2);
  });

  it("a written message comes with the warning", async () => {
    const out = tempDir();
    const result = await email(NO_URL, "--out", join(out.path, "issue.eml"));
    out.remove();
    expect(result.code).toBe(0);
    expect(result.err.split("\n")).toEqual([
      'gekkan.config.json:1:1  warning: the config has no "url", so the links and images in this message point at http://localhost/; add "url": "https://…/" with the address the site is published at, or pass --url',
      'gekkan: if you mean this, stop the warning in gekkan.config.json with "ignoreWarnings": ["site-address"]',
    ]);
  });
});
