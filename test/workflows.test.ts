/**
 * Static checks on the GitHub Actions workflows (.github/workflows/*.yml).
 *
 * - schema validation with @action-validator/core (plus a negative case
 *   proving the validator really rejects a broken workflow);
 * - triggers, least-privilege permissions, Pages concurrency, job graph;
 * - every `run:` step only invokes npm scripts or scripts that exist in the
 *   repository, so what CI does can be reproduced locally;
 * - every `uses:` is pinned to a major version tag or a full commit SHA.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { validateWorkflow, type ValidationError } from "@action-validator/core";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const workflowDir = join(repoRoot, ".github", "workflows");

// ---------------------------------------------------------------------------
// Narrowing helpers (the YAML parser returns `unknown`).

type Obj = Record<string, unknown>;

function isObj(value: unknown): value is Obj {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function obj(value: unknown, what: string): Obj {
  if (!isObj(value)) throw new Error(`${what}: expected a mapping, got ${JSON.stringify(value)}`);
  return value;
}

function arr(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`${what}: expected a sequence, got ${JSON.stringify(value)}`);
  return value;
}

function str(value: unknown, what: string): string {
  if (typeof value !== "string") throw new Error(`${what}: expected a string, got ${JSON.stringify(value)}`);
  return value;
}

function optStr(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** `needs:` may be a string or a list of strings. */
function stringList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (typeof value === "string") return [value];
  return arr(value, "list").map((v, i) => str(v, `list[${i}]`));
}

interface Step {
  readonly index: number;
  readonly id: string | undefined;
  readonly name: string | undefined;
  readonly uses: string | undefined;
  readonly run: string | undefined;
  readonly with: Obj;
  readonly env: Obj;
}

interface Job {
  readonly id: string;
  readonly raw: Obj;
  readonly steps: Step[];
}

interface Workflow {
  readonly file: string;
  readonly source: string;
  readonly doc: Obj;
  readonly on: Obj;
  readonly jobs: Job[];
}

function toStep(value: unknown, index: number, where: string): Step {
  const s = obj(value, `${where} step ${index}`);
  return {
    index,
    id: optStr(s["id"]),
    name: optStr(s["name"]),
    uses: optStr(s["uses"]),
    run: optStr(s["run"]),
    with: s["with"] === undefined ? {} : obj(s["with"], `${where} step ${index} with`),
    env: s["env"] === undefined ? {} : obj(s["env"], `${where} step ${index} env`),
  };
}

function loadWorkflow(file: string): Workflow {
  const source = readFileSync(join(workflowDir, file), "utf8");
  // The `yaml` package defaults to YAML 1.2, where `on` is a plain string key
  // (YAML 1.1 parsers would turn it into `true`).
  const doc = obj(parse(source), file);
  const rawOn = doc["on"];
  // `on: push` and `on: [push, pull_request]` are legal too; normalise to a map.
  const on: Obj =
    typeof rawOn === "string"
      ? { [rawOn]: null }
      : Array.isArray(rawOn)
        ? Object.fromEntries(rawOn.map((e, i) => [str(e, `${file} on[${i}]`), null]))
        : obj(rawOn, `${file} on`);
  const jobs = Object.entries(obj(doc["jobs"], `${file} jobs`)).map(([id, raw]): Job => {
    const job = obj(raw, `${file} jobs.${id}`);
    const steps = arr(job["steps"], `${file} jobs.${id}.steps`).map((s, i) => toStep(s, i, `${file} jobs.${id}`));
    return { id, raw: job, steps };
  });
  return { file, source, doc, on, jobs };
}

function jobUsing(wf: Workflow, action: string): Job {
  const found = wf.jobs.filter((j) => j.steps.some((s) => actionName(s.uses) === action));
  expect(found.map((j) => j.id), `${wf.file}: exactly one job uses ${action}`).toHaveLength(1);
  const [job] = found;
  if (!job) throw new Error("unreachable");
  return job;
}

