#!/usr/bin/env node
// gekkan benchmark against Eleventy and Hugo.  `npm run bench` = `npm run compile && node bench/run.mjs`.
//
//   node bench/run.mjs [--issues 4000|200|200,4000] [--runs 3] [--skip-hugo] [--only-peers]
//                      [--dev-edits 20] [--no-dev] [--only-dev] [--seed S] [--results bench/results/latest.md]
//
// For each corpus size: generates (or reuses) the deterministic corpus (bench/corpus.mjs), then runs
// `--runs` rounds.  Each round interleaves the gekkan chain (cold -> warm -> one issue changed) with
// the peers (Eleventy cold, Hugo cold); the order rotates from round to round.  Every run is a child
// process timed with a monotonic clock; peak RSS comes from GNU time (`/usr/bin/time -f '%e %M'`)
// when present, else from sampling /proc.  A /proc sampler of the whole child tree (sum of RSS)
// runs in both cases.  Then, if gekkan is compiled, the dev loop: `gekkan dev` + SSE, N edits.
//
// Installs nothing silently: bench/peers is `npm ci`-ed (announced) when its node_modules is
// missing, and Hugo, when not on PATH, is installed from Debian (announced, as root or with
// passwordless sudo); where it cannot be, or with --skip-hugo, it is skipped with a visible note.
import { spawn, spawnSync } from "node:child_process";
import {
  cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdtempSync, statSync, statfsSync,
} from "node:fs";
import { cpus, freemem, loadavg as osLoadavg, totalmem, tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import http from "node:http";
import net from "node:net";
import { ensureCorpus, DEFAULT_SEED } from "./corpus.mjs";
import { aptInstall, installAccess } from "../scripts/apt-install.mjs";
import { onPath } from "../scripts/find-executable.mjs";

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH, "..");
/** Where corpora, caches and every tool's output go (see workFolder); set once the arguments are read. */
let WORK = join(BENCH, ".work");
const PEERS = join(BENCH, "peers");
// GEKKAN_BENCH_BIN lets the harness itself be tested against a stand-in CLI.
const GEKKAN_BIN = process.env.GEKKAN_BENCH_BIN ? resolve(process.env.GEKKAN_BENCH_BIN) : join(ROOT, "bin", "gekkan.js");
const GEKKAN_CLI = process.env.GEKKAN_BENCH_BIN ? GEKKAN_BIN : join(ROOT, "lib", "bundle", "cli.js");
const ELEVENTY_CMD = join(PEERS, "node_modules", "@11ty", "eleventy", "cmd.cjs");
const GNU_TIME = "/usr/bin/time";

// ---------------------------------------------------------------------------------------------
function parseArgs(argv) {
  const a = {
    issues: [4000], runs: 3, skipHugo: false, onlyPeers: false, onlyDev: false, devEdits: 20, dev: true,
    seed: DEFAULT_SEED, results: join(BENCH, "results", "latest.md"), work: null, help: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const val = () => { const v = argv[++i]; if (v === undefined) throw new Error(`${k} needs a value`); return v; };
    switch (k) {
      case "--issues": a.issues = val().split(",").map(Number); break;
      case "--runs": a.runs = Number(val()); break;
      case "--skip-hugo": a.skipHugo = true; break;
      case "--only-peers": a.onlyPeers = true; break;
      case "--dev-edits": a.devEdits = Number(val()); break;
      case "--no-dev": a.dev = false; break;
      // the dev loop alone (no build rounds), e.g. while working on it
      case "--only-dev": a.onlyDev = true; break;
      case "--seed": a.seed = Number(val()); break;
      case "--results": a.results = resolve(val()); break;
      case "--work": a.work = resolve(val()); break;
      case "-h": case "--help": a.help = true; break;
      default: throw new Error(`unknown argument: ${k} (see --help)`);
    }
  }
  if (!a.issues.length || a.issues.some((n) => !Number.isInteger(n) || n < 1)) throw new Error("--issues: positive integers, e.g. 4000 or 200,4000");
  if (!Number.isInteger(a.runs) || a.runs < 1) throw new Error("--runs must be a positive integer");
  if (!Number.isInteger(a.devEdits) || a.devEdits < 1) throw new Error("--dev-edits must be a positive integer");
  return a;
}

const log = (m = "") => process.stdout.write(m + "\n");
const note = (m) => process.stdout.write(`NOTE: ${m}\n`);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

