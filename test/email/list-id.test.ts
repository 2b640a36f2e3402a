/**
 * List-Id (RFC 2919) on every message of a site with an address: what mail
 * apps and filters group a newsletter's issues by ("mute this list", Gmail's
 * filters, a list-aware client's folder). Its phrase is the site's title in
 * the issue's language, RFC 2047-encoded when it is not ASCII; the id is the
 * site's host, after its base path's segments, last first. Sent through a
 * real SMTP server on 127.0.0.1; the oracle is the header written by hand
 * (the base64 of the title's UTF-8 bytes worked out apart from gekkan).
 */
import { simpleParser } from "mailparser";
import { describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli.js";
import { captureIo } from "../helpers/io.js";
import { smtpSuite } from "../helpers/smtp-suite.js";
import { issue, type TempDir } from "../helpers/temp-site.js";

const CONFIG = {
  title: "月刊 Linux-HA 通信",
  url: "https://news.example.org/",
  lang: "ja",
  email: { from: "月刊 Linux-HA 通信 <news@news.example.org>" },
  languages: { en: { title: "Linux-HA Monthly, Tokyo" } },
};

const mail = smtpSuite();
let dir: TempDir | undefined;

function site(config: object): string {
  dir = mail.site({
    "gekkan.config.json": `${JSON.stringify(config, null, 2)}\n`,
    "content/issues/2011/2011-04.md": issue({ title: "四月号", issue: 1, date: "2011-04-01" }, "日本語の本文です。\n"),
    "content/issues/2011/2011-04.en.md": issue({ title: "April", issue: 1, date: "2011-04-01", lang: "en" }, "The English text.\n"),
  });
  return dir.path;
}

/**
 * The List-Id field's value in the one message sent, as on the wire and
 * unfolded (RFC 5322 2.2.3), and mailparser's reading of it. Field names
 * are read without case (nodemailer writes this one "List-ID").
 */
async function sentListId(config: object, extra: string[] = []): Promise<{ line: string | undefined; id: unknown }> {
  const root = site(config);
  vi.stubEnv("SOURCE_DATE_EPOCH", "1325376000");
  vi.stubEnv("GEKKAN_SMTP_URL", `smtp://127.0.0.1:${mail.smtp.port}`);
  const io = captureIo();
  expect(await main(["email", "1", "--root", root, "--no-cache", "--send", "--to", "reader@example.org", ...extra], io), io.all()).toBe(0);
  const raw = mail.smtp.received[0] ?? Buffer.alloc(0);
  const line = /^List-Id: (.*(?:\r\n[ \t].*)*)/im.exec(raw.toString("latin1"))?.[1]?.replace(/\r\n(?=[ \t])/g, "");
  const list = (await simpleParser(raw)).headers.get("list") as { id?: unknown } | undefined;
  return { line, id: list?.id };
}

describe("List-Id on a sent issue", () => {
  it("names the list by the site's title, RFC 2047-encoded, and its host in ASCII", async () => {
    const { line, id } = await sentListId(CONFIG);
    // base64 of the UTF-8 bytes of 月刊 Linux-HA 通信.
    expect(line).toBe("=?UTF-8?B?5pyI5YiKIExpbnV4LUhBIOmAmuS/oQ==?= <news.example.org>");
    // mailparser reads the id out of it (it leaves the phrase's encoded word as it is).
    expect(id).toMatchObject({ id: "news.example.org" });
  });

  it("a translation is named by the site's title in its language, quoted where it holds a comma", async () => {
    const { line } = await sentListId(CONFIG, ["--lang", "en"]);
    expect(line).toBe('"Linux-HA Monthly, Tokyo" <news.example.org>');
  });

  it("a site under a path on a shared host gets an id of its own: the path's segments before the host, last first", async () => {
    const { line } = await sentListId({ ...CONFIG, title: "HA News", url: "https://example.org/tsushin/ha/" });
    expect(line).toBe("HA News <ha.tsushin.example.org>");
  });
});

describe("List-Id on a written message", () => {
  it("is left out when the site has no address, as there is no name on the web to make it of", async () => {
    const { url: _url, ...noUrl } = CONFIG;
    const root = site(noUrl);
    vi.stubEnv("SOURCE_DATE_EPOCH", "1325376000");
    const out = `${root}/message.eml`;
    const io = captureIo();
    expect(await main(["email", "1", "--root", root, "--no-cache", "--out", out], io), io.all()).toBe(0);
    const { readFileSync } = await import("node:fs");
    const raw = readFileSync(out, "latin1");
    expect(raw).toMatch(/^Content-Language: ja\r$/m);
    expect(raw).not.toMatch(/^List-Id:/im);
  });
});
