/**
 * A task list (`- [x] done`) in the email's HTML part. Its boxes are
 * <input type="checkbox">, which Outlook for Windows does not show and
 * Orange's webmail renames to <noinput> (caniemail.com, "input checkbox"):
 * a reader there could not tell a done item from one still to do. The
 * HTML part gives ☑ and ☐ instead, each an image named as done or not for
 * a screen reader, in the issue's language; the web page keeps its boxes.
 * Sent through a real SMTP server on 127.0.0.1 and read back with
 * mailparser; the expected markup is written by hand.
 */
import { simpleParser } from "mailparser";
import { describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli.js";
import { generate } from "../../src/pipeline/generate.js";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { captureIo } from "../helpers/io.js";
import { formatVnuErrors, validateHtml } from "../helpers/vnu.js";
import { smtpSuite } from "../helpers/smtp-suite.js";
import { issue, type TempDir } from "../helpers/temp-site.js";

const CONFIG = { title: "テスト月刊", url: "https://example.org/", lang: "ja", email: { from: "テスト月刊 <news@example.org>" } };
const TASKS = "- [x] 1.0.11 を試す\n- [ ] 1.1 へ移る\n";

const mail = smtpSuite();
let dir: TempDir | undefined;

function site(): string {
  dir = mail.site({
    "gekkan.config.json": `${JSON.stringify(CONFIG, null, 2)}\n`,
    "content/issues/2011/2011-04.md": issue({ title: "四月号", issue: 1, date: "2011-04-01" }, TASKS),
    "content/issues/2011/2011-04.en.md": issue({ title: "April", issue: 1, date: "2011-04-01", lang: "en" }, "- [x] try 1.0.11\n- [ ] move to 1.1\n"),
  });
  return dir.path;
}

async function sent(root: string, extra: string[] = []) {
  vi.stubEnv("SOURCE_DATE_EPOCH", "1325376000");
  vi.stubEnv("GEKKAN_SMTP_URL", `smtp://127.0.0.1:${mail.smtp.port}`);
  const io = captureIo();
  expect(await main(["email", "1", "--root", root, "--no-cache", "--send", "--to", "reader@example.org", ...extra], io), io.all()).toBe(0);
  return simpleParser(mail.smtp.received[0] ?? Buffer.alloc(0));
}

describe("a task list in the email's HTML part", () => {
  it("gives each box as ☑ or ☐, named done or not for a screen reader, and no <input>", async () => {
    const mail = await sent(site());
    const html = mail.html || "";
    expect(html).toContain('<li class="task-list-item"><span role="img" aria-label="完了">☑</span> 1.0.11 を試す</li>');
    expect(html).toContain('<li class="task-list-item"><span role="img" aria-label="未完了">☐</span> 1.1 へ移る</li>');
    expect(html).not.toMatch(/<input\b/i);
    // The text part still reads them as [x] and [ ].
    expect(mail.text).toMatch(/^ - \[x\] 1\.0\.11 を試す\n - \[ \] 1\.1 へ移る$/m);
  });

  it("names the boxes in the translation's language", async () => {
    const mail = await sent(site(), ["--lang", "en"]);
    expect(mail.html || "").toContain('<li class="task-list-item"><span role="img" aria-label="done">☑</span> try 1.0.11</li>');
    expect(mail.html || "").toContain('<li class="task-list-item"><span role="img" aria-label="not done">☐</span> move to 1.1</li>');
  });

  it("leaves the web page's boxes as they are", async () => {
    const root = site();
    const page = (await generate({ root, search: false })).output.text("issues/2011-04/index.html") ?? "";
    expect(page).toContain('<li class="task-list-item"><input type="checkbox" checked disabled> 1.0.11 を試す</li>');
    expect(page).not.toContain("☑");
  });

  it("the email with its boxes is valid HTML to the Nu Html Checker", async () => {
    const root = site();
    const email = (await generate({ root, search: false })).output.text("issues/2011-04/email.html") ?? "";
    expect(email).toContain("☑");
    const file = join(root, "email.html");
    writeFileSync(file, email);
    expect(formatVnuErrors(await validateHtml([file]), root)).toBe("");
  }, 120_000);
});