function median(xs) {
  const s = [...xs].sort((x, y) => x - y);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
function percentile(xs, p) { // nearest-rank
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/**
 * Hugo is one of the two peers the README's ratios are against, so a machine
 * without it gets the Debian package (announced, as the test tools are:
 * scripts/apt-install.mjs). Where nothing can be installed the run goes on
 * without Hugo and says so in the results; --skip-hugo never installs.
 */
function installHugo(addNote) {
  const how = "`apt-get update && apt-get install -y hugo` (Debian package `hugo`), or pass --skip-hugo";
  const access = installAccess();
  if (!access.ok) {
    addNote(`Hugo not found on PATH and ${access.why === "no-apt" ? "apt-get is missing" : "not root (no passwordless sudo)"}, so Hugo was skipped. To include it: ${how}.`);
    return null;
  }
  log("Hugo not found on PATH: installing the Debian package `hugo` (pass --skip-hugo to run without it)...");
  try {
    aptInstall(access, ["hugo"], log);
  } catch (error) {
    addNote(`Hugo could not be installed (${error.message}), so Hugo was skipped. To include it: ${how}.`);
    return null;
  }
  const path = onPath("hugo");
  if (!path) addNote(`Hugo was installed but is not on PATH, so Hugo was skipped. To include it: ${how}.`);
  return path;
}

// ---- /proc sampling of a process tree -------------------------------------------------------
function readProcTable() {
  const table = new Map(); // pid -> { ppid, rssKiB }
  let entries;
  try { entries = readdirSync("/proc"); } catch { return table; }
  for (const e of entries) {
    if (e.charCodeAt(0) < 48 || e.charCodeAt(0) > 57) continue;
    try {
      const stat = readFileSync(`/proc/${e}/stat`, "utf8");
      const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      // rest[0]=state rest[1]=ppid ... rest[21]=rss (pages)
      table.set(Number(e), { ppid: Number(rest[1]), rssKiB: Number(rest[21]) * 4 });
    } catch { /* exited */ }
  }
  return table;
}
function treeRssKiB(rootPid) {
  const t = readProcTable();
  const kids = new Map();
  for (const [pid, { ppid }] of t) { if (!kids.has(ppid)) kids.set(ppid, []); kids.get(ppid).push(pid); }
  let sum = 0;
  const stack = [rootPid];
  while (stack.length) {
    const p = stack.pop();
    const row = t.get(p);
    if (row) sum += row.rssKiB;
    for (const c of kids.get(p) ?? []) stack.push(c);
  }
  return sum;
}

/** Run a command, timing it. Returns { ok, code, wallS, peakRssMiB, treeSumMiB, stderrTail }. */
async function measure(cmd, args, { cwd = ROOT, env = {}, useGnuTime }) {
  const tmp = mkdtempSync(join(tmpdir(), "gekkan-bench-"));
  const timeOut = join(tmp, "time.txt");
  const argv = useGnuTime ? [GNU_TIME, "-f", "%e %M", "-o", timeOut, cmd, ...args] : [cmd, ...args];
  const t0 = nowMs();
  const child = spawn(argv[0], argv.slice(1), { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout.on("data", (d) => { out = (out + d).slice(-4000); });
  child.stderr.on("data", (d) => { err = (err + d).slice(-4000); });
  let treeMax = 0;
  const sample = () => { const v = treeRssKiB(child.pid); if (v > treeMax) treeMax = v; };
  const timer = setInterval(sample, 100);
  const code = await new Promise((res) => child.on("close", (c, sig) => res(c ?? (sig ? 128 : 1))));
  const wallS = (nowMs() - t0) / 1000;
  clearInterval(timer);
  let peakKiB = treeMax;
  let gnuWall = null;
  if (useGnuTime && existsSync(timeOut)) {
    const lines = readFileSync(timeOut, "utf8").trim().split("\n");
    const m = lines[lines.length - 1].match(/^([\d.]+) (\d+)$/);
    if (m) { gnuWall = Number(m[1]); peakKiB = Number(m[2]); }
  }
  rmSync(tmp, { recursive: true, force: true });
  return {
    ok: code === 0, code, wallS, gnuWall, peakRssMiB: peakKiB / 1024, treeSumMiB: treeMax / 1024,
    stderrTail: (err || out).trim().split("\n").slice(-12).join("\n"),
  };
}

function countHtml(dir) {
  let n = 0;
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop();
    let ents;
    try { ents = readdirSync(d, { withFileTypes: true }); } catch { continue; }
    for (const e of ents) {
      if (e.isDirectory()) stack.push(join(d, e.name));
      else if (e.name.endsWith(".html")) n++;
    }
  }
  return n;
}

const loadavg = () => osLoadavg().map((x) => x.toFixed(2)).join(" ");

// ---- environment ------------------------------------------------------------------------------
function machineInfo() {
  const c = cpus();
  let os = "";
  try { os = (readFileSync("/etc/os-release", "utf8").match(/^PRETTY_NAME="?([^"\n]*)"?/m) ?? [])[1] ?? ""; } catch { /* */ }
  const nproc = spawnSync("nproc", { encoding: "utf8" }).stdout?.trim() || String(c.length);
  return {
    nproc, cpuModel: c[0]?.model?.trim() ?? "unknown", memGiB: (totalmem() / 2 ** 30).toFixed(1),
    freeGiB: (freemem() / 2 ** 30).toFixed(1), node: process.version, os, load: loadavg(),
  };
}

function ensurePeers() {
  if (existsSync(ELEVENTY_CMD)) return true;
  log("bench/peers/node_modules is missing: running `npm ci` in bench/peers (bench-only dependency: @11ty/eleventy)");
  const r = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: PEERS, stdio: "inherit" });
  if (r.status !== 0 || !existsSync(ELEVENTY_CMD)) {
    note("`npm ci` in bench/peers failed; Eleventy will be skipped");
    return false;
  }
  return true;
}

function gitDescribe() {
  const r = spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT, encoding: "utf8" });
  const head = r.status === 0 ? r.stdout.trim() : "(no commit)";
  const d = spawnSync("git", ["status", "--porcelain", "--", "src"], { cwd: ROOT, encoding: "utf8" });
  return head + (d.stdout?.trim() ? " + uncommitted src changes" : "");
}

// ---- scenarios --------------------------------------------------------------------------------
let peerRuns = 0;
let checkouts = 0;

/**
 * A new folder standing in for CI's checkout of the corpus, after removing the last one: the
 * site's files copied (new inodes and times, as git writes them) and its .gekkan/cache copied
 * with its times kept (as actions/cache restores a tar); no output folder, as on a new runner.
 */
