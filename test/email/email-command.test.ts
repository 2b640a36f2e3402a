/**
 * `gekkan email` and the email config, in process: what an author who got
 * something wrong is told (exit codes, plain words, no stack), and the
 * config rules that need no fixture of their own.
 */
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { loadConfig } from "../../src/config.js";
import { ContentError, formatDiagnostic } from "../../src/diagnostics.js";
import { captureIo } from "../helpers/io.js";
import { CONFIG, issue, tempSite, writeFiles, type TempDir } from "../helpers/temp-site.js";
import { EMAIL_SITE } from "../helpers/email.js";

const STACK = /^\s+at .+[:(]\d+/m;
const temps: TempDir[] = [];
afterAll(() => temps.forEach((t) => t.remove()));

function site(config = CONFIG, files: Record<string, string> = {}): TempDir {
  const dir = tempSite({ "gekkan.config.json": config, "content/issues/2011/2011-04.md": issue({ title: "四月号", issue: 1, date: "2011-04-01" }), ...files });
  temps.push(dir);
  return dir;
}

async function run(args: string[]) {
  const io = captureIo();
  const code = await main(["email", ...args], io);
  expect(io.all()).not.toMatch(STACK);
  return { code, out: io.stdout.join("\n"), err: io.stderr.join("\n") };
}

function configErrors(config: object): string[] {
  const dir = site(`${JSON.stringify(config, null, 2)}\n`);
  try {
    loadConfig(dir.path);
    return [];
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    return error.messages.map(formatDiagnostic);
  }
}

describe("gekkan email: mistakes", () => {
  it("is listed in gekkan --help, and has its own --help", async () => {
    const io = captureIo();
    expect(await main(["--help"], io)).toBe(0);
    expect(io.stdout.join("\n")).toMatch(/^ {2}email {2,}write an issue as an email message, or send it over SMTP$/m);
    const help = await run(["--help"]);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^gekkan email \[ISSUE\] \[--lang LANG\] \[--out FILE\] \[--to ADDRESS\]\.\.\. \[--to-file FILE\]\.\.\. \[--send\]/);
  });

  it.each([
    [["1", "2"], "give one issue, found 2: 1 2"],
    [["--send"], "--send needs at least one --to ADDRESS or --to-file FILE"],
    [["--send", "--to", "a@example.org", "--out", "x.eml"], "--send and --out do not go together: write the message, or send it"],
    [["--to", "not an address"], '--to "not an address" is not an email address'],
    [["--to", "a@example.org, 読者 <b@example.org>"], '--to "a@example.org, 読者 <b@example.org>" is not an email address: it holds 2 addresses; give one per --to, and repeat --to for each'],
    // Typed with the input method still on: they look right and no server reads them.
    [["--to", "読者 ＜a＠example.org＞"], '--to "読者 ＜a＠example.org＞" is not an email address: ＠ ＜ ＞ are full-width characters from a Japanese input method; type @ < >'],
    // With an ASCII @ it used to pass, and the message went to "読者 ＜ ＞" <a@example.org>.
    [["--to", "読者 ＜a@example.org＞"], '--to "読者 ＜a@example.org＞" is not an email address: ＜ ＞ are full-width characters from a Japanese input method; type < >'],
    // With no space before ＜, addressparser reads the whole text as the address, and it went out raw in the To header: To: 読者＜a@example.org＞.
    [["--to", "読者＜a@example.org＞"], '--to "読者＜a@example.org＞" is not an email address: ＜ ＞ are full-width characters from a Japanese input method; type < >'],
    [["--to", "＜a@example.org＞"], '--to "＜a@example.org＞" is not an email address: ＜ ＞ are full-width characters from a Japanese input method; type < >'],
    // addressparser keeps full-width parentheses in the address: it went out as To: <読者（a@example.org)>.
    [["--to", "読者（a@example.org）"], '--to "読者（a@example.org）" is not an email address: （ ） are full-width characters from a Japanese input method, which no mail server reads as part of an address; write 読者 <a@example.org>'],
    // Each --to is sent its own copy: one reader given twice (a pasted list, a name added) got the issue twice.
    [["--send", "--to", "a@example.org", "--to", "読者 <A@Example.org>"], '--to "読者 <A@Example.org>" is the same address as --to "a@example.org": give each reader once, or they get the message twice'],
    [["--bcc", "a@example.org"], "unknown option --bcc"],
  ])("%j is a usage error (exit 2)", async (args, message) => {
    const result = await run([...args, "--root", EMAIL_SITE]);
    expect(result.code).toBe(2);
    expect(result.err).toContain(`gekkan email: ${message}`);
    expect(result.err).toContain("gekkan email [ISSUE]");
  });

  it("a site without a sender is told how to add one (exit 1)", async () => {
    const dir = site();
    const result = await run(["--root", dir.path, "--out", join(dir.path, "x.eml")]);
    expect(result.code).toBe(1);
    expect(result.err).toBe('gekkan email: the config has no sender: add "email": { "from": "Newsletter name <news@example.org>" } to gekkan.config.json');
  });

  it("--out into a folder that does not exist is a plain error", async () => {
    const result = await run(["1", "--root", EMAIL_SITE, "--no-cache", "--out", join(EMAIL_SITE, "no such folder", "x.eml")]);
    expect(result.code).toBe(1);
    expect(result.err).toBe(`gekkan email: cannot write ${join(EMAIL_SITE, "no such folder", "x.eml")}: its folder does not exist`);
  });

  it("--out where the machine refuses a file (/sys, even to root) says why in words", async () => {
    const result = await run(["1", "--root", EMAIL_SITE, "--no-cache", "--out", "/sys/gekkan-test.eml"]);
    expect(result.code).toBe(1);
    // Which refusal depends on how /sys is mounted (a container's is read-only); each has its words, never the bare code.
    expect(result.err).toMatch(/^gekkan email: cannot write \/sys\/gekkan-test\.eml: (?:permission denied \(EACCES\)|the file system is read-only \(EROFS\)|the operation is not permitted \(EPERM\))$/);
  });

  it("a GEKKAN_SMTP_URL that is not smtp:// or smtps:// is refused before any work", async () => {
    const saved = process.env.GEKKAN_SMTP_URL;
    process.env.GEKKAN_SMTP_URL = "https://user:pw@mail.example.org/";
    try {
      const result = await run(["1", "--send", "--to", "a@example.org", "--root", EMAIL_SITE]);
      expect(result.code).toBe(1);
      expect(result.err).toBe("gekkan email: GEKKAN_SMTP_URL must be an smtp:// or smtps:// URL such as smtp://USER:PASSWORD@HOST:587");
    } finally {
      if (saved === undefined) delete process.env.GEKKAN_SMTP_URL;
      else process.env.GEKKAN_SMTP_URL = saved;
    }
  });

  /**
   * An smtp:// URL that does not parse was told to be an smtp:// URL: a
   * password holding / ? or #, or a port past 65535. The URL (and its
   * password) is never quoted.
   */
  it.each([
    ["smtp://news:pa/ss@127.0.0.1:2525", "GEKKAN_SMTP_URL cannot be read as a URL: a character in USER or PASSWORD ends it early; in the URL, write / as %2F, ? as %3F, # as %23, @ as %40, : as %3A and % as %25"],
    ["smtps://news:pa#ss@mail.example.org", "GEKKAN_SMTP_URL cannot be read as a URL: a character in USER or PASSWORD ends it early; in the URL, write / as %2F, ? as %3F, # as %23, @ as %40, : as %3A and % as %25"],
    ["smtp://news:pw@mail.example.org:587587", "GEKKAN_SMTP_URL gives port 587587, and ports go up to 65535: mail submission is usually smtp://HOST:587 (STARTTLS) or smtps://HOST:465"],
  ])("GEKKAN_SMTP_URL=%s says what in it to write otherwise, before any work", async (url, message) => {
    const saved = process.env.GEKKAN_SMTP_URL;
    process.env.GEKKAN_SMTP_URL = url;
    try {
      const result = await run(["1", "--send", "--to", "a@example.org", "--root", EMAIL_SITE]);
      expect(result.code).toBe(1);
      expect(result.err).toBe(`gekkan email: ${message}`);
      expect(result.err).not.toMatch(/pa.ss|:pw@/);
    } finally {
      if (saved === undefined) delete process.env.GEKKAN_SMTP_URL;
      else process.env.GEKKAN_SMTP_URL = saved;
    }
  });

  it("a mistake in a site's own email template is a located template error, for build and for email", async () => {
    const config = `${JSON.stringify({ title: "T", url: "https://example.org/", email: { from: "news@example.org" } })}\n`;
    const dir = site(config);
    writeFiles(dir.path, { "templates/email/issue.liquid": "<!DOCTYPE html>\n<p>{{ issue.title }}</p>\n<p>{{ issue.nosuchfield }}</p>\n" });
    const email = await run(["1", "--root", dir.path, "--out", join(dir.path, "x.eml")]);
    expect(email.code).toBe(1);
    // LiquidJS does not say which file (build.ts's templateError prints "templates"), but the line and the variable are right.
    // Its own email/issue.liquid replaces gekkan's, so the message says so (gekkan's writes no name near nosuchfield).
    const located = /^templates\/email\/issue\.liquid:3:\d+ {2}template error: undefined variable: issue\.nosuchfield — this is your own copy of gekkan's templates\/email\/issue\.liquid, which it replaces; if you copied it from an earlier gekkan, compare it with gekkan's current one$/m;
    expect(email.err).toMatch(located);
    const io = captureIo();
    expect(await main(["build", "--root", dir.path, "--no-cache", "--no-search", "--out", join(dir.path, "out")], io)).toBe(1);
    expect(io.stderr.join("\n")).toMatch(located);
  });
});

