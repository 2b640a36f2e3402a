/**
 * `gekkan email`: the message it writes, read back with mailparser (an
 * independent MIME parser), compared with the files `gekkan build` writes,
 * and checked byte for byte across runs.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyToTemp, type TempDir } from "../helpers/temp-site.js";
import { compileCli, type CompiledCli } from "./cli-process.js";
import { EMAIL_SITE } from "../helpers/email.js";

const EPOCH = "1767225600"; // 2026-01-01T00:00:00Z
const STACK = /^\s+at .+[:(]\d+/m;

let cli: CompiledCli;
let site: TempDir;
let dist: string;
const root = () => ["--root", site.path];
const email = async (args: string[], env: Record<string, string> = {}) => {
  const run = await cli.run(["email", ...args, ...root()], { SOURCE_DATE_EPOCH: EPOCH, ...env });
  expect(run.stderr, "no stack trace").not.toMatch(STACK);
  return run;
};
const written = async (name: string, args: string[], env: Record<string, string> = {}) => {
  const file = join(site.path, name);
  const run = await email([...args, "--out", file], env);
  expect(run.code, run.stderr).toBe(0);
  return readFile(file);
};
const address = (field: AddressObject | AddressObject[] | undefined) => (Array.isArray(field) ? field.flatMap((f) => f.value) : (field?.value ?? []));

beforeAll(async () => {
  cli = await compileCli();
  site = copyToTemp(EMAIL_SITE);
  dist = join(site.path, "dist");
  const build = await cli.run(["build", ...root(), "--out", dist, "--no-search", "--quiet"], { SOURCE_DATE_EPOCH: EPOCH });
  expect(build.code, build.stderr).toBe(0);
}, 180_000);

afterAll(() => {
  cli?.remove();
  site?.remove();
});

describe("the message", () => {
  let raw: Buffer;
  let mail: ParsedMail;
  beforeAll(async () => {
    raw = await written("one.eml", ["1", "--to", "読者 <reader@example.org>"]);
    mail = await simpleParser(raw);
  });

  it("has the issue's title as Subject, the config's sender, the recipient, Date and Message-ID", () => {
    expect(mail.subject).toBe("創刊号：クラスタの新着情報");
    expect(address(mail.from)).toEqual([{ name: "月刊テスト通信", address: "news@news.example.org" }]);
    expect(address(mail.to)).toEqual([{ name: "読者", address: "reader@example.org" }]);
    expect(address(mail.replyTo)).toEqual([{ name: "", address: "editors@news.example.org" }]);
    expect(mail.date?.toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(mail.messageId).toMatch(/^<gekkan\.2011-04\.1\.[0-9a-f]{16}@news\.example\.org>$/);
    expect(mail.headers.get("content-language")).toBe("ja");
  });

  it("offers unsubscribing in the header: both targets, one-click (RFC 8058)", () => {
    const header = raw.toString("latin1").match(/^List-Unsubscribe: (.*(?:\r\n[ \t].*)*)/m)?.[1]?.replace(/\r\n[ \t]/g, " ");
    expect(header).toBe("<mailto:leave@news.example.org?subject=unsubscribe>, <https://news.example.org/unsubscribe>");
    expect(raw.toString("latin1")).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
  });

  it("is multipart/alternative: the text part, then the HTML part, exactly the build's email.txt and email.html", async () => {
    expect(raw.toString("latin1")).toMatch(/^Content-Type: multipart\/alternative;/m);
    const parts = [...raw.toString("latin1").matchAll(/^Content-Type: (text\/\w+); charset=utf-8\r$/gm)].map((m) => m[1]);
    expect(parts).toEqual(["text/plain", "text/html"]);
    expect(mail.text).toBe(await readFile(join(dist, "issues/2011-04/email.txt"), "utf8"));
    expect(mail.html).toBe(await readFile(join(dist, "issues/2011-04/email.html"), "utf8"));
  });

  it("is 7-bit clean with CRLF line ends, and encodes the non-ASCII headers (RFC 2047)", () => {
    expect([...raw].every((byte) => byte < 0x80)).toBe(true);
    expect(raw.toString("latin1").replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    expect(raw.toString("latin1")).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/m);
    expect(raw.toString("latin1")).toMatch(/^From: =\?UTF-8\?[BQ]\?[^\r]*(?:\r\n [^\r]*)*<news@news\.example\.org>\r$/m);
    for (const line of raw.toString("latin1").split("\r\n")) expect(line.length).toBeLessThanOrEqual(998);
  });

  it("leaves an ASCII title unencoded", async () => {
    const en = await written("en.eml", ["2011-05", "--lang", "en"]);
    expect(en.toString("latin1")).toMatch(/^Subject: May notes: fencing in practice\r$/m);
    expect(en.toString("latin1")).not.toMatch(/^To:/m);
  });

  it("--lang takes the issue's translation: its parts are the translation's own email files, in its language", async () => {
    const en = await simpleParser(await written("en-2.eml", ["2", "--lang", "en"]));
    expect(en.subject).toBe("May notes: fencing in practice");
    expect(en.headers.get("content-language")).toBe("en");
    expect(en.text).toBe(await readFile(join(dist, "en/issues/2011-05/email.txt"), "utf8"));
    expect(en.html).toBe(await readFile(join(dist, "en/issues/2011-05/email.html"), "utf8"));
    // The same number without --lang is the original.
    expect((await simpleParser(await written("ja-2.eml", ["2"]))).subject).toBe("5月号：フェンシングの実際");
  });

  it("a translation published a month after its original has its page's slug in the Message-ID, not its own month", async () => {
    const other = copyToTemp(EMAIL_SITE);
    try {
      const file = join(other.path, "content/issues/2011/2011-05.en.md");
      writeFileSync(file, readFileSync(file, "utf8").replace("date: 2011-05-01", "date: 2011-06-03"));
      const out = join(other.path, "late.eml");
      const run = await cli.run(["email", "2", "--lang", "en", "--out", out, "--root", other.path], { SOURCE_DATE_EPOCH: EPOCH });
      expect(run.code, run.stderr).toBe(0);
      const mail = await simpleParser(await readFile(out));
      // Its page (and "view in browser") is /en/issues/2011-05/: the issue of May, read in June.
      expect(mail.text).toContain("https://news.example.org/letters/en/issues/2011-05/");
      expect(mail.messageId).toMatch(/^<gekkan\.2011-05\.2\.[0-9a-f]{16}@news\.example\.org>$/);
    } finally {
      other.remove();
    }
  });
});

describe("determinism", () => {
  it("the same input gives the same bytes, boundaries included, in any time zone", async () => {
    const a = await written("a.eml", ["1", "--to", "reader@example.org"], { TZ: "UTC" });
    const b = await written("b.eml", ["1", "--to", "reader@example.org"], { TZ: "Asia/Tokyo" });
    expect(b.equals(a)).toBe(true);
    expect(a.toString("latin1")).toMatch(/boundary="--_NmP-[0-9a-f]{16}-Part_1"/);
  });

  it("without SOURCE_DATE_EPOCH only the Date header differs: it is the time of the run", async () => {
    const fixed = await written("fixed.eml", ["1"]);
    const before = Date.now();
    const run = await cli.run(["email", "1", "--out", join(site.path, "now.eml"), ...root()]);
    expect(run.code, run.stderr).toBe(0);
    const now = await readFile(join(site.path, "now.eml"));
    const date = (await simpleParser(now)).date?.getTime() ?? 0;
    expect(date).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(date).toBeLessThanOrEqual(Date.now());
    const withoutDate = (b: Buffer) => b.toString("latin1").replace(/^Date: .*\r\n/m, "");
    expect(withoutDate(now)).toBe(withoutDate(fixed));
  });

  it("a corrected issue gets a new Message-ID (a mail server drops a second message with an id it has seen)", async () => {
    const before = (await simpleParser(await written("before.eml", ["2", "--lang", "en"]))).messageId;
    const file = join(site.path, "content/issues/2011/2011-05.en.md");
    const { writeFile } = await import("node:fs/promises");
    const source = await readFile(file, "utf8");
    await writeFile(file, source.replace("is out.", "is out now."));
    try {
      const after = (await simpleParser(await written("after.eml", ["2", "--lang", "en"]))).messageId;
      expect(after).toMatch(/^<gekkan\.2011-05\.2\.[0-9a-f]{16}@news\.example\.org>$/);
      expect(after).not.toBe(before);
    } finally {
      await writeFile(file, source);
    }
  });
});

describe("choosing the issue", () => {
  it("writes to standard output by default, the same bytes as --out", async () => {
    const file = await written("stdout-ref.eml", ["1"]);
    const run = await email(["1"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.equals(file)).toBe(true);
  });

  it("without ISSUE takes the latest published issue: not the draft (3), not the future one (4)", async () => {
    const mail = await simpleParser(await written("latest.eml", []));
    expect(mail.subject).toBe("5月号：フェンシングの実際");
    // And in a language: the latest issue translated into it.
    expect((await simpleParser(await written("latest-en.eml", ["--lang", "en"]))).subject).toBe("May notes: fencing in practice");
  });

  it("without ISSUE, --lang skips a translation that is ready while its original is a draft: it is not published either", async () => {
    const other = copyToTemp(EMAIL_SITE);
    try {
      writeFileSync(join(other.path, "content/issues/2011/2011-06.en.md"), "---\ntitle: June, translated ahead\nissue: 3\ndate: 2011-06-01\nlang: en\n---\n\nReady before the Japanese issue is.\n");
      const file = join(other.path, "latest-en.eml");
      const run = await cli.run(["email", "--lang", "en", "--out", file, "--root", other.path], { SOURCE_DATE_EPOCH: EPOCH });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toBe("");
      expect((await simpleParser(await readFile(file))).subject).toBe("May notes: fencing in practice");
    } finally {
      other.remove();
    }
  });

  // The English list was sent issue 1 again: without ISSUE, --lang took the edition's latest, though the site's latest (2) was not translated yet.
  it("without ISSUE, --lang refuses when the site's latest issue is not out in that language, naming what to give instead", async () => {
    const other = copyToTemp(EMAIL_SITE);
    try {
      const english = join(other.path, "content/issues/2011/2011-05.en.md");
      writeFileSync(join(other.path, "content/issues/2011/2011-04.en.md"), "---\ntitle: First issue, in English\nissue: 1\ndate: 2011-04-01\nlang: en\n---\n\nThe text in English.\n");
      const run = () => cli.run(["email", "--lang", "en", "--out", join(other.path, "latest-en.eml"), "--root", other.path], { SOURCE_DATE_EPOCH: EPOCH });
      writeFileSync(english, readFileSync(english, "utf8").replace("lang: en\n", "lang: en\ndraft: true\n"));
      const held = await run();
      expect(held.code).toBe(1);
      // The file is named from where the command ran (outside the site): in full.
      expect(held.stderr.trim()).toBe(`gekkan email: the en translation of the latest issue, 2 (${english}), is not out yet (a draft), and the en edition's latest is issue 1 (2011-04), which its readers may have had already; name the issue to write (gekkan email 1 --lang en), or publish that translation first`);
      rmSync(english);
      const missing = await run();
      expect(missing.code).toBe(1);
      expect(missing.stderr.trim()).toBe("gekkan email: the latest issue, 2 (2011-05), has no en translation yet, and the en edition's latest is issue 1 (2011-04), which its readers may have had already; name the issue to write (gekkan email 1 --lang en), or translate issue 2 first (gekkan new --translate 2 --lang en)");
      expect(existsSync(join(other.path, "latest-en.eml"))).toBe(false);
      // Named, it is written.
      const named = await cli.run(["email", "1", "--lang", "en", "--out", join(other.path, "first-en.eml"), "--root", other.path], { SOURCE_DATE_EPOCH: EPOCH });
      expect(named.code, named.stderr).toBe(0);
      expect((await simpleParser(await readFile(join(other.path, "first-en.eml")))).subject).toBe("First issue, in English");
    } finally {
      other.remove();
    }
  });

  // "issue 2 (2011-05) has no en translation: start one", beside a list that named it: its translation sets a slug of its own.
  it("--lang with the original's slug of an issue whose translation has a slug of its own names that slug", async () => {
    const other = copyToTemp(EMAIL_SITE);
    try {
      const english = join(other.path, "content/issues/2011/2011-05.en.md");
      writeFileSync(english, readFileSync(english, "utf8").replace("lang: en\n", "lang: en\nslug: fencing\n"));
      const run = await cli.run(["email", "2011-05", "--lang", "en", "--out", join(other.path, "may-en.eml"), "--root", other.path], { SOURCE_DATE_EPOCH: EPOCH });
      expect(run.code).toBe(1);
      expect(run.stderr.trim()).toBe(`gekkan email: no issue "2011-05" in en: that is the slug of issue 2 in ja, whose en translation sets slug: fencing (${english}); give 2 or fencing`);
      const named = await cli.run(["email", "fencing", "--lang", "en", "--out", join(other.path, "may-en.eml"), "--root", other.path], { SOURCE_DATE_EPOCH: EPOCH });
      expect(named.code, named.stderr).toBe(0);
      expect((await simpleParser(await readFile(join(other.path, "may-en.eml")))).subject).toBe("May notes: fencing in practice");
    } finally {
      other.remove();
    }
  });

  it("writes a draft's message for a test read, with a warning that says what will not work", async () => {
    const file = join(site.path, "draft.eml");
    const run = await email(["3", "--out", file]);
    expect(run.code).toBe(0);
    // The file is named from where the command ran (the test's folder, outside the site): in full.
    expect(run.stderr).toContain(`gekkan email: warning: issue 3 (2011-06) is a draft (draft: true in ${join(site.path, "content/issues/2011/2011-06.md")}); its "view in browser" link does not work until it is published, and --send refuses it`);
    expect((await simpleParser(await readFile(file))).subject).toBe("6月号（下書き）");
  });

  it("an unknown issue is a plain error naming the issues there are", async () => {
    const run = await email(["9"]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe('gekkan email: no issue "9": give an issue number or slug; the site has 1 (2011-04), 2 (2011-05), 3 (2011-06), 4 (2030-01)');
    expect(run.stdout.length).toBe(0);
  });

  it("an issue not translated into --lang is a plain error; a --lang with no locale pack a usage error", async () => {
    const untranslated = await email(["1", "--lang", "en"]);
    expect(untranslated.code).toBe(1);
    // Issue 1 is there: what is missing is its translation, and the message says how to start one (not "give an issue number").
    expect(untranslated.stderr.trim()).toBe("gekkan email: issue 1 (2011-04) has no en translation: start one with gekkan new --translate 1 --lang en; the en edition has 2 (2011-05)");
    expect((await email(["2011-04", "--lang", "en"])).stderr.trim()).toBe(untranslated.stderr.trim());
    // No pack: a value --lang cannot take, said and coded as gekkan new says it (cli/lang-exit-codes.test.ts).
    const unknown = await email(["1", "--lang", "fr"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.split("\n")[0]).toBe('gekkan email: --lang fr: no locale pack "fr"; available: en, ja (a language of its own needs templates/locales/fr.json)');
    // A language written another way gets the code, as in front matter and gekkan new --lang.
    expect((await email(["1", "--lang", "EN"])).stderr.split("\n")[0]).toBe('gekkan email: --lang EN: no locale pack "EN" — did you mean "en"?');
  });
});
