/**
 * Addresses with Japanese letters before the @ (`読者@例え.jp`, a sender
 * `月刊@例え.jp`) go only through a server that offers SMTPUTF8 (RFC 6531).
 * nodemailer sent them all the same to one that does not, without the
 * SMTPUTF8 word; smtp-server took them, as a lenient relay does, to be
 * bounced or mangled further on where the author never hears. Two real
 * servers on 127.0.0.1, one offering SMTPUTF8 and one not; what arrives is
 * read back with mailparser. A Japanese domain alone needs no SMTPUTF8: it
 * goes as punycode, written here by hand (例え.jp is xn--r8jz45g.jp).
 */
import { simpleParser, type AddressObject } from "mailparser";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli.js";
import { captureIo } from "../helpers/io.js";
import { localSmtp, type LocalSmtp } from "../helpers/smtp.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

let offering: LocalSmtp;
let notOffering: LocalSmtp;
let dir: TempDir | undefined;

beforeAll(async () => {
  offering = await localSmtp();
  notOffering = await localSmtp("127.0.0.1", { smtpUtf8: false });
});
afterEach(() => {
  dir?.remove();
  vi.unstubAllEnvs();
});
afterAll(async () => {
  await offering.close();
  await notOffering.close();
});

async function send(server: LocalSmtp, from: string, ...to: string[]) {
  const config = `${JSON.stringify({ title: "テスト月刊", lang: "ja", url: "https://example.org/", email: { from } })}\n`;
  dir = tempSite({ "gekkan.config.json": config, "content/issues/2011/2011-04.md": issue({ title: "四月号", issue: 1, date: "2011-04-01" }) });
  return run(server, ["email", "1", "--root", dir.path, "--no-cache", "--send", ...to.flatMap((address) => ["--to", address])]);
}

async function run(server: LocalSmtp, args: string[]) {
  vi.stubEnv("GEKKAN_SMTP_URL", `smtp://127.0.0.1:${server.port}`);
  const io = captureIo();
  const code = await main(args, io);
  return { code, err: io.stderr.join("\n") };
}

const address = (field: AddressObject | AddressObject[] | undefined) => [field ?? []].flat().flatMap((object) => object.value.map((mailbox) => mailbox.address));

describe("a server without SMTPUTF8", () => {
  it("a reader with Japanese before the @ stops the send before anything goes, named with the fix", async () => {
    const result = await send(notOffering, "月刊 <news@example.org>", "reader@example.org", "読者@例え.jp");
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      `gekkan email: could not send through smtp://127.0.0.1:${notOffering.port}: the server does not offer SMTPUTF8 (RFC 6531), which an address with letters outside ASCII before the @ needs, so nothing was sent: the reader 読者@例え.jp. Use addresses with only ASCII before the @ (the part after it may stay as it is: it is sent as punycode, 例え.jp as xn--r8jz45g.jp), or a server that offers SMTPUTF8`,
    );
    expect(notOffering.received).toEqual([]);
  });

  it("a sender with Japanese before the @ is named as the config's, with every such reader", async () => {
    const result = await send(notOffering, "月刊 <月刊@example.org>", "読者@example.org", "編集@example.org");
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      `gekkan email: could not send through smtp://127.0.0.1:${notOffering.port}: the server does not offer SMTPUTF8 (RFC 6531), which an address with letters outside ASCII before the @ needs, so nothing was sent: the sender 月刊@example.org (email.from in the config) and the readers 読者@example.org, 編集@example.org. Use addresses with only ASCII before the @, or a server that offers SMTPUTF8`,
    );
    expect(notOffering.received).toEqual([]);
  });

  it("an edition's own sender is named by its own field, languages.<lang>.email.from, the one to fix", async () => {
    const config = { title: "テスト月刊", lang: "ja", url: "https://example.org/", email: { from: "月刊 <news@example.org>" }, languages: { en: { title: "Test Monthly", email: { from: "Monthly <月刊@example.org>" } } } };
    dir = tempSite({
      "gekkan.config.json": `${JSON.stringify(config)}\n`,
      "content/issues/2011/2011-04.md": issue({ title: "四月号", issue: 1, date: "2011-04-01" }),
      "content/issues/2011/2011-04.en.md": issue({ title: "April", issue: 1, date: "2011-04-01", lang: "en" }, "The English text.\n"),
    });
    const result = await run(notOffering, ["email", "1", "--lang", "en", "--root", dir.path, "--no-cache", "--send", "--to", "reader@example.org"]);
    expect(result.code).toBe(1);
    expect(result.err).toBe(
      `gekkan email: could not send through smtp://127.0.0.1:${notOffering.port}: the server does not offer SMTPUTF8 (RFC 6531), which an address with letters outside ASCII before the @ needs, so nothing was sent: the sender 月刊@example.org (languages.en.email.from in the config). Use addresses with only ASCII before the @, or a server that offers SMTPUTF8`,
    );
    expect(notOffering.received).toEqual([]);
  });

  // Not a change: the check must not stop these, which nodemailer sends as punycode, in the envelope and the To line alike.
  it("a Japanese domain alone goes, as punycode", async () => {
    const before = notOffering.received.length;
    expect((await send(notOffering, "月刊 <news@例え.jp>", "reader@例え.jp")).code).toBe(0);
    expect(notOffering.envelopes.slice(before).map((envelope) => envelope.smtpUtf8)).toEqual([false]);
    const raw = notOffering.received.slice(before)[0]?.toString("utf8") ?? "";
    expect(raw).toMatch(/^To: reader@xn--r8jz45g\.jp\r$/m);
    expect(raw).toMatch(/^From: .*<news@xn--r8jz45g\.jp>\r$/m);
  });
});

// Not a change either: with a server that offers it, the addresses go with the SMTPUTF8 word, and arrive as written.
describe("a server with SMTPUTF8", () => {
  it("takes a sender and a reader with Japanese before the @", async () => {
    const before = offering.received.length;
    expect((await send(offering, "月刊 <月刊@例え.jp>", "読者@例え.jp")).code).toBe(0);
    expect(offering.envelopes.slice(before)).toEqual([{ from: "月刊@例え.jp", smtpUtf8: true, to: ["読者@例え.jp"] }]);
    const parsed = await simpleParser(offering.received[before] ?? Buffer.alloc(0));
    expect([address(parsed.from), address(parsed.to)]).toEqual([["月刊@例え.jp"], ["読者@例え.jp"]]);
  });
});
