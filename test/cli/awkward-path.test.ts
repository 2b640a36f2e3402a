import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, symlinkSync } from "node:fs";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { tempDir, type TempDir } from "../helpers/temp-site.js";

const REPO = resolve(import.meta.dirname, "..", "..");

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * gekkan installed and run the way an author has it: the package itself and
 * the site both under "my sites/月刊 ニュース/", the compiled CLI in a child
 * process. Anything that turns a file URL into a path by hand fails here.
 */
describe("gekkan in a folder whose path has a space and Japanese", () => {
  let work: TempDir;
  let cli: string;
  let site: string;

  beforeAll(() => {
    work = tempDir("my sites ");
    const pkg = join(work.path, "月刊 ニュース", "gekkan");
    mkdirSync(pkg, { recursive: true });
    for (const part of ["bin", "lib", "templates", "package.json"]) cpSync(join(REPO, part), join(pkg, part), { recursive: true });
    symlinkSync(join(REPO, "node_modules"), join(pkg, "node_modules"), "dir");
    cli = join(pkg, "bin", "gekkan.js");
    site = join(work.path, "月刊 ニュース", "サイト");
    mkdirSync(site);
    cpSync(join(REPO, "content"), join(site, "content"), { recursive: true });
    cpSync(join(REPO, "gekkan.config.json"), join(site, "gekkan.config.json"));
    if (existsSync(join(REPO, "public"))) cpSync(join(REPO, "public"), join(site, "public"), { recursive: true });
  });
  afterAll(() => work.remove());

  const run = (args: string[], onOutput?: (stdout: string, stop: () => void) => void): Promise<Run> =>
    new Promise((ok, fail) => {
      const child = spawn(process.execPath, [cli, ...args], { cwd: site, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, SOURCE_DATE_EPOCH: "1767225600" } });
      let stdout = "";
      let stderr = "";
      child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
        stdout += chunk;
        onOutput?.(stdout, () => child.kill("SIGTERM"));
      });
      child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
      child.on("error", fail);
      child.on("exit", (code) => ok({ code, stdout, stderr }));
    });

  it("build writes the site", async () => {
    const result = await run(["build", "--no-search", "--no-cache"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(existsSync(join(site, "dist", "index.html"))).toBe(true);
  });

  it("check checks it", async () => {
    const result = await run(["check"]);
    expect(result.stderr).not.toMatch(/internal error|ENOENT/);
    expect(result.code).toBe(0);
  });

  it("new creates the next issue", async () => {
    const result = await run(["new", "--date", "2030-01"]);
    expect(result.stderr).toMatch(/^next: [^\n]*\n$/);
    expect(result.code).toBe(0);
    expect(existsSync(join(site, result.stdout.trim()))).toBe(true);
  });

  it("dev serves it", async () => {
    let served = 0;
    const result = await run(["dev", "--port", "0", "--no-cache"], (stdout, stop) => {
      const url = /serving (http:\/\/\S+)/.exec(stdout)?.[1];
      if (url === undefined || served !== 0) return;
      served = -1;
      void fetch(url).then((res) => (served = res.status), () => (served = 599)).finally(stop);
    });
    expect(result.stderr).not.toMatch(/internal error|ENOENT/);
    expect(served).toBe(200);
    expect(result.code).toBe(0);
  }, 30_000);
});
