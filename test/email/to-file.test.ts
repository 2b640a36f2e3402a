/**
 * `gekkan email --send --to-file FILE`: the readers of a list, one a line,
 * as a mailing list's export gives them. gekkan runs as a real process
 * (compiled), in the site's folder, whose path has a space and Japanese in
 * it, sending to a real SMTP server on 127.0.0.1; what arrived is read back
 * with mailparser. Every line that is no address is said at its place,
 * all at once, before anything is sent; a stopped send leaves its readers
 * not sent to in a list that --to-file takes back.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, truncateSync } from "node:fs";
import { type AddressInfo } from "node:net";
import { dirname, join } from "node:path";
import { simpleParser, type AddressObject } from "mailparser";
import { SMTPServer, type SMTPServerAddress } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { AWKWARD_TMP, issue, tempSite, type TempDir } from "../helpers/temp-site.js";
import { compileCli, type CompiledCli } from "./cli-process.js";

const CONFIG = `${JSON.stringify({ title: "テスト月刊", lang: "ja", url: "https://example.org/", email: { from: "月刊 <news@example.org>" } })}\n`;
const STACK = /^\s+at .+[:(]\d+/m;

interface Arrived {
  envelope: string[];
  raw: Buffer;
}

let cli: CompiledCli;
let server: SMTPServer;
let port: number;
let sessions = 0;
const arrived: Arrived[] = [];
/** The server's answer to each reader: undefined takes them. */
let refuse: ((address: string) => Error | undefined) | undefined;
let site: TempDir | undefined;

beforeAll(async () => {
  cli = await compileCli();
  server = new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onConnect(_session, done) {
      sessions++;
      done();
    },
    onRcptTo(to: SMTPServerAddress, _session, done) {
      done(refuse?.(to.address) ?? undefined);
    },
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        arrived.push({ envelope: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks) });
        done();
      });
    },
  });
  server.on("error", () => undefined);
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  port = (server.server.address() as AddressInfo).port;
}, 180_000);

afterEach(() => {
  arrived.length = 0;
  refuse = undefined;
  site?.remove();
  site = undefined;
});

afterAll(async () => {
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  cli?.remove();
});

/** A one-issue site holding `files` too; gekkan runs in its folder. */
function siteWith(files: Readonly<Record<string, string | Uint8Array>> = {}): string {
  site = tempSite({ "gekkan.config.json": CONFIG, "content/issues/2011/2011-04.md": issue({ title: "四月号", issue: 1, date: "2011-04-01" }), ...files });
  expect(site.path.startsWith(AWKWARD_TMP)).toBe(true);
  return site.path;
}

/** `gekkan email 1 --send …args`, run in `cwd`. */
function send(cwd: string, ...args: string[]) {
  return cli.run(["email", "1", "--no-cache", "--send", ...args], { GEKKAN_SMTP_URL: `smtp://127.0.0.1:${port}` }, cwd);
}

/** Each message's To header as mailparser reads it: [name, address] for each mailbox. */
async function toHeaders(): Promise<string[][][]> {
  const parsed = await Promise.all(arrived.map((message) => simpleParser(message.raw)));
  return parsed.map((mail) => ((mail.to as AddressObject | undefined)?.value ?? []).map((box) => [box.name, box.address ?? ""]));
}

const refusal = (words: string, responseCode: number) => Object.assign(new Error(words), { responseCode });

