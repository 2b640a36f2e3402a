import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { issue, type TempDir } from "../helpers/temp-site.js";
import { runCli } from "../helpers/run-cli.js";
import { cliSites } from "../helpers/cli-sites.js";
import { onSmallDisk, SHELL_GEKKAN } from "../helpers/small-disk.js";

const DIR = "content/issues/2011";
const APRIL = issue({ title: "4月号", issue: 1, date: "2011-04-01" });

let site: TempDir | undefined;
const sites = cliSites();

/**
 * Besides the issues, a build reads the config, templates/ and public/:
 * a FIFO or device there must not hang it either. And problems of the
 * machine (an output folder it may not write) are told in words, exit 1.
 */
describe("the site's other files and the machine", () => {
  it.each([
    ["gekkan.config.json", "gekkan.config.json"],
    ["a template", "templates/partials/block-qa.liquid"],
    ["a stylesheet", "templates/assets/style.css"],
    ["a public file", "public/images/pipe.png"],
  ])("a FIFO as %s is named, and no command hangs on it", async (_what, path) => {
    site = sites.make({ [`${DIR}/2011-04.md`]: APRIL });
    mkdirSync(join(site.path, path, ".."), { recursive: true });
    execFileSync("rm", ["-f", join(site.path, path)]);
    execFileSync("mkfifo", [join(site.path, path)]);
    for (const command of [["build", "--no-search"], ["check"], ...(path === "gekkan.config.json" ? [["new"]] : [])]) {
      const run = await runCli(command, { cwd: site.path, deadlineMs: 20_000 });
      expect(run.timedOut, `${command[0]} still running; stderr:\n${run.stderr}`).toBe(false);
      expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`${path}:1:1  this is a named pipe (FIFO), not a regular file, so gekkan did not read it`);
    }
    expect(existsSync(join(site.path, "dist"))).toBe(false);
  });

  it("a FIFO in public/ is reported with the issues' own errors, not alone (build and check)", async () => {
    // The issue number is wrong: before, only the FIFO was reported, and this came one fix later.
    site = sites.make({ [`${DIR}/2011-04.md`]: APRIL.replace("issue: 1", "issue: one") });
    mkdirSync(join(site.path, "public"));
    execFileSync("mkfifo", [join(site.path, "public/pipe.txt")]);
    for (const command of [["build", "--no-search"], ["check"]]) {
      const run = await runCli(command, { cwd: site.path, deadlineMs: 20_000 });
      expect(run.timedOut, `${command[0]} still running; stderr:\n${run.stderr}`).toBe(false);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain("public/pipe.txt:1:1  this is a named pipe (FIFO)");
      expect(run.stderr).toContain(`${DIR}/2011-04.md:3:8  invalid front matter field "issue"`);
    }
    expect(existsSync(join(site.path, "dist"))).toBe(false);
  });

  it("a template that links to /dev/zero is refused without reading it", async () => {
    site = sites.make({ [`${DIR}/2011-04.md`]: APRIL });
    mkdirSync(join(site.path, "templates", "partials"), { recursive: true });
    symlinkSync("/dev/zero", join(site.path, "templates", "partials", "block-qa.liquid"));
    const run = await runCli(["build", "--no-search"], { cwd: site.path, deadlineMs: 20_000 });
    expect(run.timedOut).toBe(false);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("templates/partials/block-qa.liquid:1:1  this is a symbolic link to \"/dev/zero\", outside the site");
  });

  it("a folder in templates/assets/ is published under assets/, not read as a file (an internal error)", async () => {
    const font = Buffer.from([0x77, 0x4f, 0x46, 0x32, 0x00, 0x01]);
    site = sites.make({ [`${DIR}/2011-04.md`]: APRIL, "templates/assets/fonts/site.woff2": font, "templates/assets/fonts/deeper/x.txt": "x\n" });
    // A link loop among them is not walked round.
    symlinkSync("..", join(site.path, "templates/assets/fonts/up"));
    const run = await runCli(["build", "--no-search", "--no-cache"], { cwd: site.path, deadlineMs: 20_000 });
    expect(run.timedOut).toBe(false);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(readFileSync(join(site.path, "dist/assets/fonts/site.woff2")).equals(font)).toBe(true);
    expect(readFileSync(join(site.path, "dist/assets/fonts/deeper/x.txt"), "utf8")).toBe("x\n");
    expect(existsSync(join(site.path, "dist/assets/fonts/up"))).toBe(false);
  });

  it("a file or folder in public/ gekkan may not read is named, with what to do (build and check), not an internal error", async () => {
    site = sites.make({ [`${DIR}/2011-04.md`]: APRIL, "public/secret.txt": "x\n", "public/locked/a.txt": "y\n" });
    // Root reads anything; the CLI runs as "nobody" then, to meet a real permission error.
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    if (asNobody.uid !== undefined) chownSync(site.path, 65534, 65534);
    for (const dir of ["content", "content/issues", DIR, "public"]) chmodSync(join(site.path, dir), 0o777);
    chmodSync(join(site.path, "public/secret.txt"), 0o000);
    chmodSync(join(site.path, "public/locked"), 0o000);
    for (const command of [["build", "--no-search", "--no-cache"], ["check"]]) {
      const run = await runCli(command, { cwd: site.path, deadlineMs: 20_000, ...asNobody });
      expect(run.timedOut).toBe(false);
      expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain("public/secret.txt:1:1  cannot read this file: permission denied; give yourself read access (chmod u+r) or move it out of public/");
      expect(run.stderr).toContain("public/locked:1:1  cannot read this folder: permission denied; give yourself read access (chmod u+r) or move it out of public/");
    }
    expect(existsSync(join(site.path, "dist"))).toBe(false);
  });

  it("an output folder gekkan may not write to is told in words, exit 1, and the output stays as it was", async () => {
    site = sites.make({ [`${DIR}/2011-04.md`]: APRIL });
    const out = join(site.path, "locked", "dist");
    mkdirSync(join(site.path, "locked"));
    // Run as an unprivileged user (the tests may run as root, whom permissions do not stop).
    chownSync(site.path, 65534, 65534);
    execFileSync("chown", ["-R", "65534:65534", site.path]);
    chmodSync(join(site.path, "locked"), 0o555);
    const run = await runCli(["build", "--no-search", "--no-cache", "--out", out], { cwd: site.path, uid: 65534, gid: 65534, deadlineMs: 30_000 });
    expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/gekkan build: could not create ".*locked\/\.dist-gekkan": permission denied \(EACCES\); the previous output is unchanged/);
    expect(existsSync(out)).toBe(false);
  });

  it("dev: listening beyond this machine must be asked for, and warns that drafts become visible", async () => {
    site = sites.make({ [`${DIR}/2011-04.md`]: APRIL });
    let warned = "";
    const run = await runCli(["dev", "--host", "0.0.0.0", "--port", "0", "--no-cache"], {
      cwd: site.path,
      deadlineMs: 30_000,
      onOutput: (text, kill) => {
        if (/serving http:\/\//.test(text)) {
          warned = text;
          kill();
        }
      },
    });
    expect(run.timedOut).toBe(false);
    expect(warned).toContain("gekkan dev: warning: listening on 0.0.0.0, so other machines on the network can open the site, drafts and scheduled issues included");
  });
});

