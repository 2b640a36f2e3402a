/**
 * A send stopped partway, with Ctrl-C (SIGINT) or by a cancelled job
 * (SIGTERM). gekkan ended at once, as Node does by default, printing
 * nothing: the author could not tell which readers had the issue, and a
 * re-run sent some a second copy. It now finishes the message in flight,
 * sends no more, and names who got it and who did not; a second signal
 * ends it at once. gekkan runs as a real process (a signal is the
 * operating system's), sending to a real SMTP server on 127.0.0.1 that
 * holds its reply to the second reader until the signal has been sent.
 */
import { readFileSync } from "node:fs";
import { type AddressInfo } from "node:net";
import { join } from "node:path";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";
import { compileCli, type CompiledCli, type StartedCli } from "./cli-process.js";

const CONFIG = `${JSON.stringify({ title: "テスト月刊", lang: "ja", url: "https://example.org/", email: { from: "月刊 <news@example.org>" } })}\n`;
const READERS = ["a@example.org", "b@example.org", "c@example.org", "d@example.org"];
const STACK = /^\s+at .+[:(]\d+/m;

let cli: CompiledCli;
let site: TempDir;
let server: SMTPServer;
let port: number;
/** Each message's envelope recipients, once the server has said 250 to it. */
const took: string[][] = [];
/** Called when the second message has arrived whole, with what lets the server answer it. */
let onSecond: ((answer: () => void) => void) | undefined;

beforeAll(async () => {
  cli = await compileCli();
  site = tempSite({ "gekkan.config.json": CONFIG, "content/issues/2011/2011-04.md": issue({ title: "四月号", issue: 1, date: "2011-04-01" }) });
  server = new SMTPServer({
    secure: false,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      stream.resume().on("end", () => {
        const answer = () => {
          took.push(session.envelope.rcptTo.map((r) => r.address));
          callback();
        };
        if (took.length === 1 && onSecond !== undefined) onSecond(answer);
        else answer();
      });
    },
  });
  server.on("error", () => undefined);
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  port = (server.server.address() as AddressInfo).port;
}, 180_000);

afterEach(() => {
  took.length = 0;
  onSecond = undefined;
});

afterAll(async () => {
  await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
  cli?.remove();
  site?.remove();
});

function send(readers = READERS): StartedCli {
  return cli.start(["email", "1", "--root", site.path, "--no-cache", "--send", ...readers.flatMap((to) => ["--to", to])], { GEKKAN_SMTP_URL: `smtp://127.0.0.1:${port}` });
}

/** Resolves once `ready()` holds or the process has ended, checked every 20 ms, or after 10 s. */
async function until(run: StartedCli, ready: () => boolean): Promise<void> {
  let ended = false;
  void run.done.then(() => (ended = true));
  for (let waited = 0; waited < 10_000 && !ready() && !ended; waited += 20) await new Promise((tick) => setTimeout(tick, 20));
}

describe("gekkan email --send stopped partway", () => {
  // 128 and the signal's number, as a shell says a signal ended a command: 130 for Ctrl-C, 143 for SIGTERM.
  for (const [signal, words, code] of [["SIGINT", "Ctrl-C", 130], ["SIGTERM", "SIGTERM", 143]] as const) {
    it(`${signal} finishes the message in flight, sends no more, names who got it and who did not, and exits ${code}`, async () => {
      const run = send();
      const answer = await new Promise<() => void>((held) => (onSecond = held));
      run.child.kill(signal);
      // The message in flight is answered only once gekkan has said it is stopping: it heard the signal while waiting.
      await until(run, () => run.stderr().includes("stopping"));
      answer();
      const result = await run.done;
      expect(result.stderr).not.toMatch(STACK);
      expect([result.code, result.signal], result.stderr).toEqual([code, null]);
      expect(result.stdout.toString()).toBe("");
      expect(result.stderr.trimEnd().split("\n")).toEqual([
        `gekkan email: ${words}: stopping once the message to b@example.org has gone; ${words} again stops at once, and leaves in doubt whether it arrived`,
        `gekkan email: stopped by ${words} before the send was done (already sent to a@example.org, b@example.org; not sent to c@example.org, d@example.org: to send only those, run again with a --to for each)`,
      ]);
      expect(took).toEqual([["a@example.org"], ["b@example.org"]]);
    });
  }

  it("with more than 5 readers left, counts them and lists them in .gekkan/ for --to-file, by the path from where gekkan ran, quoted for the shell", async () => {
    const readers = [...READERS, "e@example.org", "読者 <f@example.org>", "g@example.org", "h@example.org"];
    const run = send(readers);
    const answer = await new Promise<() => void>((held) => (onSecond = held));
    run.child.kill("SIGINT");
    await until(run, () => run.stderr().includes("stopping"));
    answer();
    const result = await run.done;
    expect([result.code, result.signal], result.stderr).toEqual([130, null]);
    const list = join(site.path, ".gekkan", "unsent-2011-04.txt");
    // The tests run in the repository, and the site is in the temp folder: a full path, with a space and Japanese in it.
    expect(result.stderr.trimEnd().split("\n").at(-1)).toBe(
      `gekkan email: stopped by Ctrl-C before the send was done (already sent to a@example.org, b@example.org; not sent to 6 readers: to send only those, run again with only --to-file '${list}', which lists them, in place of this run's --to and --to-file)`,
    );
    expect(readFileSync(list, "utf8").split("\n").slice(2)).toEqual(["c@example.org", "d@example.org", "e@example.org", "読者 <f@example.org>", "g@example.org", "h@example.org", ""]);
    expect(took).toEqual([["a@example.org"], ["b@example.org"]]);
  });

  it("a second Ctrl-C ends it at once, without waiting for the server", async () => {
    const run = send();
    const answer = await new Promise<() => void>((held) => (onSecond = held));
    run.child.kill("SIGINT");
    await until(run, () => run.stderr().includes("stopping"));
    run.child.kill("SIGINT");
    // Given 5 s to end while the server still holds its answer to b@example.org; a second signal not heard would have it wait for that answer.
    await new Promise<void>((gone) => {
      const timer = setTimeout(gone, 5_000);
      void run.done.then(() => {
        clearTimeout(timer);
        gone();
      });
    });
    answer();
    const result = await run.done;
    expect(result.signal, result.stderr).toBe("SIGINT");
  });
});