describe("gekkan email --to-file", () => {
  it("sends each reader listed their own copy, with --to too: names kept, BOM, CRLF, blank lines and # comments passed over", async () => {
    const list = "\uFEFF# 読者の一覧 (exported 2011-04-01)\r\n\r\n読者 一郎 <ichiro@example.org>\r\n  jiro@example.org  \r\n# 休会中\r\n\r\n\"Saburo, S.\" <saburo@example.org>\r\n";
    const cwd = siteWith({ "読者 リスト.txt": list });
    const run = await send(cwd, "--to", "editor@example.org", "--to-file", "読者 リスト.txt");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout.toString()).toBe(`gekkan email: sent issue 1 (2011-04) to editor@example.org, 読者 一郎 <ichiro@example.org>, jiro@example.org, "Saburo, S." <saburo@example.org> through smtp://127.0.0.1:${port}\n`);
    expect(arrived.map((message) => message.envelope)).toEqual([["editor@example.org"], ["ichiro@example.org"], ["jiro@example.org"], ["saburo@example.org"]]);
    expect(await toHeaders()).toEqual([[["", "editor@example.org"]], [["読者 一郎", "ichiro@example.org"]], [["", "jiro@example.org"]], [["Saburo, S.", "saburo@example.org"]]]);
  }, 60_000);

  it("names every line that is no address at its place, all at once, and sends nothing", async () => {
    const list = "a@example.org\n  読者 ＜b＠example.org＞\nnot an address\nc@example.org, d@example.org\n読者＜e@example.org＞\n";
    const cwd = siteWith({ "readers.txt": list });
    const before = sessions;
    const run = await send(cwd, "--to-file", "readers.txt");
    expect(run.stderr).not.toMatch(STACK);
    expect([run.code, run.stderr]).toEqual([
      1,
      [
        'readers.txt:2:3  "読者 ＜b＠example.org＞" is not an email address: ＠ ＜ ＞ are full-width characters from a Japanese input method; type @ < >',
        'readers.txt:3:1  "not an address" is not an email address: write one reader a line, as reader@example.org or 読者 <reader@example.org>',
        'readers.txt:4:1  "c@example.org, d@example.org" is not an email address: it holds 2 addresses; write one reader a line',
        'readers.txt:5:1  "読者＜e@example.org＞" is not an email address: ＜ ＞ are full-width characters from a Japanese input method; type < >',
        "",
        "4 problems found; nothing was written.",
        "",
      ].join("\n"),
    ]);
    expect(sessions).toBe(before);
    expect(arrived).toEqual([]);
  }, 60_000);

  // addressparser keeps （ ） 。 in an address: 読者（b@example.org） was sent to the mailbox "読者（b@example.org)", and a sender so typed went out in From.
  it("full-width punctuation around an address, as an input method types it, is named with the mailbox to write, and nothing is sent", async () => {
    const list = "a@example.org\n読者（b@example.org）\nc@example.org。\nｄ@example.org\n";
    const cwd = siteWith({ "readers.txt": list });
    const before = sessions;
    const run = await send(cwd, "--to-file", "readers.txt");
    expect(run.stderr).not.toMatch(STACK);
    expect([run.code, run.stderr]).toEqual([
      1,
      [
        'readers.txt:2:1  "読者（b@example.org）" is not an email address: （ ） are full-width characters from a Japanese input method, which no mail server reads as part of an address; write 読者 <b@example.org>',
        'readers.txt:3:1  "c@example.org。" is not an email address: 。 is a full-width character from a Japanese input method, which no mail server reads as part of an address; write c@example.org',
        'readers.txt:4:1  "ｄ@example.org" is not an email address: ｄ is a full-width character from a Japanese input method; type d',
        "",
        "3 problems found; nothing was written.",
        "",
      ].join("\n"),
    ]);
    expect(sessions).toBe(before);
    expect(arrived).toEqual([]);
  }, 60_000);

  it("a sender typed in full-width parentheses is a config error at its place, and nothing is sent", async () => {
    const config = `${JSON.stringify({ title: "テスト月刊", lang: "ja", url: "https://example.org/", email: { from: "月刊（news@example.org）" } }, null, 2)}\n`;
    const cwd = siteWith({ "gekkan.config.json": config });
    const before = sessions;
    const run = await send(cwd, "--to", "a@example.org");
    expect(run.stderr).not.toMatch(STACK);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('gekkan.config.json:6:13  invalid config field "email.from": expected one sender address, such as "月刊 News <news@example.org>", found the string "月刊（news@example.org）" (that is not an email address: （ ） are full-width characters from a Japanese input method, which no mail server reads as part of an address; write 月刊 <news@example.org>)');
    expect(sessions).toBe(before);
    expect(arrived).toEqual([]);
  }, 60_000);

  it("a list with no address in it is an error, not a send to nobody", async () => {
    const cwd = siteWith({ "readers.txt": "# nobody yet\n\n" });
    const run = await send(cwd, "--to-file", "readers.txt");
    expect([run.code, run.stderr]).toEqual([1, "readers.txt:1:1  holds no address, only blank lines and # comments: write one reader a line, as reader@example.org or 読者 <reader@example.org>, or give the list you meant\n\n1 problem found; nothing was written.\n"]);
  }, 60_000);

  it("sends an address listed again once, warning at its second line, in the order given; case is set aside, as mail servers set it aside", async () => {
    const cwd = siteWith({ "readers.txt": "a@example.org\nb@example.org\n読者 <a@EXAMPLE.org>\nA@example.org\n", "more.txt": "b@Example.org\n" });
    const run = await send(cwd, "--to", "b@example.org", "--to-file", "readers.txt", "--to-file", "more.txt");
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr.split("\n")).toEqual([
      'readers.txt:2:1  warning: "b@example.org" is the same address as --to "b@example.org", so it is sent once; remove this line',
      'readers.txt:3:1  warning: "読者 <a@EXAMPLE.org>" is the same address as line 1 of readers.txt ("a@example.org"), so it is sent once; remove this line',
      'readers.txt:4:1  warning: "A@example.org" is the same address as line 1 of readers.txt ("a@example.org"), so it is sent once; remove this line',
      'more.txt:1:1  warning: "b@Example.org" is the same address as --to "b@example.org", so it is sent once; remove this line',
      'gekkan: if you mean these, stop the warning in gekkan.config.json with "ignoreWarnings": ["reader-repeated"]',
      "",
    ]);
    expect(arrived.map((message) => message.envelope)).toEqual([["b@example.org"], ["a@example.org"]]);
  }, 60_000);

  it("says plainly that a list is missing, a folder, or no regular file (a named pipe, which would hang the send), before sending", async () => {
    const cwd = siteWith();
    mkdirSync(join(cwd, "lists"));
    execFileSync("mkfifo", [join(cwd, "pipe")]);
    const before = sessions;
    const cases: Array<[string, string]> = [
      ["readers.txt", 'gekkan email: cannot read --to-file "readers.txt": there is no such file; check the name, and give it from the folder you run gekkan in\n'],
      ["lists", 'gekkan email: cannot read --to-file "lists": it is a folder; give the file in it that lists the readers, one a line\n'],
      ["pipe", 'gekkan email: cannot read --to-file "pipe": it is not a regular file (a named pipe, a socket or a device); save the list to a file and give that\n'],
    ];
    for (const [file, words] of cases) {
      const run = await send(cwd, "--to-file", file);
      expect([file, run.code, run.stderr]).toEqual([file, 1, words]);
    }
    expect(sessions).toBe(before);
  }, 60_000);

  it("refuses a list over 8 MB without reading it, and one not in UTF-8 at its first such byte", async () => {
    const cwd = siteWith({ "huge.txt": "", "sjis.txt": Buffer.from([...Buffer.from("a@example.org\r\n"), 0x93, 0xc7, 0x8e, 0xd2, 0x20, 0x3c, ...Buffer.from("b@example.org>\r\n")]) });
    truncateSync(join(cwd, "huge.txt"), 8 * 1024 * 1024 + 1);
    const huge = await send(cwd, "--to-file", "huge.txt");
    expect([huge.code, huge.stderr]).toEqual([1, 'gekkan email: cannot read --to-file "huge.txt": it is over 8 MB, far more than a list of readers, one a line; check that it is the list you meant\n']);
    const sjis = await send(cwd, "--to-file", "sjis.txt");
    expect([sjis.code, sjis.stderr]).toEqual([1, "sjis.txt:2:1  the file is not valid UTF-8; save it as UTF-8 (without legacy encodings such as Shift_JIS or EUC-JP)\n\n1 problem found; nothing was written.\n"]);
    expect(arrived).toEqual([]);
  }, 60_000);
});

