/**
 * An issue's message as `gekkan email` writes it: each part in the shorter
 * encoding (a Japanese part as base64, not quoted-printable at three times
 * its size), decoding to the same text the build writes beside the page,
 * and a warning at the issue's file when the message is over Gmail's
 * clipping size. Oracles: the message file's size on disk, mailparser's
 * decoding, and the build's email.txt and email.html.
 */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli.js";
import { captureIo } from "../helpers/io.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

const CONFIG = `${JSON.stringify({ title: "テスト月刊", lang: "ja", url: "https://example.org/", email: { from: "月刊 <news@example.org>" } })}\n`;
const FILE = "content/issues/2011/2011-04.md";
/** A paragraph of Japanese prose, as the column is written. */
const PARAGRAPH = "Pacemaker の設定を変えるときは、まず crm_mon で状態を確かめてから、保守モードに入れて作業します。";

let dir: TempDir | undefined;

afterEach(() => {
  dir?.remove();
  dir = undefined;
  vi.unstubAllEnvs();
});

/** Writes issue 1 of a one-issue site as a message; the message's bytes and what was printed. */
async function message(paragraphs: number, frontMatterLine = "") {
  const body = Array.from({ length: paragraphs }, (_, i) => `${i + 1}. ${PARAGRAPH}`).join("\n\n");
  const text = issue({ title: "四月号", issue: 1, date: "2011-04-01" }, `${body}\n`).replace("---\n", `---\n${frontMatterLine}`);
  dir = tempSite({ "gekkan.config.json": CONFIG, [FILE]: text });
  vi.stubEnv("SOURCE_DATE_EPOCH", "1325376000");
  const out = join(dir.path, "issue.eml");
  const io = captureIo();
  const code = await main(["email", "1", "--root", dir.path, "--no-cache", "--out", out], io);
  return { code, err: io.stderr.join("\n"), raw: readFileSync(out), size: statSync(out).size };
}

const lf = (text: string) => text.replace(/\r\n/g, "\n");

describe("the size of an issue's message", () => {
  it("a Japanese issue's parts go as base64, well under quoted-printable's size, and decode to the build's email.txt and email.html", async () => {
    const { code, raw } = await message(40);
    expect(code).toBe(0);
    const encodings = [...raw.toString("latin1").matchAll(/^Content-Transfer-Encoding: (\S+)/gim)].map((m) => m[1]);
    expect(encodings).toEqual(["base64", "base64"]);
    const mail = await simpleParser(raw);
    expect(await main(["build", "--root", dir?.path ?? "", "--no-cache", "--quiet"], captureIo())).toBe(0);
    const built = (name: string) => readFileSync(join(dir?.path ?? "", "dist", "issues", "2011-04", name), "utf8");
    expect(lf(mail.text ?? "")).toBe(lf(built("email.txt")));
    expect(lf(String(mail.html))).toBe(lf(built("email.html")));
    // base64 is 4/3 of the bytes (and a line break per 76); quoted-printable would write a Japanese byte as "=E3", 3 of them.
    const decoded = Buffer.byteLength(built("email.txt")) + Buffer.byteLength(built("email.html"));
    expect(raw.length).toBeLessThan(decoded * 1.4 + 4096);
  });

  it("a message over Gmail's clipping size is a warning at the issue's file, with its size; the message is written all the same", async () => {
    const { code, err, size } = await message(400);
    expect(code).toBe(0);
    expect(size).toBeGreaterThan(102 * 1024);
    expect(err).toContain(`${FILE}:1:1  warning: this issue's email message is ${Math.ceil(size / 1024)} KB: Gmail shows about the first 102 KB of a message and hides the rest behind "[Message clipped]", the footer and its unsubscribe link included;`);
    expect(err).toContain("ignoreWarnings: [email-size]");
  });

  it("a message under the size, or an issue that means its length, has no warning", async () => {
    const small = await message(40);
    expect(small.size).toBeLessThan(102 * 1024);
    expect(small.err).not.toContain("email-size");
    dir?.remove();
    const meant = await message(400, "ignoreWarnings: [email-size]\n");
    expect(meant.size).toBeGreaterThan(102 * 1024);
    expect(meant.err).not.toContain("Message clipped");
  });
});