function freshCheckout(corpusDir, last) {
  rmSync(last, { recursive: true, force: true });
  const dir = join(WORK, `ci-checkout-${++checkouts}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(corpusDir)) {
    if (name === "dist" || name.startsWith(".dist") || name === ".gekkan" || name === "hugo") continue;
    cpSync(join(corpusDir, name), join(dir, name), { recursive: true });
  }
  cpSync(join(corpusDir, ".gekkan", "cache"), join(dir, ".gekkan", "cache"), { recursive: true, preserveTimestamps: true });
  return dir;
}
/** A new output folder under `base` for one peer run, after removing the last one (`last`). */
function freshOut(base, last) {
  rmSync(last, { recursive: true, force: true });
  const out = `${base}-${++peerRuns}`;
  rmSync(out, { recursive: true, force: true });
  return out;
}

function makeTools(ctx) {
  const { corpusDir, n, useGnuTime } = ctx;
  const outG = join(WORK, `out-gekkan-${n}`);
  const outE = join(WORK, `out-eleventy-${n}`);
  const outH = join(WORK, `out-hugo-${n}`);
  // Each peer run writes a folder of its own, the last one removed first: on this VM a peer writing its
  // 4,000 files into a path emptied with rm -rf many times over grew slower run by run, in system time.
  const peerOut = { eleventy: outE, hugo: outH };
  const gekkanArgs = (extra) => [GEKKAN_BIN, "build", "--root", corpusDir, "--out", outG, "--quiet", ...extra];
  // the CLI may not have every flag yet: use --no-cache only when `gekkan build --help` lists it
  const coldFlags = ctx.gekkanFlags.has("--no-cache") ? ["--no-cache"] : [];
  return {
    outG, outE, outH,
    gekkanCold: {
      label: `gekkan cold${coldFlags.length ? " (--no-cache)" : ""}`,
      prepare() { rmSync(join(corpusDir, ".gekkan"), { recursive: true, force: true }); rmSync(outG, { recursive: true, force: true }); },
      run: () => measure(process.execPath, gekkanArgs(coldFlags), { useGnuTime }),
      out: outG,
    },
    gekkanColdNoSearch: {
      label: `gekkan cold, --no-search${coldFlags.length ? " --no-cache" : ""}`,
      prepare() { rmSync(join(corpusDir, ".gekkan"), { recursive: true, force: true }); rmSync(outG + "-nosearch", { recursive: true, force: true }); },
      run: () => measure(process.execPath, [GEKKAN_BIN, "build", "--root", corpusDir, "--out", outG + "-nosearch", "--quiet", "--no-search", ...coldFlags], { useGnuTime }),
      out: outG + "-nosearch",
    },
    gekkanWarm: {
      label: "gekkan warm (nothing changed)",
      // `--no-cache` neither reads nor writes the cache, so after the cold run there is nothing to be warm from:
      // one untimed cached build fills it first (otherwise "warm" would time a cold build that also writes the cache).
      prepare() { if (coldFlags.length) spawnSync(process.execPath, gekkanArgs([]), { cwd: ROOT, stdio: "ignore" }); },
      run: () => measure(process.execPath, gekkanArgs([]), { useGnuTime }),
      out: outG,
    },
    gekkanOne: {
      label: "gekkan warm, 1 issue changed",
      prepare: () => ctx.editIssue(),
      run: () => measure(process.execPath, gekkanArgs([]), { useGnuTime }),
      after: () => ctx.restoreIssue(),
      out: outG,
    },
    ...monthlyScenarios(ctx, gekkanArgs, outG),
    bareParse: {
      label: "bare parse (remark-parse + GFM + directives → mdast, 1 thread)",
      prepare() {},
      run: () => measure(process.execPath, [join(BENCH, "bare-parse.mjs"), corpusDir], { useGnuTime }),
      out: null,
    },
    eleventy: {
      label: "Eleventy cold",
      prepare() { peerOut.eleventy = freshOut(outE, peerOut.eleventy); },
      run: () => measure(process.execPath, [ELEVENTY_CMD, "--config=eleventy.config.mjs", `--output=${peerOut.eleventy}`, "--quiet"], {
        cwd: PEERS, env: { GEKKAN_BENCH_INPUT: join(corpusDir, "content") }, useGnuTime,
      }),
      get out() { return peerOut.eleventy; },
      expectHtml: n + 1,
    },
    hugo: {
      label: "Hugo cold",
      prepare() { peerOut.hugo = freshOut(outH, peerOut.hugo); rmSync(join(corpusDir, "hugo", "resources"), { recursive: true, force: true }); },
      run: () => measure(ctx.hugoPath, ["--source", join(corpusDir, "hugo"), "--destination", peerOut.hugo, "--quiet", "--ignoreCache"], { useGnuTime }),
      get out() { return peerOut.hugo; },
      expectHtml: n + 1,
    },
  };
}

/** The monthly build twice: on the corpus with its output kept, and as the Pages workflow runs it. */
function monthlyScenarios(ctx, gekkanArgs, outG) {
  const { corpusDir, useGnuTime } = ctx;
  let ciCheckout = join(WORK, `ci-checkout-${ctx.n}-0`);
  return {
    gekkanNew: {
      label: "gekkan warm, 1 new issue (the monthly build)",
      // An untimed warm build first takes in whatever the previous scenario restored; then the next issue arrives.
      prepare() { spawnSync(process.execPath, gekkanArgs([]), { cwd: ROOT, stdio: "ignore" }); ctx.addIssue(); },
      run: () => measure(process.execPath, gekkanArgs([]), { useGnuTime }),
      after: () => ctx.removeNewIssue(),
      out: outG,
    },
    gekkanCi: {
      label: "gekkan monthly build as CI runs it",
      // As the Pages workflow runs it: a fresh checkout (new files, no output folder) with only .gekkan/cache restored.
      prepare() {
        spawnSync(process.execPath, gekkanArgs([]), { cwd: ROOT, stdio: "ignore" });
        ctx.addIssue();
        ciCheckout = freshCheckout(corpusDir, ciCheckout);
      },
      run: () => measure(process.execPath, [GEKKAN_BIN, "build", "--root", ciCheckout, "--quiet"], { useGnuTime }),
      after: () => ctx.removeNewIssue(),
      get out() { return join(ciCheckout, "dist"); },
    },
  };
}

/** The file of issue number `number` in a bench corpus. */
function findIssue(corpusDir, number) {
  const re = new RegExp(`-${String(number).padStart(4, "0")}\\.md$`);
  const stack = [join(corpusDir, "content", "issues")];
  while (stack.length) {
    const d = stack.pop();
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) stack.push(join(d, e.name));
      else if (re.test(e.name)) return join(d, e.name);
    }
  }
  throw new Error(`issue ${number} not found in corpus`);
}

/** The newest original (Japanese) issue at or before file `n`: the monthly build's model. */
function lastOriginal(corpusDir, n) {
  for (let k = n; k > 0; k--) {
    const path = findIssue(corpusDir, k);
    if (/^lang: ja$/m.test(readFileSync(path, "utf8"))) return path;
  }
  throw new Error("no original issue in the corpus");
}

/**
 * The issue after `template`, written like it: the next number, its own slug and a date a week
 * later. `salt` makes each round's new issue new (title and body), so no round reuses pages an
 * earlier round's build made for the same text: a real monthly issue is never in the cache.
 */
function nextIssueText(template, salt) {
  const text = readFileSync(template, "utf8");
  const number = Number(/^issue: (\d+)$/m.exec(text)?.[1] ?? 0) + 1;
  const date = /^date: (\d{4}-\d{2}-\d{2})$/m.exec(text)?.[1] ?? "2000-01-01";
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + 7 * 86400000).toISOString().slice(0, 10);
  return text.replace(/^issue: \d+$/m, `issue: ${number}`).replace(/^slug: .*$/m, `slug: monthly-${number}`).replace(/^date: .*$/m, `date: ${next}`).replace(/第\d+号/, `第${number}号 (bench ${salt})`) + `\nBench issue ${salt}.\n`;
}

/** Per-stage times of one cold build (`--timings`), in ms per issue. */
function stageProfile(corpusDir, n) {
  const out = join(WORK, `out-profile-${n}`);
  const r = spawnSync(process.execPath, [GEKKAN_BIN, "build", "--root", corpusDir, "--out", out, "--no-cache", "--timings", "--quiet", "--threads", "1"], { cwd: ROOT, encoding: "utf8" });
  const stages = [...r.stderr.matchAll(/^gekkan: (.+?)\s+(\d+) ms$/gm)].map((m) => [m[1].trim(), Number(m[2])]);
  return { ok: r.status === 0, stages: stages.map(([stage, ms]) => ({ stage, ms, perIssue: ms / n })) };
}

// ---- dev loop ---------------------------------------------------------------------------------
function freePort() {
  return new Promise((res, rej) => {
    const s = net.createServer();
    s.once("error", rej);
    s.listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => res(port)); });
  });
}

/** Connects to the SSE endpoint; resolves with { events, close } once the response headers arrive. */
function connectSse(port) {
  return new Promise((res, rej) => {
    const req = http.get({ host: "127.0.0.1", port, path: "/__gekkan/events", headers: { Accept: "text/event-stream" } }, (resp) => {
      if (resp.statusCode !== 200) { resp.resume(); rej(new Error(`SSE status ${resp.statusCode}`)); return; }
      resp.setEncoding("utf8");
      const listeners = new Set();
      let buf = "";
      resp.on("data", (chunk) => {
        buf += chunk.replace(/\r\n/g, "\n");
        let i;
        while ((i = buf.indexOf("\n\n")) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          let event = "message";
          const data = [];
          for (const line of block.split("\n")) {
            if (line.startsWith("event:")) event = line.slice(6).trim();
            else if (line.startsWith("data:")) data.push(line.slice(5).trim());
          }
          const at = nowMs();
          for (const l of listeners) l({ event, data: data.join("\n"), at });
        }
      });
      res({ on: (fn) => listeners.add(fn), off: (fn) => listeners.delete(fn), close: () => { req.destroy(); } });
    });
    req.on("error", rej);
  });
}

/** True for a reload that names an HTML page (or everything: `paths: null`). */
function namesPage(data) {
  try {
    const { paths } = JSON.parse(data);
    return paths === null || paths.some((p) => p.endsWith(".html"));
  } catch {
    return true;
  }
}

/**
 * The dev server's event stream, once `/` answers 200 (the first build done); throws when the
 * server exits first or takes over 300 s. `exitedNow` and `tailNow` read the child's state.
 */
async function servingQuietly(port, exitedNow, tailNow) {
  const deadline = nowMs() + 300_000;
  let sse = null;
  while (!sse) {
    if (exitedNow() !== null) throw new Error(`gekkan dev exited (${exitedNow()}) before serving:\n${tailNow().trim().split("\n").slice(-12).join("\n")}`);
    if (nowMs() > deadline) throw new Error("gekkan dev did not serve /__gekkan/events within 300 s");
    try { sse = await connectSse(port); } catch { await sleep(200); }
  }
  while (true) {
    const status = await new Promise((r) => http.get({ host: "127.0.0.1", port, path: "/" }, (resp) => { resp.resume(); r(resp.statusCode); }).on("error", () => r(0)));
    if (status === 200) return sse;
    if (exitedNow() !== null || nowMs() > deadline) { sse.close(); throw new Error(`gekkan dev never served / with 200 (last status ${status})`); }
    await sleep(250);
  }
}

/** Waits until the event stream has said nothing for `ms` (the start-up's catch-up done). */
async function quietFor(sse, ms) {
  let last = nowMs();
  const quiet = () => { last = nowMs(); };
  sse.on(quiet);
  while (nowMs() - last < ms) await sleep(100);
  sse.off(quiet);
}

async function devLoop(ctx, edits) {
  const { corpusDir } = ctx;
  rmSync(join(corpusDir, ".gekkan"), { recursive: true, force: true });
  const port = await freePort();
  const t0 = nowMs();
  const child = spawn(process.execPath, [GEKKAN_BIN, "dev", "--root", corpusDir, "--port", String(port)], {
    cwd: ROOT, stdio: ["ignore", "pipe", "pipe"],
  });
  let tail = "";
  const keep = (d) => { tail = (tail + d).slice(-4000); };
  child.stdout.on("data", keep);
  const caughtUpLines = [];
  child.stdout.on("data", (d) => { for (const m of String(d).matchAll(/caught up in (\d+) ms/g)) caughtUpLines.push({ at: nowMs(), ms: Number(m[1]) }); });
  child.stderr.on("data", keep);
  let exited = null;
  child.on("exit", (c, s) => { exited = c ?? s; });
  const stop = async () => {
    if (exited !== null) return;
    child.kill("SIGTERM");
    for (let i = 0; i < 50 && exited === null; i++) await sleep(100);
    if (exited === null) child.kill("SIGKILL");
  };
  const result = { port, startupS: null, latenciesMs: [], timeouts: 0, catchUpS: null, catchUpRebuildMs: null, error: null };
  let sse = null;
  try {
    sse = await servingQuietly(port, () => exited, () => tail);
    result.startupS = (nowMs() - t0) / 1000;
    await quietFor(sse, 1500);

    const file = ctx.editTarget;
    const original = readFileSync(file, "utf8");
    try {
      for (let k = 1; k <= edits; k++) {
        const got = new Promise((res) => {
          // The edited page's reload: a later catch-up reload names only feeds and data files.
          const fn = (ev) => { if (ev.event === "reload" && namesPage(ev.data)) { sse.off(fn); clearTimeout(to); res(ev.at); } };
          const to = setTimeout(() => { sse.off(fn); res(null); }, 30_000);
          sse.on(fn);
        });
        const tSave = nowMs();
        writeFileSync(file, `${original}\nBench dev-loop edit ${k}.\n`);
        const at = await got;
        if (at === null) { result.timeouts++; log(`  dev edit ${k}: no reload event within 30 s`); }
        else result.latenciesMs.push(at - tSave);
        await sleep(250); // let the watcher settle before the next save
      }
      // Quick rebuilds leave feeds and data files to a full rebuild after a quiet second. It may change
      // no file (and send no event), so it is seen in the terminal: "gekkan dev: caught up in N ms".
      const tLast = nowMs();
      const seenBefore = caughtUpLines.length;
      while (caughtUpLines.length === seenBefore && nowMs() - tLast < 120_000 && exited === null) await sleep(50);
      const line = caughtUpLines[seenBefore];
      if (line) { result.catchUpS = (line.at - tLast) / 1000; result.catchUpRebuildMs = line.ms; }
    } finally {
      writeFileSync(file, original);
    }
  } catch (e) {
    result.error = e.message;
  } finally {
    sse?.close();
    await stop();
  }
  return result;
}

// ---- report -----------------------------------------------------------------------------------
const f2 = (x) => (x == null || Number.isNaN(x) ? "–" : x.toFixed(2));
const f0 = (x) => (x == null || Number.isNaN(x) ? "–" : x.toFixed(0));

function summarize(rows, order) {
  const bykey = new Map();
  for (const r of rows) { if (!bykey.has(r.key)) bykey.set(r.key, []); bykey.get(r.key).push(r); }
  const eleventyOk = (bykey.get("eleventy") ?? []).filter((r) => r.ok).map((r) => r.wallS);
  const base = eleventyOk.length ? median(eleventyOk) : null;
  const out = [];
  for (const key of order) {
    const rs = bykey.get(key);
    if (!rs) continue;
    const ok = rs.filter((r) => r.ok);
    const walls = ok.map((r) => r.wallS);
    const med = walls.length ? median(walls) : null;
    out.push({
      key, label: rs[0].label, runs: ok.length, failed: rs.length - ok.length,
      median: med, min: walls.length ? Math.min(...walls) : null, max: walls.length ? Math.max(...walls) : null,
      rss: ok.length ? Math.max(...ok.map((r) => r.peakRssMiB)) : null,
      treeSum: ok.length ? Math.max(...ok.map((r) => r.treeSumMiB)) : null,
      ratio: med != null && base ? med / base : null,
      html: ok.length ? ok[ok.length - 1].html : null,
    });
  }
  return out;
}

function table(summary) {
  const lines = [
    "| tool / scenario | runs | median wall (s) | min (s) | max (s) | peak RSS (MiB) | tree RSS sum, sampled (MiB) | ratio to Eleventy cold | HTML files |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const s of summary) {
    lines.push(`| ${s.label} | ${s.runs}${s.failed ? ` (+${s.failed} failed)` : ""} | ${f2(s.median)} | ${f2(s.min)} | ${f2(s.max)} | ${f0(s.rss)} | ${f0(s.treeSum)} | ${s.ratio == null ? "–" : s.ratio.toFixed(2) + "×"} | ${s.html ?? "–"} |`);
  }
  return lines.join("\n");
}

/** The targets of the issues, as ratios of medians measured in this one run. */
function targetRatios(summary) {
  const med = (key) => summary.find((s) => s.key === key)?.median ?? null;
  const ratio = (a, b) => (med(a) != null && med(b) ? med(a) / med(b) : null);
  return [
    { what: "cold, no search / bare one-thread parse", value: ratio("gekkanColdNoSearch", "bareParse"), target: "≤ 0.75" },
    { what: "cold with search / cold without", value: ratio("gekkanCold", "gekkanColdNoSearch"), target: "≤ 1.3" },
    { what: "1 new issue, warm / Eleventy cold", value: ratio("gekkanNew", "eleventy"), target: "≤ 0.2" },
    { what: "1 new issue as CI runs it (fresh checkout, cache restored, no output) / Eleventy cold", value: ratio("gekkanCi", "eleventy"), target: "none: the Pages workflow's own figure" },
    { what: "nothing changed / Eleventy cold", value: ratio("gekkanWarm", "eleventy"), target: "≤ 0.1" },
    { what: "cold with search / Eleventy cold", value: ratio("gekkanCold", "eleventy"), target: "≤ 1 at 200 issues" },
  ];
}

/**
 * The monthly build's fixed part: the smallest corpus's monthly build against the largest
 * corpus's Eleventy cold build, in this one run. A monthly build that did no work growing
 * with the site would take about what the small one takes, so this is the floor under the
 * large corpus's "1 new issue / Eleventy cold" ratio. Null unless the run has two sizes.
 */
function monthlyFloor(sections) {
  if (sections.length < 2) return null;
  const bySize = [...sections].sort((a, b) => a.n - b.n);
  const small = bySize[0];
  const large = bySize[bySize.length - 1];
  const med = (section, key) => section.summary.find((s) => s.key === key)?.median ?? null;
  const monthly = med(small, "gekkanNew");
  const eleventy = med(large, "eleventy");
  return monthly != null && eleventy ? { small: small.n, large: large.n, monthly, eleventy, ratio: monthly / eleventy } : null;
}

// ---- main -------------------------------------------------------------------------------------
async function main() {
  let args;
  try { args = parseArgs(process.argv.slice(2)); } catch (e) { console.error(`bench: ${e.message}`); return 2; }
  if (args.help) {
    log("usage: node bench/run.mjs [--issues 4000|200|200,4000] [--runs 3] [--skip-hugo] [--only-peers] [--dev-edits 20] [--no-dev] [--only-dev] [--seed S] [--results FILE] [--work DIR]");
    return 0;
  }
  const notes = [];
  const addNote = (m) => { note(m); notes.push(m); };
  WORK = workFolder(args.work);
  log(`work folder: ${WORK}`);

  let runGekkan = !args.onlyPeers;
  if (!existsSync(GEKKAN_CLI)) {
    if (!args.onlyPeers) {
      console.error("bench: gekkan not compiled: lib/bundle/cli.js is missing. Run `npm run compile` (or `npm run bench`, which compiles first),\n" +
        "       or pass --only-peers to benchmark only Eleventy and Hugo.");
      return 2;
    }
    addNote("gekkan not compiled (lib/bundle/cli.js missing): gekkan scenarios and the dev loop were not run (--only-peers).");
    runGekkan = false;
  } else if (args.onlyPeers) {
    addNote("--only-peers: gekkan scenarios and the dev loop were not run.");
  }
  const env = { args, runGekkan, ...toolsOf(args, runGekkan, addNote) };
  const machine = machineInfo();
  log(`machine: nproc ${machine.nproc}, ${machine.cpuModel}, ${machine.memGiB} GiB, node ${machine.node}, ${machine.os}`);
  const sections = [];
  let anyFailure = false;
  for (const n of args.issues) {
    const { section, failed } = await benchCorpus(n, env);
    sections.push(section);
    anyFailure ||= failed;
  }
  const floor = monthlyFloor(sections);
  if (floor) log(`\nmonthly build at ${floor.small} / Eleventy cold at ${floor.large}: ${floor.ratio.toFixed(2)}× (the fixed part under the ${floor.large}-file monthly ratio)`);
  const md = resultLines({ ...env, machine, notes, sections });
  mkdirSync(dirname(args.results), { recursive: true });
  writeFileSync(args.results, md.join("\n"));
  log(`\nwrote ${args.results}`);
  return anyFailure ? 1 : 0;
}

/**
 * The folder for corpora, caches and outputs: `--work DIR`, else a folder in /dev/shm when it is
 * a tmpfs with room, else bench/.work. In memory, a build's time is the generator's own: on a
 * virtual disk where creating a file costs most of a millisecond, Eleventy's cold build (4,000
 * files written) took 2.5 times as long as in memory, varied round by round with the disk, and
 * flattered every ratio against it; gekkan's monthly build writes a few dozen files.
 */
function workFolder(asked) {
  if (asked !== null) return asked;
  try {
    const fs = statfsSync("/dev/shm");
    if (fs.type === TMPFS_MAGIC && fs.bavail * fs.bsize >= 4 * 2 ** 30) return join("/dev/shm", "gekkan-bench");
  } catch { /* no /dev/shm: the disk it is */ }
  return join(BENCH, ".work");
}

const TMPFS_MAGIC = 0x01021994;

/** The tools this run has: gekkan's build flags, GNU time, Eleventy and Hugo (installed if missing). */
function toolsOf(args, runGekkan, addNote) {
  // which build flags this gekkan has (the CLI is developed in parallel with the bench)
  const gekkanFlags = new Set();
  if (runGekkan) {
    const h = spawnSync(process.execPath, [GEKKAN_BIN, "build", "--help"], { cwd: ROOT, encoding: "utf8" });
    for (const m of `${h.stdout}\n${h.stderr}`.matchAll(/--[a-z][a-z-]*/g)) gekkanFlags.add(m[0]);
    if (!gekkanFlags.has("--no-cache")) addNote("`gekkan build --help` lists no `--no-cache`: \"cold\" is a plain build after deleting `DIR/.gekkan` and the output; if gekkan keeps no cache, warm and one-changed measure the same full build.");
  }

  const useGnuTime = existsSync(GNU_TIME) && spawnSync(GNU_TIME, ["-f", "%e %M", "true"]).status === 0;
  const rssMethod = useGnuTime
    ? "GNU time (`/usr/bin/time -f '%e %M'`): max RSS of the largest single process in the child's tree (getrusage of waited-for children)"
    : "/proc sampling every 100 ms (GNU time not found: `apt-get install time`): max over samples of the summed RSS of the child's process tree";
  log(`peak RSS via ${useGnuTime ? "/usr/bin/time -f '%e %M'" : "/proc sampling (install Debian package `time` for /usr/bin/time)"}`);

  const eleventyOk = ensurePeers();
  let eleventyVersion = null;
  if (eleventyOk) eleventyVersion = JSON.parse(readFileSync(join(PEERS, "node_modules", "@11ty", "eleventy", "package.json"), "utf8")).version;

  let hugoPath = null;
  let hugoVersion = null;
  if (args.skipHugo) addNote("Hugo skipped (--skip-hugo).");
  else {
    hugoPath = onPath("hugo") ?? installHugo(addNote);
    if (hugoPath) hugoVersion = spawnSync(hugoPath, ["version"], { encoding: "utf8" }).stdout.trim();
  }

  return { gekkanFlags, useGnuTime, rssMethod, eleventyOk, eleventyVersion, hugoPath, hugoVersion };
}

/** One corpus: its rounds of builds, the ratios, the stage profile and the dev loop. */
async function benchCorpus(n, env) {
  const { args, runGekkan, useGnuTime, hugoPath, gekkanFlags, eleventyOk } = env;
  let anyFailure = false;
  log(`\n=== ${n} issues ===`);
  const corpusDir = join(WORK, `corpus-${n}`);
  const manifest = ensureCorpus({ issues: n, out: corpusDir, seed: args.seed, log });
  if (manifest.reused) log(`corpus: reusing ${relative(ROOT, corpusDir)} (${manifest.issues} issues, sha256 ${manifest.sha256.slice(0, 12)}${manifest.repaired ? `, ${manifest.repaired} edited file(s) restored` : ""})`);

  // the issue that "one issue changed" and the dev loop edit: the middle one
  const mid = Math.ceil(n / 2);
  const editTarget = findIssue(corpusDir, mid);
  let originalText = readFileSync(editTarget, "utf8");
  const lastIssuePath = lastOriginal(corpusDir, n);
  const newIssuePath = join(dirname(lastIssuePath), `monthly-${n + 1}.md`);
  rmSync(newIssuePath, { force: true });
  let editNo = 0;
  let addNo = 0;
  const ctx = {
    corpusDir, n, useGnuTime, hugoPath, editTarget, gekkanFlags,
    editIssue() { editNo++; writeFileSync(editTarget, `${originalText}\nBench edit ${editNo}: one issue changed.\n`); },
    restoreIssue() { writeFileSync(editTarget, originalText); },
    // The monthly build: issue n+1, dated after every other, written like the last one.
    addIssue() { addNo++; writeFileSync(newIssuePath, nextIssueText(lastIssuePath, `${process.pid}-${addNo}`)); },
    removeNewIssue() { rmSync(newIssuePath, { force: true }); },
  };
  const tools = makeTools(ctx);
  const chain = runGekkan ? ["gekkanCold", "gekkanWarm", "gekkanOne", "gekkanNew", "gekkanCi", ...(gekkanFlags.has("--no-search") ? ["gekkanColdNoSearch"] : [])] : [];
  const peers = [...(eleventyOk ? ["eleventy"] : []), ...(hugoPath ? ["hugo"] : []), ...(runGekkan ? ["bareParse"] : [])];
  const { rows, failed: roundsFailed } = await runRounds(args, tools, chain, peers);
  // The last checkout is the size of the site and its cache, and may be in memory (see workFolder).
  for (const name of readdirSync(WORK)) if (name.startsWith("ci-checkout-")) rmSync(join(WORK, name), { recursive: true, force: true });
  anyFailure ||= roundsFailed;
  const order = ["gekkanCold", "gekkanWarm", "gekkanOne", "gekkanNew", "gekkanCi", "gekkanColdNoSearch", "eleventy", "hugo", "bareParse"];
  const summary = summarize(rows, order);
  log("\n" + table(summary));

  const ratios = targetRatios(summary);
  for (const r of ratios) log(`  ${r.what}: ${r.value == null ? "–" : r.value.toFixed(2) + "×"} (target ${r.target})`);
  const profile = runGekkan && !args.onlyDev ? stageProfile(corpusDir, n) : null;
  if (profile?.ok) log(`  stages (cold, no cache, in-process): ${profile.stages.map((s) => `${s.stage} ${s.perIssue.toFixed(2)} ms/issue`).join(", ")}`);

  let dev = null;
  if (runGekkan && args.dev) {
    log(`\ndev loop: gekkan dev on ${n} issues, ${args.devEdits} edits of ${relative(corpusDir, editTarget)}`);
    dev = await devLoop(ctx, args.devEdits);
    if (dev.error) { anyFailure = true; log(`  dev loop FAILED: ${dev.error}`); }
    else log(`  startup ${dev.startupS.toFixed(2)} s; save→reload p50 ${f0(percentile(dev.latenciesMs, 50))} ms, p95 ${f0(percentile(dev.latenciesMs, 95))} ms (${dev.latenciesMs.length} events, ${dev.timeouts} timeouts)`);
  }
  return { section: { n, manifest, summary, rows, dev, ratios, profile, editTarget: relative(corpusDir, editTarget) }, failed: anyFailure };
}


/** The rounds of one corpus: the gekkan chain and the peers interleaved, the order alternating by round. */
async function runRounds(args, tools, chain, peers) {
  const rows = [];
  let anyFailure = false;
  for (let round = 0; round < (args.onlyDev ? 0 : args.runs); round++) {
    const p = peers.length ? [...peers.slice(round % peers.length), ...peers.slice(0, round % peers.length)] : [];
    // interleave: gekkan step, peer, gekkan step, peer, ... ; who goes first alternates per round
    const seq = [];
    const a = round % 2 === 0 ? chain : p;
    const b = round % 2 === 0 ? p : chain;
    for (let i = 0; i < Math.max(a.length, b.length); i++) { if (a[i]) seq.push(a[i]); if (b[i]) seq.push(b[i]); }
    let chainBroken = false;
    for (const key of seq) {
      const t = tools[key];
      if (chainBroken && key.startsWith("gekkan")) continue;
      t.prepare();
      const r = await t.run();
      t.after?.();
      const html = r.ok && t.out ? countHtml(t.out) : null;
      rows.push({ key, label: t.label, round, ...r, html });
      if (!r.ok) {
        anyFailure = true;
        if (key.startsWith("gekkan")) chainBroken = true;
        log(`  [round ${round + 1}] ${t.label}: FAILED (exit ${r.code}) after ${r.wallS.toFixed(2)} s\n${r.stderrTail.replace(/^/gm, "    | ")}`);
        continue;
      }
      const warn = t.expectHtml && html !== t.expectHtml ? `  (expected ${t.expectHtml} HTML files!)` : "";
      log(`  [round ${round + 1}] ${t.label.padEnd(30)} ${r.wallS.toFixed(2).padStart(7)} s  ${r.peakRssMiB.toFixed(0).padStart(5)} MiB  html=${html}${warn}`);
    }
  }
  return { rows, failed: anyFailure };
}

/** The results file, as lines of Markdown. */
function resultLines({ args, runGekkan, rssMethod, eleventyVersion, hugoVersion, machine, notes, sections }) {
  const date = new Date().toISOString();
  const md = [];
  md.push("# gekkan benchmark: latest results", "");
  md.push(`Written by \`bench/run.mjs\` on ${date.slice(0, 10)} (${date}).`, "");
  md.push(`Command: \`node bench/run.mjs ${process.argv.slice(2).join(" ")}\``, "");
  md.push("## Machine", "");
  md.push(`- nproc: ${machine.nproc}`, `- CPU: ${machine.cpuModel}`, `- memory: ${machine.memGiB} GiB`, `- OS: ${machine.os}`, `- Node: ${machine.node}`,
    `- load average (1/5/15 min) at start: ${machine.load}; at end: ${loadavg()} (other work on the machine inflates and scatters the timings)`);
  md.push(`- gekkan: ${runGekkan ? (process.env.GEKKAN_BENCH_BIN ? `stand-in ${GEKKAN_BIN} (GEKKAN_BENCH_BIN)` : `bin/gekkan.js (lib/bundle/) at ${gitDescribe()}`) : "not run"}`);
  md.push(`- Eleventy: ${eleventyVersion ?? "not run"}`, `- Hugo: ${hugoVersion ?? "not run"}`);
  md.push(`- Work folder (corpora, caches, every tool's output): \`${WORK}\`${WORK.startsWith("/dev/shm/") ? " (in memory: the disk's cost of creating files is left out for every tool)" : ""}`, "");
  md.push("## Method", "");
  md.push(`- Wall time: monotonic clock around each child process (spawn to exit). Peak RSS: ${rssMethod}. The "tree RSS sum" column samples /proc every 100 ms and sums RSS over the whole child tree (it can miss short peaks).`);
  md.push(`- ${args.runs} rounds per corpus; each round interleaves the gekkan chain (cold → warm → one issue changed) with the peers, the order alternating between rounds. Reported: median/min/max wall over rounds, max peak RSS over rounds; ratio = scenario median / Eleventy cold median (below 1 is faster than Eleventy).`);
  md.push("- gekkan cold: `gekkan build --no-cache --quiet` (`--no-cache` only if the CLI has it) after deleting `DIR/.gekkan` and the output dir; gekkan's full build also writes feeds, archive/component pages, sitemap and a Pagefind search index, which the peers do not, so a `--no-search` cold row is added when the CLI has that flag. Warm: same command without `--no-cache`, nothing changed, after one untimed cached build (the cold run's `--no-cache` leaves no cache to be warm from). One issue changed: the middle issue's body gets one appended line, then a warm build (restored afterwards).");
  md.push("- Eleventy cold: `eleventy --config=bench/peers/eleventy.config.mjs --quiet` into an emptied output dir; same `.md` files as input, Liquid layouts (issue page + index of all issues), markdown not pre-processed as Liquid. Hugo cold: `hugo --quiet --ignoreCache` into an emptied dir; site from `bench/corpus.mjs` (`contentDir = \"../content\"`, same files), Go-template layouts equivalent to the Liquid ones, taxonomies/RSS/sitemap disabled.");
  md.push("- Neither peer understands `:::` directives (rendered as plain paragraphs). Hugo highlights the ```sh block (Chroma, default); Eleventy does not highlight without a plugin.");
  md.push("- One new issue (the monthly build): after an untimed warm build, issue n+1 (written like issue n, dated a week later, its title and body marked with the round so no round finds its pages cached by an earlier one) is added and a warm build is timed; the file is removed afterwards. The monthly build as CI runs it: the same, but built in a fresh copy of the corpus (new files, as a checkout writes them) holding only a copy of `.gekkan/cache` with its times kept (as actions/cache restores it) and no output folder, as the Pages workflow builds on a new runner: every file of the site is written, and files in public/ are read, again. Bare parse: `node bench/bare-parse.mjs` parses every body with remark-parse + remark-gfm + gekkan's container directives to mdast in one thread, nothing else; it runs in the same rounds as the peers.");
  md.push("- Dev loop: `gekkan dev` on the same corpus; after the first page is served and 1.5 s of SSE silence, one issue is rewritten N times; latency = file write → the `reload` event naming the edited page received on `/__gekkan/events` (the catch-up reload that follows names only feeds and data files, and is timed separately); 250 ms pause between edits. p50/p95 are nearest-rank.", "");
  if (notes.length) { md.push("## Notes", ""); for (const x of notes) md.push(`- ${x}`); md.push(""); }
  const floor = monthlyFloor(sections);
  if (floor) {
    md.push("## The monthly build's fixed part", "");
    md.push(`The monthly build at ${floor.small} files (${f2(floor.monthly)} s) against Eleventy cold at ${floor.large} files (${f2(floor.eleventy)} s): **${floor.ratio.toFixed(2)}×**. A monthly build whose work did not grow with the site would take about what the small one takes, so this is the floor under the ${floor.large}-file ratio "1 new issue, warm / Eleventy cold" (medians of this run; the two corpora run one after the other, not interleaved).`, "");
  }
  for (const s of sections) {
    md.push(`## ${s.n} issues`, "");
    md.push(`Corpus: ${s.manifest.issues} files, ${(s.manifest.bytes / 1048576).toFixed(1)} MiB (avg ${s.manifest.avgBytes} B/issue), seed ${s.manifest.seed}, sha256 \`${s.manifest.sha256.slice(0, 16)}\`.`, "");
    md.push(table(s.summary), "");
    if (s.ratios.length) {
      md.push("| ratio (medians of this run) | value | target |", "| --- | ---: | --- |");
      for (const r of s.ratios) md.push(`| ${r.what} | ${r.value == null ? "–" : r.value.toFixed(2) + "×"} | ${r.target} |`);
      md.push("");
    }
    if (s.profile?.ok) {
      md.push("Where a cold build's time goes (`gekkan build --no-cache --timings --threads 1`, one run, ms per issue):", "");
      md.push("| stage | ms per issue | total ms |", "| --- | ---: | ---: |");
      for (const st of s.profile.stages) md.push(`| ${st.stage} | ${st.perIssue.toFixed(2)} | ${st.ms} |`);
      md.push("");
    }
    if (s.dev) {
      if (s.dev.error) md.push(`Dev loop: failed: ${s.dev.error.split("\n")[0]}`, "");
      else {
        const L = s.dev.latenciesMs;
        md.push(`Dev loop (${L.length} edits of \`${s.editTarget}\`${s.dev.timeouts ? `, ${s.dev.timeouts} without a reload within 30 s` : ""}): save→reload p50 **${f0(percentile(L, 50))} ms**, p95 **${f0(percentile(L, 95))} ms** (min ${f0(Math.min(...L))}, max ${f0(Math.max(...L))}); dev server ready after ${f2(s.dev.startupS)} s; after the last edit, the full catch-up rebuild (feeds, lists, data files; it starts after 1 s without edits) ${s.dev.catchUpS === null ? "was not seen" : `took ${f0(s.dev.catchUpRebuildMs)} ms and was done ${f2(s.dev.catchUpS)} s after the last reload`}.`, "");
      }
    }
    md.push("<details><summary>Runs in execution order</summary>", "");
    md.push("| round | scenario | wall (s) | peak RSS (MiB) | tree sum (MiB) | exit |", "| ---: | --- | ---: | ---: | ---: | ---: |");
    for (const r of s.rows) md.push(`| ${r.round + 1} | ${r.label} | ${f2(r.wallS)} | ${f0(r.peakRssMiB)} | ${f0(r.treeSumMiB)} | ${r.code} |`);
    md.push("", "</details>", "");
  }
  return md;
}

process.exitCode = await main();