describe("gekkan email --send stopped with many readers left", () => {
  const readers = Array.from({ length: 10 }, (_, i) => `r${i}@example.org`);

  it("lists the readers not sent to in .gekkan/, and a run with that list sends to them alone", async () => {
    const cwd = siteWith({ "readers.txt": `${readers.map((address, i) => (i === 5 ? `読者 五 <${address}>` : address)).join("\n")}\n` });
    refuse = (address) => (address === "r3@example.org" ? refusal("4.7.0 Too many messages, slow down", 451) : undefined);
    const stopped = await send(cwd, "--to-file", "readers.txt");
    expect(stopped.stderr).not.toMatch(STACK);
    expect([stopped.code, stopped.stderr]).toEqual([
      1,
      `gekkan email: could not send through smtp://127.0.0.1:${port}: the server put off r3@example.org for now (451 4.7.0 Too many messages, slow down): try again later (already sent to r0@example.org, r1@example.org, r2@example.org; not sent to 7 readers: to send only those, run again with only --to-file .gekkan/unsent-2011-04.txt, which lists them, in place of this run's --to and --to-file)\n`,
    ]);
    expect(readFileSync(join(cwd, ".gekkan", "unsent-2011-04.txt"), "utf8")).toBe(
      [
        "# The readers gekkan email did not send issue 1 (2011-04) to: the send stopped before them.",
        "# Pass this file back with --to-file, in place of the --to and --to-file given then.",
        "r3@example.org",
        "r4@example.org",
        "読者 五 <r5@example.org>",
        "r6@example.org",
        "r7@example.org",
        "r8@example.org",
        "r9@example.org",
        "",
      ].join("\n"),
    );
    arrived.length = 0;
    refuse = undefined;
    const rest = await send(cwd, "--to-file", ".gekkan/unsent-2011-04.txt");
    expect(rest.code, rest.stderr).toBe(0);
    expect(arrived.map((message) => message.envelope)).toEqual(readers.slice(3).map((address) => [address]));
    expect((await toHeaders())[2]).toEqual([["読者 五", "r5@example.org"]]);
  }, 60_000);

  it("counts each group past 5 (sent, refused, not sent) and lists the refused with the server's words and the rest in .gekkan/", async () => {
    const readers = Array.from({ length: 20 }, (_, i) => `r${String(i).padStart(2, "0")}@example.org`);
    const cwd = siteWith({ "readers.txt": `${readers.join("\n")}\n` });
    // Each stale address in its own words, as servers name the address: no run of alike replies, so the send goes on past them.
    const stale = ["r01@example.org", "r03@example.org", "r05@example.org", "r07@example.org", "r09@example.org", "r11@example.org"];
    refuse = (address) => (stale.includes(address) ? refusal(`5.1.1 <${address}>: User unknown`, 550) : address === "r13@example.org" ? refusal("4.7.0 Too many messages, slow down", 451) : undefined);
    const stopped = await send(cwd, "--to-file", "readers.txt");
    expect(stopped.stderr).not.toMatch(STACK);
    expect([stopped.code, stopped.stderr]).toEqual([
      1,
      `gekkan email: could not send through smtp://127.0.0.1:${port}: the server put off r13@example.org for now (451 4.7.0 Too many messages, slow down): try again later (already sent to 7 readers; refused by the server: 6 readers, listed with the server's words in .gekkan/refused-2011-04.txt; not sent to 7 readers: to send only those, run again with only --to-file .gekkan/unsent-2011-04.txt, which lists them, in place of this run's --to and --to-file)\n`,
    ]);
    expect(arrived.map((message) => message.envelope)).toEqual([["r00@example.org"], ["r02@example.org"], ["r04@example.org"], ["r06@example.org"], ["r08@example.org"], ["r10@example.org"], ["r12@example.org"]]);
    const refused = readFileSync(join(cwd, ".gekkan", "refused-2011-04.txt"), "utf8").split("\n");
    expect(refused[0]).toMatch(/^# .*refused.*issue 1 \(2011-04\)/);
    expect(refused.slice(1).filter((line) => !line.startsWith("#"))).toEqual([
      "r01@example.org  550 5.1.1 <r01@example.org>: User unknown",
      "r03@example.org  550 5.1.1 <r03@example.org>: User unknown",
      "r05@example.org  550 5.1.1 <r05@example.org>: User unknown",
      "r07@example.org  550 5.1.1 <r07@example.org>: User unknown",
      "r09@example.org  550 5.1.1 <r09@example.org>: User unknown",
      "r11@example.org  550 5.1.1 <r11@example.org>: User unknown",
      "",
    ]);
    const unsent = readFileSync(join(cwd, ".gekkan", "unsent-2011-04.txt"), "utf8").split("\n");
    expect(unsent.filter((line) => !line.startsWith("#"))).toEqual(["r13@example.org", "r14@example.org", "r15@example.org", "r16@example.org", "r17@example.org", "r18@example.org", "r19@example.org", ""]);
  }, 60_000);

  it("names each reader of a group of 5, with the server's words for the refused, and writes no list", async () => {
    const readers = Array.from({ length: 15 }, (_, i) => `r${String(i).padStart(2, "0")}@example.org`);
    const cwd = siteWith({ "readers.txt": `${readers.join("\n")}\n` });
    const stale = ["r01@example.org", "r03@example.org", "r05@example.org", "r07@example.org", "r09@example.org"];
    refuse = (address) => (stale.includes(address) ? refusal(`5.1.1 <${address}>: User unknown`, 550) : address === "r10@example.org" ? refusal("4.7.0 Try later", 451) : undefined);
    const stopped = await send(cwd, "--to-file", "readers.txt");
    expect([stopped.code, stopped.stderr]).toEqual([
      1,
      `gekkan email: could not send through smtp://127.0.0.1:${port}: the server put off r10@example.org for now (451 4.7.0 Try later): try again later (already sent to r00@example.org, r02@example.org, r04@example.org, r06@example.org, r08@example.org; refused by the server: r01@example.org (550 5.1.1 <r01@example.org>: User unknown), r03@example.org (550 5.1.1 <r03@example.org>: User unknown), r05@example.org (550 5.1.1 <r05@example.org>: User unknown), r07@example.org (550 5.1.1 <r07@example.org>: User unknown), r09@example.org (550 5.1.1 <r09@example.org>: User unknown); not sent to r10@example.org, r11@example.org, r12@example.org, r13@example.org, r14@example.org: to send only those, run again with a --to for each)\n`,
    ]);
    expect(existsSync(join(cwd, ".gekkan")) ? readdirSync(join(cwd, ".gekkan")).filter((name) => name.endsWith(".txt")) : []).toEqual([]);
  }, 60_000);

  it("a whole send with more than 5 refused counts them and lists them with the server's words", async () => {
    const readers = Array.from({ length: 12 }, (_, i) => `r${String(i).padStart(2, "0")}@example.org`);
    const cwd = siteWith({ "readers.txt": `${readers.join("\n")}\n` });
    const stale = ["r00@example.org", "r02@example.org", "r04@example.org", "r06@example.org", "r08@example.org", "r10@example.org"];
    refuse = (address) => (stale.includes(address) ? refusal(`5.1.1 <${address}>: User unknown`, 550) : undefined);
    const run = await send(cwd, "--to-file", "readers.txt");
    expect([run.code, run.stderr]).toEqual([
      1,
      `gekkan email: could not send through smtp://127.0.0.1:${port} to 6 readers: the server refused them, listed with its words in .gekkan/refused-2011-04.txt; check each address, or leave it out (sent to 6 readers)\n`,
    ]);
    expect(arrived).toHaveLength(6);
    const refused = readFileSync(join(cwd, ".gekkan", "refused-2011-04.txt"), "utf8").split("\n");
    expect(refused.filter((line) => !line.startsWith("#"))).toEqual([...stale.map((address) => `${address}  550 5.1.1 <${address}>: User unknown`), ""]);
  }, 60_000);

  it("quotes the list's path for the shell when gekkan runs outside the site", async () => {
    const cwd = siteWith({ "readers.txt": `${readers.join("\n")}\n` });
    refuse = (address) => (address === "r1@example.org" ? refusal("4.7.0 Try later", 451) : undefined);
    const stopped = await cli.run(["email", "1", "--no-cache", "--send", "--root", cwd, "--to-file", join(cwd, "readers.txt")], { GEKKAN_SMTP_URL: `smtp://127.0.0.1:${port}` }, dirname(AWKWARD_TMP));
    expect(stopped.code).toBe(1);
    // "月刊 ニュース/gekkan-test-…/.gekkan/unsent-2011-04.txt": a space and Japanese, so it is quoted to be pasted.
    const path = join(cwd, ".gekkan", "unsent-2011-04.txt").slice(dirname(AWKWARD_TMP).length + 1);
    expect(path).toMatch(/^月刊 ニュース\//);
    expect(stopped.stderr).toContain(`: to send only those, run again with only --to-file '${path}', which lists them, in place of this run's --to and --to-file)\n`);
    expect(readFileSync(join(cwd, ".gekkan", "unsent-2011-04.txt"), "utf8").split("\n").slice(2, -1)).toEqual(readers.slice(1));
  }, 60_000);
});
