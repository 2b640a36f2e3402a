/**
 * scripts/ci-build.sh is what the Pages workflow runs to build the site.
 *
 * 1. Base-path normalisation, with a stub `npm` on PATH (fast, no generator
 *    needed): configure-pages' `base_path` output ("/repo", "" ...) must
 *    become a `--base` value with leading and trailing slashes.
 * 2. End to end: copy the working tree (tracked + untracked-but-not-ignored
 *    files, i.e. what a fresh clone plus the pending changes would contain)
 *    to a temporary directory, link node_modules, run the script with a
 *    project-site base path, and check the built site's links honour it.
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const script = join(repoRoot, "scripts", "ci-build.sh");

const tempDirs: string[] = [];
function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/**
 * Environment for child processes without the npm_* variables that an outer
 * `npm test` exports: npm reads npm_config_* as configuration, which could
 * point the inner npm at the wrong project.
 */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key) || key === "PAGES_BASE_PATH") continue;
    env[key] = value;
  }
  return { ...env, ...extra };
}

function describeRun(r: SpawnSyncReturns<string>): string {
  return `exit ${String(r.status)} signal ${String(r.signal)}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

describe("scripts/ci-build.sh base path handling (stub npm)", () => {
  const stubDir = tempDir("gekkan-stub-npm-");
  const argsFile = join(stubDir, "args.txt");
  // Records its arguments one per line; exits with $STUB_NPM_EXIT.
  writeFileSync(
    join(stubDir, "npm"),
    `#!/bin/sh\n: > "${argsFile}"\nfor a in "$@"; do printf '%s\\n' "$a" >> "${argsFile}"; done\nexit "\${STUB_NPM_EXIT:-0}"\n`,
  );
  chmodSync(join(stubDir, "npm"), 0o755);

  function runWithStub(args: string[], extraEnv: Record<string, string> = {}): { run: SpawnSyncReturns<string>; npmArgs: string[] } {
    rmSync(argsFile, { force: true });
    const run = spawnSync("bash", [script, ...args], {
      cwd: tmpdir(), // the script must find the repo on its own
      encoding: "utf8",
      env: cleanEnv({ PATH: `${stubDir}${delimiter}${process.env["PATH"] ?? ""}`, ...extraEnv }),
      timeout: 10_000,
    });
    const npmArgs = existsSync(argsFile) ? readFileSync(argsFile, "utf8").split("\n").slice(0, -1) : [];
    return { run, npmArgs };
  }

  it.each([
    ["", "/"],
    ["/", "/"],
    ["/repo", "/repo/"],
    ["/repo/", "/repo/"],
    ["repo", "/repo/"],
    ["/org/news//", "/org/news/"],
  ])("base_path %j -> npm run build -- --base %s", (input, expected) => {
    const { run, npmArgs } = runWithStub([input]);
    expect(run.status, describeRun(run)).toBe(0);
    expect(npmArgs).toEqual(["run", "build", "--", "--base", expected]);
  });

  it("falls back to $PAGES_BASE_PATH and forwards extra build options", () => {
    expect(runWithStub([], { PAGES_BASE_PATH: "/gekkan" }).npmArgs).toEqual(["run", "build", "--", "--base", "/gekkan/"]);
    expect(runWithStub([]).npmArgs).toEqual(["run", "build", "--", "--base", "/"]);
    expect(runWithStub(["/x", "--drafts", "--quiet"]).npmArgs).toEqual(["run", "build", "--", "--base", "/x/", "--drafts", "--quiet"]);
  });

  it("passes the build's exit status through and rejects URLs as usage errors", () => {
    expect(runWithStub(["/x"], { STUB_NPM_EXIT: "1" }).run.status).toBe(1);
    const url = runWithStub(["https://example.github.io/repo"]);
    expect(url.run.status).toBe(2);
    expect(url.npmArgs).toEqual([]);
  });
});

describe("scripts/ci-build.sh in a clean copy of the working tree", () => {
  it(
    "builds dist/ with every root-relative link under the base path",
    () => {
      const list = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
        cwd: repoRoot,
        encoding: "utf8",
      });
      expect(list.status, describeRun(list)).toBe(0);
      const files = list.stdout.split("\0").filter((f) => f !== "");
      expect(files).toContain("scripts/ci-build.sh");

      const work = tempDir("gekkan-ci-build-");
      for (const rel of files) {
        const from = join(repoRoot, rel);
        if (!existsSync(from) || !statSync(from).isFile()) continue; // deleted in the working tree
        const to = join(work, rel);
        mkdirSync(dirname(to), { recursive: true });
        copyFileSync(from, to);
        chmodSync(to, statSync(from).mode & 0o777);
      }
      // Ignored, so never copied: lib/, dist/, .gekkan/ -- the build starts clean.
      expect(existsSync(join(work, "dist"))).toBe(false);
      expect(existsSync(join(work, "lib"))).toBe(false);
      symlinkSync(join(repoRoot, "node_modules"), join(work, "node_modules"), "dir");

      const build = spawnSync("bash", ["scripts/ci-build.sh", "/repo"], {
        cwd: work,
        encoding: "utf8",
        env: cleanEnv(),
        timeout: 110_000,
      });
      expect(build.status, describeRun(build)).toBe(0);

      const index = join(work, "dist", "index.html");
      expect(existsSync(index), "dist/index.html").toBe(true);
      const indexHtml = readFileSync(index, "utf8");
      expect(indexHtml).toMatch(/\s(?:href|src)="\/repo\//);

      // No root-relative URL may escape the base path, on any page.
      const htmlFiles = readdirSync(join(work, "dist"), { recursive: true, encoding: "utf8" }).filter((f) =>
        f.endsWith(".html"),
      );
      const escaping: string[] = [];
      for (const rel of htmlFiles) {
        const html = readFileSync(join(work, "dist", rel), "utf8");
        for (const m of html.matchAll(/\s(?:href|src|action|poster|content)="(\/[^"]*)"/g)) {
          const url = m[1] ?? "";
          if (!url.startsWith("//") && !url.startsWith("/repo/")) escaping.push(`${rel}: ${url}`);
        }
      }
      expect(escaping).toEqual([]);
    },
    120_000,
  );
});
