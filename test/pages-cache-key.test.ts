/**
 * The Pages workflow's render cache, as actions/cache keeps it: a cache is
 * saved only under a key that has no cache yet (GitHub: "You cannot change
 * the contents of an existing cache"), so a run whose key was an exact hit
 * throws away the cache its build wrote. Whenever a build changes
 * .gekkan/cache, the next run must therefore restore it: its key must be new.
 *
 * The oracle is the real build (bin/gekkan.js on a copy of the sample site,
 * in a folder with a space and Japanese in its name): did the cache's bytes
 * change? The key is evaluated from pages.yml as the runner would, with
 * hashFiles over the files its patterns name.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { copySite } from "./helpers/site-copy.js";
import { ensureCompiled, REPO, runCli } from "./helpers/run-cli.js";
import type { TempDir } from "./helpers/temp-site.js";

interface CacheStep {
  path: string;
  key: string;
  restoreKeys: string[];
}

/** The `actions/cache` step of pages.yml's jobs (there is one). */
function cacheStep(): CacheStep {
  const doc = parse(readFileSync(join(REPO, ".github", "workflows", "pages.yml"), "utf8")) as { jobs: Record<string, { steps: Array<{ uses?: string; with?: Record<string, string> }> }> };
  const steps = Object.values(doc.jobs).flatMap((job) => job.steps).filter((step) => step.uses?.startsWith("actions/cache@") === true);
  expect(steps).toHaveLength(1);
  const inputs = steps[0]?.with ?? {};
  return { path: String(inputs["path"]), key: String(inputs["key"]), restoreKeys: String(inputs["restore-keys"] ?? "").split("\n").map((line) => line.trim()).filter((line) => line !== "") };
}

/** One workflow run, as the expressions in a key see it. */
interface Run {
  id: string;
  attempt: string;
}

/** Every file under `dir`, relative to `root`, in a fixed order. */
function filesUnder(root: string, dir: string): string[] {
  if (!existsSync(join(root, dir))) return [];
  return readdirSync(join(root, dir), { recursive: true, encoding: "utf8" }).map((name) => join(dir, name)).filter((path) => statSync(join(root, path)).isFile()).sort();
}

/** hashFiles() as documented: one digest over the files the patterns match; only the forms a key here uses (`dir/**`, a file). */
function hashFiles(root: string, patterns: string[]): string {
  const hash = createHash("sha256");
  for (const pattern of patterns) {
    if (/[*?[]/.test(pattern.replace(/\/\*\*$/, ""))) throw new Error(`this test does not evaluate the pattern ${pattern}`);
    const files = pattern.endsWith("/**") ? filesUnder(root, pattern.slice(0, -3)) : existsSync(join(root, pattern)) ? [pattern] : [];
    for (const file of files) hash.update(createHash("sha256").update(readFileSync(join(root, file))).digest());
  }
  return hash.digest("hex");
}

/** A key with its `${{ }}` expressions evaluated for `run` in the checkout at `root`; an expression not known here fails the test. */
function evaluate(template: string, root: string, run: Run): string {
  return template.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_whole, expression: string) => {
    if (expression === "runner.os") return "Linux";
    if (expression === "github.run_id") return run.id;
    if (expression === "github.run_attempt") return run.attempt;
    const call = /^hashFiles\((.*)\)$/.exec(expression);
    if (call?.[1] !== undefined) return hashFiles(root, [...call[1].matchAll(/'([^']*)'/g)].map((m) => m[1] ?? ""));
    throw new Error(`this test does not evaluate \${{ ${expression} }}`);
  });
}

/** The cache folder's files and bytes, as one digest. */
function cacheDigest(dir: string): string {
  const hash = createHash("sha256");
  for (const file of filesUnder(dir, ".")) hash.update(file).update("\0").update(readFileSync(join(dir, file))).update("\0");
  return hash.digest("hex");
}

/** Seconds since 1970 at the start of a UTC day. */
function epoch(day: string): string {
  return String(Date.parse(`${day}T00:17:00Z`) / 1000);
}

describe("pages.yml: the render cache a build changed is the one the next run restores", () => {
  const step = cacheStep();
  let site: TempDir;
  beforeAll(async () => {
    ensureCompiled();
    site = await copySite();
  }, 120_000);
  afterAll(() => site.remove());

  async function build(day: string): Promise<string> {
    const run = await runCli(["build", "--quiet"], { cwd: site.path, env: { SOURCE_DATE_EPOCH: epoch(day) }, deadlineMs: 110_000 });
    expect(run.code, run.stderr).toBe(0);
    return cacheDigest(join(site.path, step.path));
  }

  it("every key can be restored by the next run through restore-keys", () => {
    const key = evaluate(step.key, site.path, { id: "1", attempt: "1" });
    expect(step.restoreKeys.some((prefix) => key.startsWith(evaluate(prefix, site.path, { id: "2", attempt: "1" })))).toBe(true);
  });

  it(
    "the scheduled run on the day a future-dated issue appears, and a run after the config changed, save the cache they changed",
    async () => {
      const before = await build("2011-04-15");
      const firstKey = evaluate(step.key, site.path, { id: "101", attempt: "1" });
      // The daily run on 2011-05-01: no file changed, but the May issue is published today.
      const published = await build("2011-05-01");
      expect(existsSync(join(site.path, "dist", "issues", "2011-05", "index.html"))).toBe(true);
      expect(published, "the build changed the cache").not.toBe(before);
      const scheduledKey = evaluate(step.key, site.path, { id: "102", attempt: "1" });
      expect(scheduledKey, "the scheduled run's key is new, so the cache it wrote is saved").not.toBe(firstKey);
      // A push that changes only the site's settings.
      const configFile = join(site.path, "gekkan.config.json");
      const config = JSON.parse(readFileSync(configFile, "utf8")) as { title: string };
      writeFileSync(configFile, `${JSON.stringify({ ...config, title: `${config.title} 改` }, null, 2)}\n`);
      const retitled = await build("2011-05-01");
      expect(retitled, "the build changed the cache").not.toBe(published);
      expect(evaluate(step.key, site.path, { id: "103", attempt: "1" }), "the push's key is new, so the cache it wrote is saved").not.toBe(scheduledKey);
    },
    240_000,
  );
});