function stepUsing(job: Job, action: string): Step {
  const step = job.steps.find((s) => actionName(s.uses) === action);
  if (!step) throw new Error(`job ${job.id} has no step using ${action}`);
  return step;
}

/** "actions/checkout@v4" -> "actions/checkout". */
function actionName(uses: string | undefined): string | undefined {
  return uses?.split("@")[0];
}

function describeErrors(errors: readonly ValidationError[]): string {
  return JSON.stringify(errors, null, 2);
}

// ---------------------------------------------------------------------------
// Cron validation (GitHub Actions uses POSIX 5-field cron, in UTC).

const CRON_FIELDS: ReadonlyArray<{ name: string; min: number; max: number; names?: readonly string[] }> = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12, names: ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"] },
  { name: "day of week", min: 0, max: 6, names: ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"] },
];

/** Returns a list of problems; empty means the expression is valid. */
function cronProblems(expr: string): string[] {
  const fields = expr.trim().split(/\s+/);
  if (fields.length !== 5) return [`expected 5 fields, got ${fields.length}`];
  const problems: string[] = [];
  fields.forEach((field, i) => {
    const spec = CRON_FIELDS[i];
    if (!spec) return;
    const value = (token: string): number | undefined => {
      if (/^\d+$/.test(token)) return Number(token);
      const named = spec.names?.indexOf(token.toUpperCase()) ?? -1;
      return named >= 0 ? named + (spec.min === 1 ? 1 : 0) : undefined;
    };
    for (const part of field.split(",")) {
      const m = /^(\*|[^-/]+(?:-[^-/]+)?)(?:\/(\d+))?$/.exec(part);
      if (!m || m[1] === undefined) {
        problems.push(`${spec.name}: bad syntax "${part}"`);
        continue;
      }
      if (m[2] !== undefined && Number(m[2]) < 1) problems.push(`${spec.name}: step must be >= 1 in "${part}"`);
      if (m[1] === "*") continue;
      const bounds = m[1].split("-").map(value);
      for (const b of bounds) {
        if (b === undefined || b < spec.min || b > spec.max) {
          problems.push(`${spec.name}: "${part}" out of range ${spec.min}-${spec.max}`);
        }
      }
      const [lo, hi] = bounds;
      if (lo !== undefined && hi !== undefined && lo > hi) problems.push(`${spec.name}: empty range "${part}"`);
    }
  });
  return problems;
}

describe("cron validator used by these tests", () => {
  it("accepts valid and rejects invalid expressions", () => {
    for (const ok of ["17 0 * * *", "*/15 * * * *", "0 6 1-31/2 JAN-DEC MON-FRI", "0,30 3 * * 0"]) {
      expect(cronProblems(ok), ok).toEqual([]);
    }
    for (const bad of ["17 0 * *", "60 0 * * *", "0 24 * * *", "0 0 0 * *", "0 0 * 13 *", "0 0 * * 7-1", "@daily", "a b c d e"]) {
      expect(cronProblems(bad), bad).not.toEqual([]);
    }
  });
});

// ---------------------------------------------------------------------------

const ci = loadWorkflow("ci.yml");
const pages = loadWorkflow("pages.yml");
const workflows: readonly Workflow[] = [ci, pages];

