/**
 * A bilingual list has two senders and two unsubscribe addresses: the
 * English edition went out from the Japanese sender with the Japanese
 * list's unsubscribe link. `languages.<code>.email` gives a language its
 * own headers, each falling back to the site's. Sent through a real SMTP
 * server on 127.0.0.1 and read back with mailparser; the oracle is the
 * config written in the test.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";
import { describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli.js";
import { captureIo } from "../helpers/io.js";
import { smtpSuite } from "../helpers/smtp-suite.js";
import { issue, type TempDir } from "../helpers/temp-site.js";

const CONFIG = {
  title: "テスト月刊",
  url: "https://example.org/",
  lang: "ja",
  email: { from: "テスト月刊 <news@example.org>", replyTo: "editors@example.org", listUnsubscribe: "mailto:leave@example.org" },
  languages: {
    en: {
      title: "Test Monthly",
      email: { from: "Test Monthly <news-en@example.org>", listUnsubscribe: "https://example.org/leave-en", listUnsubscribeOneClick: true },
    },
  },
};

const mail = smtpSuite();
let dir: TempDir | undefined;

function site(config: object = CONFIG): string {
  dir = mail.site({
    "gekkan.config.json": `${JSON.stringify(config, null, 2)}\n`,
    "content/issues/2011/2011-04.md": issue({ title: "四月号", issue: 1, date: "2011-04-01" }, "日本語の本文です。\n"),
    "content/issues/2011/2011-04.en.md": issue({ title: "April", issue: 1, date: "2011-04-01", lang: "en" }, "The English text.\n"),
  });
  return dir.path;
}

async function run(args: string[]): Promise<{ code: number; err: string }> {
  vi.stubEnv("SOURCE_DATE_EPOCH", "1325376000");
  vi.stubEnv("GEKKAN_SMTP_URL", `smtp://127.0.0.1:${mail.smtp.port}`);
  const io = captureIo();
  const code = await main(args, io);
  return { code, err: io.stderr.join("\n") };
}

/** A header line as sent (mailparser files List-* headers under "list"). */
const header = (mail: ParsedMail | undefined, key: string) => mail?.headerLines.find((line) => line.key === key)?.line;
const address = (field: AddressObject | AddressObject[] | undefined) => (Array.isArray(field) ? field[0] : field)?.value[0]?.address;

describe("per-language email headers", () => {
  it("each edition goes out from its own sender with its own unsubscribe headers; a header the language leaves out is the site's", async () => {
    const root = site();
    expect((await run(["email", "1", "--root", root, "--no-cache", "--send", "--to", "reader@example.org"])).code).toBe(0);
    expect((await run(["email", "1", "--lang", "en", "--root", root, "--no-cache", "--send", "--to", "reader@example.org"])).code).toBe(0);
    const [ja, en] = await Promise.all(mail.smtp.received.map((raw) => simpleParser(raw)));
    expect(address(ja?.from)).toBe("news@example.org");
    expect(header(ja, "list-unsubscribe")).toBe("List-Unsubscribe: <mailto:leave@example.org>");
    expect(header(ja, "list-unsubscribe-post")).toBeUndefined();
    expect(address(en?.from)).toBe("news-en@example.org");
    expect(header(en, "list-unsubscribe")).toBe("List-Unsubscribe: <https://example.org/leave-en>");
    expect(header(en, "list-unsubscribe-post")).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    // Not given for English: the site's.
    expect(address(en?.replyTo)).toBe("editors@example.org");
    expect(address(ja?.replyTo)).toBe("editors@example.org");
  });

  it("the built English email's unsubscribe link is the English list's", async () => {
    const root = site();
    expect((await run(["build", "--root", root, "--no-search", "--quiet"])).code).toBe(0);
    const en = readFileSync(join(root, "dist", "en", "issues", "2011-04", "email.html"), "utf8");
    const ja = readFileSync(join(root, "dist", "issues", "2011-04", "email.html"), "utf8");
    expect(en).toContain('href="https://example.org/leave-en"');
    expect(en).not.toContain("mailto:leave@example.org");
    expect(ja).toContain('href="mailto:leave@example.org"');
  });

  it("a mistake in a language's headers is an error at its place in the config", async () => {
    const config = { ...CONFIG, languages: { en: { email: { from: "not an address", listUnsubscribeOneClick: true } } } };
    const root = site(config);
    const result = await run(["build", "--root", root, "--no-search"]);
    expect(result.code).toBe(1);
    const lines = result.err.split("\n");
    expect(lines[0]).toMatch(/^gekkan\.config\.json:\d+:\d+ {2}invalid config field "languages\.en\.email\.from": expected one sender address, such as "月刊 News <news@example\.org>", found the string "not an address"/);
    expect(lines[1]).toMatch(/^gekkan\.config\.json:\d+:\d+ {2}invalid config field "languages\.en\.email\.listUnsubscribeOneClick": .*one-click needs an https:\/\/ URL in listUnsubscribe/);
  });
});