describe("a full disk", () => {
  it("is told in words, exit 1, and the output from before stays whole", async () => {
    site = sites.make({ [`${DIR}/2011-04.md`]: APRIL });
    const disk = join(site.path, "disk");
    mkdirSync(disk);
    // A 1 MB disk: the first build fits, the second, with a 2 MB file in public/, does not.
    const run = onSmallDisk({
      cwd: site.path,
      disk,
      size: "1m",
      steps: [
        `${SHELL_GEKKAN} build --no-search --no-cache --quiet --out "${disk}/dist" || exit 90`,
        `ls -R "${disk}/dist" > "${disk}/../before.txt"`,
        `mkdir -p public && head -c 2097152 /dev/urandom > public/big.bin`,
        `${SHELL_GEKKAN} build --no-search --no-cache --out "${disk}/dist" 2> "${disk}/../stderr.txt"; echo $? > "${disk}/../code.txt"`,
        `ls -R "${disk}/dist" > "${disk}/../after.txt"`,
      ],
    });
    expect(run.status, run.stderr).toBe(0);
    const stderr = readFileSync(join(site.path, "stderr.txt"), "utf8");
    expect(stderr).not.toMatch(/internal error|\n\s+at /);
    expect(readFileSync(join(site.path, "code.txt"), "utf8").trim()).toBe("1");
    expect(stderr).toMatch(/gekkan build: could not write the site to ".*": the disk is full \(ENOSPC\); the previous output is unchanged/);
    expect(readFileSync(join(site.path, "after.txt"), "utf8")).toBe(readFileSync(join(site.path, "before.txt"), "utf8"));
  });
});