describe("gekkan email: where the links point", () => {
  it("--url and --base move every link, as they do for build", async () => {
    const dir = tempSite({});
    temps.push(dir);
    const { cpSync } = await import("node:fs");
    cpSync(EMAIL_SITE, dir.path, { recursive: true });
    const file = join(dir.path, "mirror.eml");
    const result = await run(["1", "--root", dir.path, "--no-cache", "--url", "https://mirror.example.net/", "--base", "/news/", "--out", file]);
    expect(result.code, result.err).toBe(0);
    const { simpleParser } = await import("mailparser");
    const { readFile } = await import("node:fs/promises");
    const mail = await simpleParser(await readFile(file));
    const hrefs = [...String(mail.html).matchAll(/href="([^"]*)"/g)].map((m) => m[1] as string);
    expect(hrefs[0]).toBe("https://mirror.example.net/news/issues/2011-04/");
    expect(hrefs.filter((h) => h.includes("news.example.org/letters"))).toEqual([]);
    expect(hrefs).toContain("https://mirror.example.net/news/issues/2011-05/");
    expect(mail.text).toContain("[4] https://mirror.example.net/news/issues/2011-05/");
  });
});

describe("the email config", () => {
  it("is optional: a site without it builds its emails, and only sending needs a sender", () => {
    expect(configErrors({ title: "T" })).toEqual([]);
    expect(loadConfig(site().path).email).toEqual({ from: undefined, replyTo: undefined, listUnsubscribe: [], listUnsubscribeOneClick: false, files: true });
  });

  it("takes one string or a list for listUnsubscribe", () => {
    const dir = site(`${JSON.stringify({ email: { from: "a@example.org", listUnsubscribe: "https://example.org/leave" } })}\n`);
    expect(loadConfig(dir.path).email.listUnsubscribe).toEqual(["https://example.org/leave"]);
  });

  it("one-click unsubscribe needs an https:// target, and says so at the field", () => {
    const errors = configErrors({ email: { from: "a@example.org", listUnsubscribe: "mailto:leave@example.org", listUnsubscribeOneClick: true } });
    expect(errors).toEqual(['gekkan.config.json:5:32  invalid config field "email.listUnsubscribeOneClick": expected true or false (readers\' mail apps unsubscribe with one click, RFC 8058), found the boolean true (one-click needs an https:// URL in listUnsubscribe that unsubscribes on a POST)']);
  });

  it("an unsubscribe address or web address typed without its scheme is told what to write", () => {
    const errors = configErrors({ email: { from: "a@example.org", listUnsubscribe: ["leave@example.org", "www.example.org/leave", "leave"] } });
    expect(errors).toEqual([
      'gekkan.config.json:5:7  invalid config field "email.listUnsubscribe" (item 1): expected a mailto: address or an https:// URL, or a list of them, found the string "leave@example.org" (neither a mailto: address nor a web address; write "mailto:leave@example.org")',
      'gekkan.config.json:6:7  invalid config field "email.listUnsubscribe" (item 2): expected a mailto: address or an https:// URL, or a list of them, found the string "www.example.org/leave" (neither a mailto: address nor a web address; write "https://www.example.org/leave")',
      'gekkan.config.json:7:7  invalid config field "email.listUnsubscribe" (item 3): expected a mailto: address or an https:// URL, or a list of them, found the string "leave" (neither a mailto: address nor a web address)',
    ]);
  });

  it("a list of addresses is not one sender", () => {
    const errors = configErrors({ email: { from: "a@example.org, b@example.org" } });
    expect(errors).toEqual(['gekkan.config.json:3:13  invalid config field "email.from": expected one sender address, such as "月刊 News <news@example.org>", found the string "a@example.org, b@example.org" (that is not an email address: it holds 2 addresses; give one)']);
  });

  it("a full-width ＠ in a sender or Reply-To says which character to type", () => {
    const errors = configErrors({ email: { from: "news＠example.org", replyTo: "編集部 <editors@example.org>" } });
    expect(errors).toEqual(['gekkan.config.json:3:13  invalid config field "email.from": expected one sender address, such as "月刊 News <news@example.org>", found the string "news＠example.org" (that is not an email address: ＠ is a full-width character from a Japanese input method; type @)']);
    expect(configErrors({ email: { from: "news@example.org", replyTo: "編集部 ＜editors@example.org＞" } })[0]).toMatch(/"email\.replyTo".*\(that is not an email address: ＜ ＞ are full-width characters from a Japanese input method; type < >\)$/);
    expect(configErrors({ email: { from: "月刊＜news@example.org＞" } })[0]).toMatch(/"email\.from".*\(that is not an email address: ＜ ＞ are full-width characters from a Japanese input method; type < >\)$/);
  });
});

