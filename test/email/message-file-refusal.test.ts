/**
 * `gekkan email --out FILE` replaced whatever FILE was: one slip
 * (`--out content/issues/2011/2011-04.md`) turned an issue into an email
 * message. The author's files are refused before any work, with exit 1 and
 * the reason; a message file written before is still replaced, so the
 * command can be run again.
 */
import { spawn } from "node:child_process";
import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli.js";
import { captureIo } from "../helpers/io.js";
import { ensureCompiled, REPO, runCli } from "../helpers/run-cli.js";
import { CONFIG, issue, readTree, tempSite, type TempDir } from "../helpers/temp-site.js";

const WITH_SENDER = `${JSON.stringify({ ...JSON.parse(CONFIG), email: { from: "月刊 <news@example.org>" } }, null, 2)}\n`;
const ISSUE = "content/issues/2011/2011-04.md";

describe("gekkan email --out never replaces the author's files", () => {
  let dir: TempDir | undefined;
  afterEach(() => {
    dir?.remove();
    vi.unstubAllEnvs();
  });

  const site = () => {
    dir = tempSite({ "gekkan.config.json": WITH_SENDER, [ISSUE]: issue({ title: "四月号", issue: 1, date: "2011-04-01" }), "README.md": "# notes\n", "public/robots.txt": "User-agent: *\n" });
    mkdirSync(join(dir.path, "out"));
    return dir.path;
  };
  const email = async (root: string, out: string) => {
    const io = captureIo();
    const code = await main(["email", "1", "--root", root, "--no-cache", "--out", out], io);
    return { code, err: io.stderr.join("\n") };
  };

  it.each([
    [ISSUE, "that is in the site's content/ folder, which holds your issues; write it outside, such as issue.eml beside the config"],
    ["public/robots.txt", "that is in the site's public/ folder, which holds files published with the site; write it outside, such as issue.eml beside the config"],
    ["templates/x.eml", "that is in the site's templates/ folder, which holds your templates; write it outside, such as issue.eml beside the config"],
    ["gekkan.config.json", "that file exists and is not an email message, so writing would replace it; choose a new file name (such as issue.eml), or remove the file first"],
    ["README.md", "that file exists and is not an email message, so writing would replace it; choose a new file name (such as issue.eml), or remove the file first"],
  ])("--out %s is refused, and every file is left as it was", async (out, reason) => {
    const root = site();
    const before = readTree(root);
    const result = await email(root, join(root, out));
    expect(result.code).toBe(1);
    expect(result.err).toBe(`gekkan email: refusing to write the message to ${JSON.stringify(join(root, out))}: ${reason}`);
    expect(readTree(root)).toEqual(before);
  });

  it("a folder is refused with a file name to give", async () => {
    const root = site();
    const result = await email(root, join(root, "out"));
    expect(result.code).toBe(1);
    expect(result.err).toBe(`gekkan email: refusing to write the message to ${JSON.stringify(join(root, "out"))}: that is a folder; give a file name, such as ${join(root, "out", "issue.eml")}`);
  });

  // `--out dist` was refused with "such as dist/issue.eml", and that went into the published build through the dist link:
  // a message with its readers in To, on the site for anyone; one in .dist-gekkan/ stopped every later build.
  it.each([["dist/issue.eml"], ["dist"], ["dist/issues/2011-04/issue.eml"], [".dist-gekkan/issue.eml"]])("--out %s, in the built site, is refused, and the build is left as it was", async (out) => {
    ensureCompiled();
    dir = tempSite({ "gekkan.config.json": WITH_SENDER, [ISSUE]: issue({ title: "四月号", issue: 1, date: "2011-04-01" }) });
    const root = dir.path;
    expect((await runCli(["build", "--no-search", "--no-cache"], { cwd: root })).code).toBe(0);
    const before = readTree(root);
    const result = await runCli(["email", "1", "--no-cache", "--to", "reader@example.org", "--out", out], { cwd: root });
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`gekkan email: refusing to write the message to ${JSON.stringify(out)}: that is in the output ${JSON.stringify(join(root, "dist"))}, a build of the site that is published as it is and replaced by the next build; write it outside, such as issue.eml beside the config\n`);
    expect(readTree(root)).toEqual(before);
    expect((await runCli(["build", "--no-search", "--no-cache"], { cwd: root })).code).toBe(0);
  }, 60_000);

  it("a new file is written, and a message written before is replaced", async () => {
    // The Date header is the build's clock: the same second for both runs.
    vi.stubEnv("SOURCE_DATE_EPOCH", "1325376000");
    const root = site();
    const file = join(root, "out", "issue.eml");
    expect((await email(root, file)).code).toBe(0);
    const first = readFileSync(file, "utf8");
    expect(first).toMatch(/^[A-Za-z-]+: /);
    writeFileSync(file, "From: an older message <old@example.org>\r\n\r\nold\r\n");
    expect((await email(root, file)).code).toBe(0);
    expect(readFileSync(file, "utf8")).toBe(first);
  });

  // A message names its readers: a file its author made private stays private when it is replaced (by a new file, renamed into place).
  it("a message file written before keeps its permissions", async () => {
    const root = site();
    const file = join(root, "out", "issue.eml");
    writeFileSync(file, "From: an older message <old@example.org>\r\n\r\nold\r\n");
    chmodSync(file, 0o600);
    expect((await email(root, file)).code).toBe(0);
    expect(readFileSync(file, "utf8")).toMatch(/^[A-Za-z-]+: /);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  // The file is replaced by a rename (a full disk never leaves half a message), which by itself would replace a link, not the file it leads to.
  it("through a link, the message file it leads to is replaced and the link kept", async () => {
    vi.stubEnv("SOURCE_DATE_EPOCH", "1325376000");
    const root = site();
    const file = join(root, "out", "issue.eml");
    expect((await email(root, file)).code).toBe(0);
    const message = readFileSync(file, "utf8");
    writeFileSync(file, "From: an older message <old@example.org>\r\n\r\nold\r\n");
    const link = join(root, "out", "latest.eml");
    symlinkSync("issue.eml", link);
    expect((await email(root, link)).code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(file, "utf8")).toBe(message);
  });
});

describe("gekkan email --out -", () => {
  let dir: TempDir | undefined;
  afterEach(() => dir?.remove());

  it("is standard output, as with most tools, and no file named - is made", async () => {
    ensureCompiled();
    dir = tempSite({ "gekkan.config.json": WITH_SENDER, [ISSUE]: issue({ title: "四月号", issue: 1, date: "2011-04-01" }) });
    const plain = await runCli(["email", "1", "--no-cache"], { cwd: dir.path });
    const dash = await runCli(["email", "1", "--no-cache", "--out", "-"], { cwd: dir.path });
    expect(dash.code).toBe(0);
    expect(dash.stdout).toMatch(/^From: /);
    expect(dash.stdout).toBe(plain.stdout);
    expect(existsSync(join(dir.path, "-"))).toBe(false);
  });

  it("a reader that stops early (| head) ends it quietly: no stack trace, exit 0", async () => {
    ensureCompiled();
    dir = tempSite({ "gekkan.config.json": WITH_SENDER, [ISSUE]: issue({ title: "四月号", issue: 1, date: "2011-04-01" }) });
    // The pipe's reading end is closed before gekkan writes, as `head` does once it has its lines.
    const child = spawn(process.execPath, [join(REPO, "bin", "gekkan.js"), "email", "1", "--no-cache"], { cwd: dir.path, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const code = await new Promise<number | null>((done) => child.on("close", done));
    expect(stderr).not.toMatch(/EPIPE|^\s+at /m);
    expect(code).toBe(0);
  });
});
