import { spawn, spawnSync } from "node:child_process";
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { fixtureInput } from "../helpers/fixtures.js";
import { captureIo } from "../helpers/io.js";
import { copyToTemp, readTree, tempDir, type TempDir } from "../helpers/temp-site.js";

const ISSUE = "content/issues/2011/2011-05.md";

/** The build `out` links to, by its folder name (undefined when `out` is not a link). */
const linked = (out: string): string | undefined => (lstatSync(out, { throwIfNoEntry: false })?.isSymbolicLink() ? basename(readlinkSync(out)) : undefined);
/** The store holds the current build and the one it replaced (removed when the next build starts), nothing else. */
const expectStore = (store: string, current: string | undefined, replaced: string | RegExp) => {
  const names = readdirSync(store).filter((name) => name !== current);
  expect(readdirSync(store)).toContain(current);
  expect(names).toHaveLength(1);
  if (typeof replaced === "string") expect(names[0]).toBe(replaced);
  else expect(names[0]).toMatch(replaced);
};
const CLI = resolve(import.meta.dirname, "..", "..", "bin", "gekkan.js");

describe("the output folder is replaced in one atomic step", () => {
  const temps: TempDir[] = [];
  afterEach(() => temps.splice(0).forEach((t) => t.remove()));

  function setup(): { root: string; parent: string; out: string; store: string } {
    const site = copyToTemp(fixtureInput("releases-grouped"));
    const work = tempDir();
    temps.push(site, work);
    return { root: site.path, parent: work.path, out: join(work.path, "dist"), store: join(work.path, ".dist-gekkan") };
  }

  const build = async (root: string, out: string) => {
    const io = captureIo();
    const code = await main(["build", "--root", root, "--out", out, "--no-search", "--no-cache", "--quiet"], io);
    return { code, stderr: io.stderr.join("\n") };
  };
  const editIssue = (root: string, from: string, to: string) => {
    const path = join(root, ISSUE);
    const text = readFileSync(path, "utf8");
    if (!text.includes(from)) throw new Error(`test bug: ${from} not in ${ISSUE}`);
    writeFileSync(path, text.replace(from, to));
  };

  it("dist is a link to the one build in .dist-gekkan/; a failing build leaves it byte-identical", async () => {
    const { root, parent, out, store } = setup();
    expect((await build(root, out)).code).toBe(0);
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    expect(readlinkSync(out)).toMatch(/^\.dist-gekkan\/b[0-9a-z]+-\d+-[0-9a-f]{8}$/);
    const before = readTree(out);
    expect(before.size).toBeGreaterThan(10);
    expect(readdirSync(parent).sort()).toEqual([".dist-gekkan", "dist"]);
    expect(readdirSync(store)).toHaveLength(1);

    editIssue(root, 'status="planned"', 'status="shipped"');
    expect((await build(root, out)).code).toBe(1);
    expect(readTree(out)).toEqual(before);
    expect(readdirSync(parent).sort()).toEqual([".dist-gekkan", "dist"]);
    expect(readdirSync(store)).toHaveLength(1);
  });

  it("a later good build replaces the output completely (no stale files); the build it replaced goes when the next one starts", async () => {
    const { root, out, store } = setup();
    expect((await build(root, out)).code).toBe(0);
    const first = linked(out) as string;
    writeFileSync(join(out, "stale.txt"), "left over");
    editIssue(root, "1.0.11 の予定。", "1.0.11 の予定（更新）。");
    expect((await build(root, out)).code).toBe(0);
    const after = readTree(out);
    expect(after.has("stale.txt")).toBe(false);
    expect(after.get("issues/2011-05/index.html")?.toString("utf8")).toContain("1.0.11 の予定（更新）。");
    const second = linked(out) as string;
    expect(second).not.toBe(first);
    expectStore(store, second, first);
    editIssue(root, "1.0.11 の予定（更新）。", "1.0.11 の予定（再更新）。");
    expect((await build(root, out)).code).toBe(0);
    expectStore(store, linked(out), second);
  });

  it("a first build that fails creates no output at all", async () => {
    const { root, parent, out } = setup();
    writeFileSync(join(root, ISSUE), "");
    expect((await build(root, out)).code).toBe(1);
    expect(readdirSync(parent)).toEqual([]);
  });

  it("an output folder from an earlier gekkan (a real folder) becomes a link; old leftovers are removed", async () => {
    const { root, parent, out, store } = setup();
    mkdirSync(out);
    writeFileSync(join(out, ".gekkan-output"), "");
    writeFileSync(join(out, "index.html"), "old");
    mkdirSync(join(parent, ".dist.building-123-456"));
    mkdirSync(join(parent, ".dist.old-123-456"));
    expect((await build(root, out)).code).toBe(0);
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(out, "index.html"), "utf8")).not.toBe("old");
    expect(readdirSync(parent).sort()).toEqual([".dist-gekkan", "dist"]);
    // The old real folder is the build this one replaced: it goes when the next build starts.
    expectStore(store, linked(out), /^earlier-/);
    expect((await build(root, out)).code).toBe(0);
    expect(readdirSync(store).filter((name) => name.startsWith("earlier-"))).toEqual([]);
  });

  it("a link the author made (dist → a folder elsewhere) is followed: the folder it names gets the site", async () => {
    const { root, parent, out } = setup();
    const www = join(parent, "www");
    mkdirSync(www);
    symlinkSync(www, out);
    expect((await build(root, out)).code).toBe(0);
    expect(readlinkSync(out)).toBe(www);
    expect(readTree(out).has("index.html")).toBe(true);
    expect(lstatSync(www).isSymbolicLink()).toBe(true);
    expect((await build(root, out)).code).toBe(0);
    expect(readTree(out).has("index.html")).toBe(true);
  });

  it("a second build while one is writing is refused with a plain message", async () => {
    const { root, out, store } = setup();
    expect((await build(root, out)).code).toBe(0);
    const other = spawn("sleep", ["30"]);
    try {
      writeFileSync(join(store, "lock"), String(other.pid));
      const second = await build(root, out);
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(new RegExp(`another gekkan build \\(process ${other.pid}\\) is writing`));
      // The lock of a killed build whose number another program took is never released: the message names the file to remove.
      expect(second.stderr).toContain(`if process ${other.pid} is no gekkan build, one was killed and its number reused: remove ${JSON.stringify(join(store, "lock"))}`);
      expect(second.stderr).not.toMatch(/^\s+at /m);
    } finally {
      other.kill();
    }
    // A lock left by a process that is gone is taken over.
    writeFileSync(join(store, "lock"), "999999999");
    expect((await build(root, out)).code).toBe(0);
  });

  it("a lock is told from another process that took its number by when the process started", async () => {
    const { root, out, store } = setup();
    expect((await build(root, out)).code).toBe(0);
    // The lock gekkan writes names its process and that process's start: boot id and start time in ticks (proc(5), stat field 22).
    const boot = readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
    const startOf = (pid: number) => readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /s, "").split(" ")[19];
    const other = spawn("sleep", ["30"]);
    try {
      const pid = other.pid ?? 0;
      writeFileSync(join(store, "lock"), `${pid} ${boot}:${startOf(pid)}`);
      const held = await build(root, out);
      expect(held.code).toBe(1);
      expect(held.stderr).toContain(`another gekkan build (process ${pid}) is writing`);
      // The same number, but a process that started at another time (or in another boot): the build that locked is gone.
      writeFileSync(join(store, "lock"), `${pid} ${boot}:${Number(startOf(pid)) - 1}`);
      expect((await build(root, out)).code).toBe(0);
      writeFileSync(join(store, "lock"), `${pid} 00000000-0000-0000-0000-000000000000:${startOf(pid)}`);
      const taken = await build(root, out);
      expect(taken.code).toBe(0);
      expect(taken.stderr).toBe("");
    } finally {
      other.kill();
    }
  });
});