describe("gekkan email: an issue that is not there", () => {
  const withSender = `${JSON.stringify({ title: "T", url: "https://example.org/", email: { from: "news@example.org" } })}\n`;

  it("a near miss of a slug gets the slug", async () => {
    const dir = site(withSender);
    const result = await run(["2011-4", "--root", dir.path]);
    expect(result.code).toBe(1);
    expect(result.err).toBe('gekkan email: no issue "2011-4": give an issue number or slug; the site has 1 (2011-04) — did you mean "2011-04"?');
  });

  /**
   * After an issue set a slug, `gekkan email 2011-04` (its old address, the
   * name the author re-sends it by) said "did you mean" another issue's slug.
   */
  it("an issue's old address (an alias) or its month, once it set a slug, names the issue as it is now", async () => {
    const dir = tempSite({
      "gekkan.config.json": withSender,
      "content/issues/2011/2011-04.md": issue({ title: "創刊号", issue: 1, date: "2011-04-01", slug: "sokan" }).replace("\n---\n\n", "\naliases: [first]\n---\n\n"),
      "content/issues/2011/2011-05.md": issue({ title: "第2号", issue: 2, date: "2011-05-01", slug: "may" }),
    });
    temps.push(dir);
    const alias = await run(["first", "--root", dir.path]);
    expect(alias.code).toBe(1);
    expect(alias.err).toBe('gekkan email: no issue "first" now: that was the address of issue 1 before it set slug: sokan (content/issues/2011/2011-04.md); give 1 or sokan');
    const month = await run(["2011-05", "--root", dir.path]);
    expect(month.code).toBe(1);
    expect(month.err).toBe('gekkan email: no issue "2011-05" now: issue 2 of 2011-05 sets slug: may (content/issues/2011/2011-05.md); give 2 or may');
  });

  /**
   * An issue named as it is printed ("#1", "第1号") or by its file (tab
   * completion) was "no issue", beside a list that showed issue 1 there.
   */
  it.each([
    [["#1"], 'no issue "#1": an issue is given by its number alone: gekkan email 1'],
    [["第１号"], 'no issue "第１号": an issue is given by its number alone: gekkan email 1'],
    // Full-width digits alone, as a Japanese input method types them, and a number with 号 alone.
    [["１"], 'no issue "１": an issue is given by its number alone: gekkan email 1'],
    [["1号"], 'no issue "1号": an issue is given by its number alone: gekkan email 1'],
    [["No. 1", "--lang", "en"], 'no issue "No. 1" in en: an issue is given by its number alone: gekkan email 1 --lang en'],
    [["./content/issues/2011/2011-04.md"], 'no issue "./content/issues/2011/2011-04.md": that is the file of issue 1 (2011-04); an issue is given by its number or slug: gekkan email 1'],
    [["2011-04.en.md"], 'no issue "2011-04.en.md": that is the file of the en translation of issue 1 (2011-04); an issue is given by its number or slug: gekkan email 1 --lang en'],
    // Its page's address: "did you mean 2011-04" (the Japanese original) would have sent the wrong edition.
    [["en/2011-04"], 'no issue "en/2011-04": that is the page of the en translation of issue 1 (2011-04); an issue is given by its number or slug: gekkan email 1 --lang en'],
    [["/en/issues/2011-04/"], 'no issue "/en/issues/2011-04/": that is the page of the en translation of issue 1 (2011-04); an issue is given by its number or slug: gekkan email 1 --lang en'],
    [["https://example.org/gekkan/en/issues/2011-04/index.html#toc"], 'no issue "https://example.org/gekkan/en/issues/2011-04/index.html#toc": that is the page of the en translation of issue 1 (2011-04); an issue is given by its number or slug: gekkan email 1 --lang en'],
    [["https://example.org/issues/2011-04/"], 'no issue "https://example.org/issues/2011-04/": that is the page of issue 1 (2011-04); an issue is given by its number or slug: gekkan email 1'],
    [["issues/2011-04", "--lang", "en"], 'no issue "issues/2011-04" in en: that is the page of issue 1 (2011-04); an issue is given by its number or slug: gekkan email 1'],
  ])("%j says how to give the issue it names (exit 1)", async (args, message) => {
    const dir = site(withSender, { "content/issues/2011/2011-04.en.md": issue({ title: "April", issue: 1, date: "2011-04-01", lang: "en" }, "Text.\n") });
    const result = await run([...args, "--root", dir.path]);
    expect(result.code).toBe(1);
    expect(result.err).toBe(`gekkan email: ${message}`);
  });

  it("a number in words that names no issue is told the issues there are", async () => {
    const result = await run(["#7", "--root", site(withSender).path]);
    expect(result.err).toBe('gekkan email: no issue "#7": give an issue number or slug; the site has 1 (2011-04)');
  });

  it("a long series is summed up by its count, first and last, not listed issue by issue", async () => {
    // Twenty monthly issues, 2011-01 … 2012-08: numbers 1–20.
    const files: Record<string, string> = {};
    for (let n = 1; n <= 20; n++) {
      const month = `${2011 + Math.floor((n - 1) / 12)}-${String(((n - 1) % 12) + 1).padStart(2, "0")}`;
      files[`content/issues/${month.slice(0, 4)}/${month}.md`] = issue({ title: `No. ${n}`, issue: n, date: `${month}-01` });
    }
    const dir = tempSite({ "gekkan.config.json": withSender, ...files });
    temps.push(dir);
    const result = await run(["99", "--root", dir.path]);
    expect(result.code).toBe(1);
    expect(result.err).toBe('gekkan email: no issue "99": give an issue number or slug; the site has 20 issues, from 1 (2011-01) to 20 (2012-08)');
  });
});