const packageJson = obj(JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")), "package.json");
const npmScripts = new Set(Object.keys(obj(packageJson["scripts"], "package.json scripts")));

describe("schema validation (@action-validator/core)", () => {
  it.each(workflows.map((w) => [w.file, w] as const))("%s is a valid workflow", (_file, wf) => {
    const state = validateWorkflow(wf.source);
    expect(state.actionType).toBe("workflow");
    expect(state.errors, describeErrors(state.errors)).toEqual([]);
  });

  it("rejects a workflow whose job has an unknown key (the validator is really checking)", () => {
    const broken = obj(parse(ci.source), "ci.yml copy");
    const jobs = obj(broken["jobs"], "jobs");
    const firstJob = Object.keys(jobs)[0];
    if (firstJob === undefined) throw new Error("ci.yml has no jobs");
    jobs[firstJob] = { ...obj(jobs[firstJob], firstJob), "runs-onn": "ubuntu-latest" };
    const state = validateWorkflow(stringify(broken));
    expect(state.errors.length).toBeGreaterThan(0);
    expect(JSON.stringify(state.errors)).toContain("runs-onn");
  });

  it("rejects a workflow with a bad permission value and one that is not YAML", () => {
    const badPermission = validateWorkflow(pages.source.replace("contents: read", "contents: admin"));
    expect(badPermission.errors.length).toBeGreaterThan(0);
    const notYaml = validateWorkflow("on: push\njobs: [\n");
    expect(notYaml.errors.map((e) => e.code)).toContain("parse_error");
  });
});

describe("triggers", () => {
  it("ci.yml runs on every pull request and on pushes to all branches", () => {
    expect(Object.keys(ci.on).sort()).toEqual(["pull_request", "push"]);
    // No branch/path filters: all branches, all changes.
    for (const event of ["pull_request", "push"]) {
      const cfg = ci.on[event];
      if (cfg !== null && cfg !== undefined) {
        const filters = obj(cfg, `ci.yml on.${event}`);
        for (const key of ["branches", "branches-ignore", "paths", "paths-ignore", "tags"]) {
          expect(filters[key], `ci.yml on.${event}.${key}`).toBeUndefined();
        }
      }
    }
  });

  it("pages.yml runs on push to main, daily on a schedule, and on demand", () => {
    expect(Object.keys(pages.on).sort()).toEqual(["push", "schedule", "workflow_dispatch"]);
    const push = obj(pages.on["push"], "pages.yml on.push");
    expect(stringList(push["branches"])).toEqual(["main"]);
    expect(pages.on).toHaveProperty("workflow_dispatch");
  });

  it("pages.yml schedule has a valid 5-field cron that fires every day", () => {
    const schedule = arr(pages.on["schedule"], "pages.yml on.schedule");
    expect(schedule.length).toBeGreaterThan(0);
    const crons = schedule.map((entry, i) => str(obj(entry, `schedule[${i}]`)["cron"], `schedule[${i}].cron`));
    for (const cron of crons) expect(cronProblems(cron), cron).toEqual([]);
    // Future-dated issues must appear on their day: at least one entry runs on
    // every day of every month (fixed minute and hour, wildcard date fields).
    const daily = crons.some((c) => {
      const [minute, hour, dom, month, dow] = c.trim().split(/\s+/);
      return /^\d+$/.test(minute ?? "") && /^\d+$/.test(hour ?? "") && dom === "*" && month === "*" && dow === "*";
    });
    expect(daily, `daily cron among ${JSON.stringify(crons)}`).toBe(true);
  });
});

describe("permissions (least privilege)", () => {
  const ALLOWED_LEVELS = new Set(["read", "write", "none"]);

  function permissionsOf(value: unknown, where: string): Obj {
    // The string shorthands (read-all / write-all) are too broad for us.
    const perms = obj(value, `${where} permissions`);
    for (const [scope, level] of Object.entries(perms)) {
      expect(ALLOWED_LEVELS.has(str(level, `${where} ${scope}`)), `${where} ${scope}: ${String(level)}`).toBe(true);
    }
    return perms;
  }

  it.each(workflows.map((w) => [w.file, w] as const))("%s: top-level permissions are read-only contents", (_f, wf) => {
    expect(permissionsOf(wf.doc["permissions"], `${wf.file} top-level`)).toEqual({ contents: "read" });
  });

  it("ci.yml never grants write access", () => {
    for (const job of ci.jobs) {
      const effective = job.raw["permissions"] === undefined ? ci.doc["permissions"] : job.raw["permissions"];
      const perms = permissionsOf(effective, `ci.yml ${job.id}`);
      expect(Object.values(perms), `ci.yml ${job.id}`).not.toContain("write");
    }
  });

  it("pages.yml: only the deploy job can write, and only pages + id-token", () => {
    const deploy = jobUsing(pages, "actions/deploy-pages");
    for (const job of pages.jobs) {
      const effective = job.raw["permissions"] === undefined ? pages.doc["permissions"] : job.raw["permissions"];
      const perms = permissionsOf(effective, `pages.yml ${job.id}`);
      const writes = Object.entries(perms)
        .filter(([, level]) => level === "write")
        .map(([scope]) => scope)
        .sort();
      if (job.id === deploy.id) {
        expect(writes, `pages.yml ${job.id}`).toEqual(["id-token", "pages"]);
        // Deploying needs nothing else at all.
        expect(Object.keys(perms).sort()).toEqual(["id-token", "pages"]);
      } else {
        expect(writes, `pages.yml ${job.id} must not write`).toEqual([]);
      }
    }
  });
});

describe("pages.yml job graph", () => {
  const build = jobUsing(pages, "actions/upload-pages-artifact");
  const deploy = jobUsing(pages, "actions/deploy-pages");

  it("deployments are serialised and never cancelled mid-way", () => {
    expect(pages.doc["concurrency"]).toEqual({ group: "pages", "cancel-in-progress": false });
  });

  it("deploy job needs the build job and deploys to the github-pages environment", () => {
    expect(deploy.id).not.toBe(build.id);
    expect(stringList(deploy.raw["needs"])).toContain(build.id);
    const env = obj(deploy.raw["environment"], "deploy environment");
    expect(env["name"]).toBe("github-pages");
    const deployStep = stepUsing(deploy, "actions/deploy-pages");
    expect(deployStep.id, "deploy-pages step needs an id for the url output").toBeDefined();
    expect(String(env["url"]).replace(/\s+/g, "")).toBe(`\${{steps.${deployStep.id}.outputs.page_url}}`);
  });

  it("build job configures Pages, builds with its base_path, and uploads dist", () => {
    const configure = stepUsing(build, "actions/configure-pages");
    expect(configure.id).toBe("pages");
    const basePathRef = new RegExp(String.raw`\$\{\{\s*steps\.${configure.id}\.outputs\.base_path\s*\}\}`);

    const buildStep = build.steps.find(
      (s) => basePathRef.test(s.run ?? "") || Object.values(s.env).some((v) => basePathRef.test(String(v))),
    );
    if (!buildStep) throw new Error("no step consumes steps.pages.outputs.base_path");
    expect(buildStep.index).toBeGreaterThan(configure.index);
    expect(buildStep.run ?? "").toMatch(/scripts\/ci-build\.sh/);

    const upload = stepUsing(build, "actions/upload-pages-artifact");
    expect(upload.index).toBeGreaterThan(buildStep.index);
    expect(String(upload.with["path"]).replace(/\/$/, "")).toBe("dist");
    // gekkan publishes public/.well-known/ (README); the action drops dot-names unless told.
    expect(upload.with["include-hidden-files"]).toBe(true);
  });

  // Why a key of its own for every run: test/pages-cache-key.test.ts.
  it("build job saves the render cache under a key of each run's own and restores the newest", () => {
    const cache = stepUsing(build, "actions/cache");
    expect(cache.with["path"]).toBe(".gekkan/cache");
    const key = str(cache.with["key"], "cache key");
    expect(key).toMatch(/\$\{\{\s*github\.run_id\s*\}\}/);
    expect(key).toMatch(/\$\{\{\s*github\.run_attempt\s*\}\}/);
    const buildStep = build.steps.find((s) => (s.run ?? "").includes("scripts/ci-build.sh"));
    expect(buildStep && cache.index < buildStep.index, "cache restored before building").toBe(true);
  });
});

describe("ci.yml steps", () => {
  const job = jobUsing(ci, "actions/upload-artifact");
  const runs = job.steps.map((s) => s.run?.trim()).filter((r): r is string => r !== undefined);

  it("installs, tests, checks and builds in that order", () => {
    const order = ["npm ci", "npm test", "npm run check", "npm run build"];
    const positions = order.map((cmd) => runs.indexOf(cmd));
    expect(positions, JSON.stringify(runs)).not.toContain(-1);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("uploads dist/ as an artifact for reviewers, after building", () => {
    const upload = stepUsing(job, "actions/upload-artifact");
    expect(String(upload.with["path"]).replace(/\/$/, "")).toBe("dist");
    expect(upload.with["include-hidden-files"]).toBe(true);
    const buildIndex = job.steps.findIndex((s) => s.run?.trim() === "npm run build");
    expect(upload.index).toBeGreaterThan(buildIndex);
  });
});

describe("all workflows", () => {
  const allSteps = workflows.flatMap((wf) => wf.jobs.flatMap((job) => job.steps.map((step) => ({ wf, job, step }))));

  it("use Node 20 with the npm cache, and install with npm ci", () => {
    for (const wf of workflows) {
      for (const job of wf.jobs) {
        if (!job.steps.some((s) => s.run !== undefined)) continue; // e.g. deploy-only job
        const setup = stepUsing(job, "actions/setup-node");
        expect(String(setup.with["node-version"]), `${wf.file} ${job.id}`).toBe("20");
        expect(setup.with["cache"], `${wf.file} ${job.id}`).toBe("npm");
        expect(job.steps.some((s) => s.run?.trim() === "npm ci"), `${wf.file} ${job.id} npm ci`).toBe(true);
        const checkout = stepUsing(job, "actions/checkout");
        expect(checkout.index).toBeLessThan(setup.index);
      }
    }
  });

  it("every uses: is pinned to a major version tag or a full commit SHA", () => {
    const pinned = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+(\/[^@\s]+)?@(v\d+(\.\d+){0,2}|[0-9a-f]{40})$/;
    const uses = allSteps.filter(({ step }) => step.uses !== undefined);
    expect(uses.length).toBeGreaterThan(0);
    for (const { wf, job, step } of uses) {
      expect(step.uses, `${wf.file} ${job.id} step ${step.index}`).toMatch(pinned);
    }
  });

  it("every run: step only calls npm scripts or scripts that exist in the repo", () => {
    const commands = allSteps.flatMap(({ wf, job, step }) =>
      (step.run ?? "")
        .split(/\n|&&|\|\||;/)
        .map((c) => c.trim())
        .filter((c) => c !== "" && !c.startsWith("#"))
        .map((command) => ({ where: `${wf.file} ${job.id} step ${step.index}`, command })),
    );
    expect(commands.length).toBeGreaterThan(0);
    for (const { where, command } of commands) {
      expect(command, `${where}: no pipes or redirections`).not.toMatch(/[|<>`]|\$\(/);
      // Expressions are passed through env:, never spliced into shell code.
      expect(command, `${where}: no \${{ }} in run`).not.toContain("${{");
      const words = command.split(/\s+/);
      const [first, second, third] = words;
      if (first === "npm") {
        if (second === "ci" || second === "install") continue;
        const script = second === "run" || second === "run-script" ? third : second;
        expect(npmScripts.has(script ?? ""), `${where}: npm script "${script}" exists in package.json`).toBe(true);
        continue;
      }
      const path = first === "bash" || first === "sh" || first === "node" ? second : first;
      const rel = (path ?? "").replace(/^\.\//, "");
      expect(rel, `${where}: "${command}" must be npm or a repo script`).toMatch(/^scripts\//);
      expect(existsSync(join(repoRoot, rel)), `${where}: ${rel} exists`).toBe(true);
    }
  });
});