describe("a build killed at any step of the swap leaves a complete output", () => {
  const temps: TempDir[] = [];
  afterEach(() => temps.splice(0).forEach((t) => t.remove()));

  beforeAll(() => {
    // The crash runs the compiled CLI in its own process.
    const compiled = spawnSync("npm", ["run", "compile"], { cwd: resolve(import.meta.dirname, "..", ".."), encoding: "utf8" });
    if (compiled.status !== 0) throw new Error(compiled.stderr);
  });

  const run = (root: string, out: string, crashAt?: string) =>
    spawnSync(process.execPath, [CLI, "build", "--root", root, "--out", out, "--no-search", "--no-cache", "--quiet"], { encoding: "utf8", env: { ...process.env, ...(crashAt ? { GEKKAN_CRASH_AT: crashAt } : {}) } });

  it.each(["fill", "link", "swap", "prune", "migrate"])("killed at %s", (step) => {
    const site = copyToTemp(fixtureInput("releases-grouped"));
    const work = tempDir();
    temps.push(site, work);
    const out = join(work.path, "dist");
    if (step === "migrate") {
      // Only an output folder from an earlier gekkan is migrated.
      mkdirSync(out);
      writeFileSync(join(out, ".gekkan-output"), "");
    } else {
      expect(run(site.path, out).status).toBe(0);
    }
    const before = step === "migrate" ? undefined : readTree(out);
    const path = join(site.path, ISSUE);
    writeFileSync(path, readFileSync(path, "utf8").replace("1.0.11 の予定。", "1.0.11 の予定（再）。"));
    const crashed = run(site.path, out, step);
    expect(crashed.signal).toBe("SIGKILL");
    // The killed build's lock names it by number and start (this boot's id, ticks): a later process with its number is not it.
    const boot = readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
    expect(readFileSync(join(work.path, ".dist-gekkan", "lock"), "utf8")).toMatch(new RegExp(`^${crashed.pid} ${boot}:\\d+$`));

    const fresh = tempDir();
    temps.push(fresh);
    expect(run(site.path, join(fresh.path, "dist")).status).toBe(0);
    const expected = readTree(join(fresh.path, "dist"));
    if (step === "migrate") {
      // Turning an earlier gekkan's real folder into a link is the one step that cannot be atomic
      // (a link cannot replace a folder in one rename): the folder is in the store, put back by the next build.
      expect(readdirSync(join(work.path, ".dist-gekkan")).some((name) => name.startsWith("earlier-"))).toBe(true);
    } else {
      // Whatever the step, dist names one complete build: the old one or the new one.
      const now = readTree(out);
      if (now.get("issues/2011-05/index.html")?.toString().includes("（再）")) expect(now).toEqual(expected);
      else expect(now).toEqual(before);
    }

    // The next build publishes the new site and clears what the killed one left: only the build it replaced stays.
    const replaced = linked(out);
    expect(run(site.path, out).status).toBe(0);
    expect(readTree(out)).toEqual(expected);
    expectStore(join(work.path, ".dist-gekkan"), linked(out), replaced ?? /^earlier-/);
    expect(readdirSync(work.path).sort()).toEqual([".dist-gekkan", "dist"]);
  });
});