/**
 * A half-written next issue stopped `gekkan email` for every issue ("1
 * problem found"), though `gekkan build` publishes the site without it:
 * the month's issue could not be sent until the draft was fixed.
 */
describe("gekkan email: a draft with a mistake in its text", () => {
  const withSender = `${JSON.stringify({ title: "T", url: "https://example.org/", email: { from: "news@example.org" } })}\n`;
  const draft = `${issue({ title: "五月号", issue: 2, date: "2011-05-01", draft: true }, "書きかけです。\n\n:::relase{component=\"pacemaker\"}\n本文\n:::\n")}`;

  it("does not stop the message of a published issue", async () => {
    const dir = site(withSender, { "content/issues/2011/2011-05.md": draft });
    const file = join(dir.path, "april.eml");
    const result = await run(["1", "--root", dir.path, "--no-cache", "--out", file]);
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    const { simpleParser } = await import("mailparser");
    const { readFile } = await import("node:fs/promises");
    expect((await simpleParser(await readFile(file))).subject).toBe("四月号");
  });

  it("is refused with its mistake, at its place, when it is the issue asked for", async () => {
    const dir = site(withSender, { "content/issues/2011/2011-05.md": draft });
    for (const wanted of ["2", "2011-05"]) {
      const result = await run([wanted, "--root", dir.path, "--no-cache", "--out", join(dir.path, "may.eml")]);
      expect(result.code).toBe(1);
      expect(result.err).toMatch(/^content\/issues\/2011\/2011-05\.md:10:1 {2}unknown block ":::relase" — did you mean :::release\?/);
    }
  });
});

