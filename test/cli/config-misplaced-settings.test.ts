import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { runCli } from "../helpers/run-cli.js";
import { cliSites } from "../helpers/cli-sites.js";
import { issue } from "../helpers/temp-site.js";

const sites = cliSites();
const APRIL = { "content/issues/2011/2011-04.md": issue({ title: "4月号", issue: 1, date: "2011-04-01" }) };
const SMTP_HINT = "; gekkan email --send reads the mail server and its login from the environment variable GEKKAN_SMTP_URL and nowhere else, so that no password ends up in the repository: remove this field and set GEKKAN_SMTP_URL='smtp://USER:PASSWORD@HOST:587' where you send (if this file was ever committed with a password in it, change that password)";

/**
 * Settings an editor writes into the config that gekkan takes from
 * elsewhere: "unknown config field" and the list of every field said neither
 * where they go nor that a password written there is headed for the repository.
 */
describe("a setting written in the config that belongs elsewhere", () => {
  it("an SMTP server or password, in email, an edition's email or at the top, is told to go in GEKKAN_SMTP_URL, and is never printed", async () => {
    const config = [
      "{",
      '  "title": "月刊",',
      '  "url": "https://example.org/news/",',
      '  "smtpPassword": "hunter2",',
      '  "email": { "from": "news@example.org", "password": "hunter2" },',
      '  "languages": { "en": { "email": { "host": "smtp.example.org" } } }',
      "}",
      "",
    ].join("\n");
    const site = sites.make({ "gekkan.config.json": config, ...APRIL });
    const run = await runCli(["email", "1", "--send", "--to", "a@example.org"], { cwd: site.path, env: { GEKKAN_SMTP_URL: "smtp://127.0.0.1:9" } });
    expect(run.code).toBe(1);
    expect(run.stderr.trimEnd().split("\n")).toEqual([
      `gekkan.config.json:4:3  unknown config field "smtpPassword"${SMTP_HINT}`,
      `gekkan.config.json:5:42  unknown config field "email.password"${SMTP_HINT}`,
      `gekkan.config.json:6:37  unknown config field "languages.en.email.host"${SMTP_HINT}`,
      "",
      "3 problems found; nothing was written.",
    ]);
    expect(run.stderr).not.toContain("hunter2");
  });

  it("a base path is told to be the path of url, or --base", async () => {
    const site = sites.make({ "gekkan.config.json": '{\n  "title": "月刊",\n  "url": "https://example.org/",\n  "basePath": "/news/"\n}\n', ...APRIL });
    const run = await runCli(["build", "--no-search", "--no-cache"], { cwd: site.path });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('gekkan.config.json:4:3  unknown config field "basePath"; the base path is the path of "url" (https://user.github.io/repo/ is served under /repo/): put it there, or pass --base\n');
    expect(readdirSync(site.path)).not.toContain("dist");
  });

  it("a slip of a field's name still gets the field it is like", async () => {
    const site = sites.make({ "gekkan.config.json": '{\n  "title": "月刊",\n  "url": "https://example.org/",\n  "email": { "form": "news@example.org" }\n}\n', ...APRIL });
    const run = await runCli(["build", "--no-search", "--no-cache"], { cwd: site.path });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('gekkan.config.json:4:14  unknown config field "email.form" — did you mean "from"?');
  });
});
