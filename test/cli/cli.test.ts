import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { buildUsage } from "../../src/commands/build.js";
import { checkUsage } from "../../src/commands/check.js";
import { FIXTURES, fixtureInput } from "../helpers/fixtures.js";
import { captureIo } from "../helpers/io.js";
import { tempDir, type TempDir } from "../helpers/temp-site.js";

// Fixture inputs are shared and read-only: CLI builds here never write a render cache into them.
const pkg = JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "package.json"), "utf8")) as { version: string };
const STACK = /^\s+at .+[:(]\d+/m;

describe("gekkan CLI", () => {
  const temps: TempDir[] = [];
  afterAll(() => temps.forEach((t) => t.remove()));

  it.each([["--help"], ["-h"], ["help"]])("%s prints usage and exits 0", async (flag) => {
    const io = captureIo();
    expect(await main([flag], io)).toBe(0);
    expect(io.stdout.join("\n")).toMatch(/^gekkan .*\n\nUsage: gekkan <command> \[options\]/);
    expect(io.stdout.join("\n")).toContain("build");
    expect(io.stderr).toEqual([]);
  });

  it("no arguments prints usage and exits 2", async () => {
    const io = captureIo();
    expect(await main([], io)).toBe(2);
    expect(io.all()).toContain("Usage: gekkan <command>");
  });

  it.each([["--version"], ["-v"]])("%s prints the package version", async (flag) => {
    const io = captureIo();
    expect(await main([flag], io)).toBe(0);
    expect(io.stdout).toEqual([pkg.version]);
  });

  it("build --help prints the build usage and exits 0", async () => {
    const io = captureIo();
    expect(await main(["build", "--help"], io)).toBe(0);
    expect(io.stdout.join("\n")).toMatch(/^gekkan build \[--root DIR\]/);
  });

  it.each([["frobnicate"], ["--frobnicate"]])("unknown command or option %s → usage on stderr, exit 2", async (arg) => {
    const io = captureIo();
    expect(await main([arg], io)).toBe(2);
    expect(io.stdout).toEqual([]);
    expect(io.stderr).toEqual([`gekkan: unknown command or option "${arg}"`, "usage: gekkan build|dev|init|new|check|email [options]", "run `gekkan --help` for more"]);
  });

  it.each([
    [["biuld"], 'gekkan: unknown command or option "biuld" — did you mean build?'],
    [["chekc"], 'gekkan: unknown command or option "chekc" — did you mean check?'],
    [["--verison"], 'gekkan: unknown command or option "--verison" — did you mean --version?'],
    [["build", "--ouput", "x"], "gekkan build: unknown option --ouput — did you mean --out?"],
    [["check", "--publishd"], "gekkan check: unknown option --publishd — did you mean --published?"],
    [["new", "--tilte", "x"], "gekkan new: unknown option --tilte — did you mean --title?"],
    [["build", "--frobnicate"], "gekkan build: unknown option --frobnicate"],
    [["build", "--out"], "gekkan build: --out needs a value after it (--out VALUE)"],
    [["build", "--drafts=yes"], "gekkan build: --drafts takes no value; write --drafts alone"],
    [["build", "--threads", "-1"], "gekkan build: --threads needs a value after it (--threads VALUE); the word after it starts with a dash, so it reads as another option (a value that starts with a dash is written --threads=-…)"],
    [["build", "--base", "--drafts"], "gekkan build: --base needs a value after it (--base VALUE); the word after it starts with a dash, so it reads as another option (a value that starts with a dash is written --base=-…)"],
    [["build", "stray"], 'gekkan build: unexpected argument "stray": gekkan build takes only options (a value belongs after its option, as in --root DIR)'],
  ])("a near miss %j gets did-you-mean, exit 2", async (args, first) => {
    const io = captureIo();
    expect(await main(args, io)).toBe(2);
    expect(io.stderr[0]?.split("\n")[0]).toBe(first);
  });

  it.each([
    [["build", "--port", "3"], "dev", "gekkan build: unknown option --port: --port is an option of gekkan dev, not of gekkan build"],
    [["check", "--to", "a@example.org"], "email", "gekkan check: unknown option --to: --to is an option of gekkan email, not of gekkan check"],
    [["dev", "--out", "x"], "build", "gekkan dev: unknown option --out: --out is an option of gekkan build and gekkan email, not of gekkan dev"],
  ])("a flag of another command %j names that command, whose --help lists it, exit 2", async (args, owner, first) => {
    const io = captureIo();
    expect(await main(args, io)).toBe(2);
    expect(io.stderr[0]?.split("\n")[0]).toBe(first);
    const help = captureIo();
    expect(await main([owner, "--help"], help)).toBe(0);
    expect(help.stdout.join("\n")).toContain(`${args[1]} `);
  });

  it("an unknown command with nothing close gets no guess", async () => {
    const io = captureIo();
    expect(await main(["publish-everything"], io)).toBe(2);
    expect(io.stderr[0]?.split("\n")[0]).toBe('gekkan: unknown command or option "publish-everything"');
  });

  it.each([[["--frobnicate"]], [["--root"]], [["stray-positional"]], [["--drafts=yes"]]])("build %j is a usage error, exit 2", async (args) => {
    const io = captureIo();
    expect(await main(["build", ...args, "--root", fixtureInput("blocks"), "--out", "/nonexistent/never-written"], io)).toBe(2);
    expect(io.stderr.join("\n")).toMatch(/^gekkan build: /);
    expect(io.stderr.join("\n")).toContain("gekkan build [--root DIR]");
    expect(io.stderr.join("\n")).not.toMatch(STACK);
  });

  it.each([
    [["build", "--frobnicate"], buildUsage, "gekkan build: unknown option --frobnicate"],
    [["build", "--out"], buildUsage, "gekkan build: --out needs a value after it (--out VALUE)"],
    [["check", "--publishd"], checkUsage, "gekkan check: unknown option --publishd — did you mean --published?"],
  ])("a usage error %j prints the problem, the command's usage line and where to read more, not the whole help", async (args, help, problem) => {
    const io = captureIo();
    expect(await main(args, io)).toBe(2);
    const synopsis = help.slice(0, help.indexOf("\n\n")).split("\n");
    expect(io.stdout).toEqual([]);
    expect(io.stderr).toEqual([problem, `usage: ${synopsis[0]}`, ...synopsis.slice(1).map((line) => `       ${line}`), `run \`gekkan ${args[0]} --help\` for more`]);
  });

  it("a usage error of gekkan new shows both of its forms", async () => {
    const io = captureIo();
    expect(await main(["new", "--tilte", "x"], io)).toBe(2);
    expect(io.stderr).toEqual([
      "gekkan new: unknown option --tilte — did you mean --title?",
      expect.stringMatching(/^usage: gekkan new \[--root DIR\] \[--date YYYY-MM\]/),
      "       gekkan new --translate ISSUE --lang LANG [--root DIR] [--title T]",
      "run `gekkan new --help` for more",
    ]);
  });

  it("a content error exits 1 with the located lines on stderr, a count, and no stack trace", async () => {
    const out = tempDir();
    temps.push(out);
    const io = captureIo();
    const code = await main(["build", "--root", fixtureInput("error-many"), "--out", join(out.path, "dist"), "--no-search", "--no-cache", "--quiet"], io);
    expect(code).toBe(1);
    const expected = readFileSync(join(FIXTURES, "error-many", "expected.txt"), "utf8").trimEnd().split("\n");
    expect(io.stderr.slice(0, expected.length)).toEqual(expected);
    expect(io.stderr.slice(expected.length)).toEqual([`\n${expected.length} problems found; nothing was written.`]);
    expect(io.stdout).toEqual([]);
    expect(io.all()).not.toMatch(STACK);
    expect(io.all()).not.toContain("ContentError");
  });

  it("a successful build prints one summary line naming the issue count, files and out dir", async () => {
    const out = tempDir();
    temps.push(out);
    const dist = join(out.path, "dist");
    const io = captureIo();
    expect(await main(["build", "--root", fixtureInput("releases-grouped"), "--out", dist, "--no-search", "--no-cache"], io)).toBe(0);
    expect(io.stdout).toHaveLength(1);
    expect(io.stdout[0]).toMatch(new RegExp(`^gekkan: built 3 issues in \\d+ ms \\(\\d+ of \\d+ sources and \\d+ of \\d+ pages rendered\\); \\d+ of \\d+ files written to ${dist.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`));
    expect(io.stderr).toEqual([]);
  });

  it("--quiet prints nothing on success", async () => {
    const out = tempDir();
    temps.push(out);
    const io = captureIo();
    expect(await main(["build", "--root", fixtureInput("blocks"), "--out", join(out.path, "dist"), "--no-search", "--no-cache", "--quiet"], io)).toBe(0);
    expect(io.stdout).toEqual([]);
    expect(io.stderr).toEqual([]);
  });
});