/**
 * A translation draft with a mistake, named by its own slug, its page's
 * address (`en/<slug>`), its original's slug or its file, was "no issue
 * …" or "no issue is in \"en\"": only its number found it and its errors.
 */
describe("gekkan email: a translation draft with a mistake in its text", () => {
  const config = `${JSON.stringify({ title: "T", url: "https://example.org/", languages: { en: {} }, email: { from: "news@example.org" } })}\n`;
  const broken = 'Half done.\n\n:::relase{component="pacemaker"}\nbody\n:::\n';
  const files = {
    "content/issues/2011/2011-04.md": issue({ title: "四月号", issue: 1, date: "2011-04-01", slug: "sokan" }),
    // Its own slug.
    "content/issues/2011/2011-04.en.md": issue({ title: "April", issue: 1, date: "2011-04-20", lang: "en", draft: true, slug: "first-issue" }, broken),
    "content/issues/2011/2011-05.md": issue({ title: "五月号", issue: 2, date: "2011-05-01" }),
    // None: its page is at its original's slug, 2011-05, though its own month is June.
    "content/issues/2011/2011-05.en.md": issue({ title: "May", issue: 2, date: "2011-06-10", lang: "en", draft: true }, broken),
  };
  /** Where the mistake is in each file, found in the text written above. */
  const place = (file: keyof typeof files) => `${file}:${files[file].split("\n").findIndex((line) => line.startsWith(":::relase")) + 1}:1`;

  it.each([
    [["1", "--lang", "en"], "content/issues/2011/2011-04.en.md"],
    [["first-issue", "--lang", "en"], "content/issues/2011/2011-04.en.md"],
    [["first-issue"], "content/issues/2011/2011-04.en.md"],
    [["en/first-issue"], "content/issues/2011/2011-04.en.md"],
    [["sokan", "--lang", "en"], "content/issues/2011/2011-04.en.md"],
    [["content/issues/2011/2011-04.en.md"], "content/issues/2011/2011-04.en.md"],
    [["2011-05", "--lang", "en"], "content/issues/2011/2011-05.en.md"],
    [["en/2011-05"], "content/issues/2011/2011-05.en.md"],
  ] as const)("gekkan email %j is refused with the translation's mistake, at its place", async (args, file) => {
    const dir = site(config, files);
    const result = await run([...args, "--root", dir.path, "--no-cache", "--out", join(dir.path, "x.eml")]);
    expect(result.code).toBe(1);
    expect(result.err.split("\n")[0]).toBe(`${place(file)}  unknown block ":::relase" — did you mean :::release?`);
  });

  it("does not stand in for an issue of the site's language that has its slug, named without --lang", async () => {
    // Issue 2's translation sets issue 1's slug as its own: /en/issues/sokan/ beside /issues/sokan/.
    const translation = "content/issues/2011/2011-05.en.md";
    const dir = site(config, { ...files, [translation]: files[translation].replace("draft: true", 'draft: true\nslug: "sokan"') });
    const result = await run(["sokan", "--root", dir.path, "--no-cache", "--out", join(dir.path, "x.eml")]);
    expect(result.err).toBe("");
    expect(result.code).toBe(0);
    expect((await run(["en/sokan", "--root", dir.path, "--no-cache", "--out", join(dir.path, "x.eml")])).err).toMatch(/^content\/issues\/2011\/2011-05\.en\.md:\d+:1 {2}unknown block/);
  });
});
