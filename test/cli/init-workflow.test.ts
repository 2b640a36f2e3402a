/**
 * `gekkan init` writes .github/workflows/pages.yml, so a series started in a
 * folder of its own is published to GitHub Pages on every push to main, as
 * this repository is. gekkan is not on npm: the workflow checks out the
 * GitHub repository gekkan was cloned from, at the commit that ran init.
 * The origin is given to git through GIT_CONFIG_* (git's own way to set a
 * setting for one run), so no repository's config is touched.
 *
 * Oracles: the workflow schema (@action-validator/core), the steps written
 * out here by hand, the commit as git itself reports it, and the build the
 * workflow's own build step makes, run with bash as the runner runs it
 * (gekkan "checked out" as a link to this repository, installed already).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { validateWorkflow } from "@action-validator/core";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureCompiled, REPO, runCli } from "../helpers/run-cli.js";
import { issue, tempDir, type TempDir } from "../helpers/temp-site.js";

/** git reads these as settings of this run only: the origin a clone of gekkan from GitHub has. */
const ORIGIN = (url: string) => ({ GIT_CONFIG_COUNT: "1", GIT_CONFIG_KEY_0: "remote.origin.url", GIT_CONFIG_VALUE_0: url });
const WORKFLOW = join(".github", "workflows", "pages.yml");

type Obj = Record<string, unknown>;
type Step = { name?: string; uses?: string; run?: string; with?: Obj; env?: Obj; id?: string; "working-directory"?: string };

describe("gekkan init and GitHub Pages", () => {
  let work: TempDir;
  beforeAll(() => {
    ensureCompiled();
    work = tempDir("gekkan-init-workflow-");
  }, 300_000);
  afterAll(() => work.remove());

  const init = (args: string[], env: Record<string, string> = ORIGIN("git@github.com:example/gekkan.git")) => runCli(["init", ...args], { cwd: work.path, env });

  it("writes a valid Pages workflow that checks gekkan out at this commit and builds the series with Pages' base path", async () => {
    const result = await init(["連載 一", "--url", "https://user.github.io/renzai/"]);
    expect(result.code, result.stderr).toBe(0);
    const site = join(work.path, "連載 一");
    const commit = execFileSync("git", ["-C", REPO, "rev-parse", "HEAD"], { encoding: "utf8" }).trim();
    expect(result.stdout).toContain(`  連載 一/.github/workflows/pages.yml (publishes to GitHub Pages with gekkan ${commit.slice(0, 12)} from example/gekkan)\n`);
    const source = readFileSync(join(site, WORKFLOW), "utf8");
    expect(validateWorkflow(source).errors).toEqual([]);
    // The schema is no rubber stamp for this file: with one key misspelt, it is refused.
    expect(source).toContain("working-directory:");
    expect(validateWorkflow(source.replace("working-directory:", "workin-directory:")).errors).not.toEqual([]);
    const doc = parse(source) as Obj;
    const own = parse(readFileSync(join(REPO, ".github", "workflows", "pages.yml"), "utf8")) as Obj;
    // The same triggers, privileges, deployment queue and deploy job as gekkan's own site.
    expect(doc["on"]).toEqual({ push: { branches: ["main"] }, schedule: [{ cron: "17 0 * * *" }], workflow_dispatch: null });
    expect(doc["permissions"]).toEqual({ contents: "read" });
    expect(doc["concurrency"]).toEqual({ group: "pages", "cancel-in-progress": false });
    const jobs = doc["jobs"] as Record<string, Obj>;
    expect(jobs["deploy"]).toEqual((own["jobs"] as Obj)["deploy"]);
    expect(jobs["build"]?.["permissions"]).toEqual({ contents: "read", pages: "read" });
    const steps = jobs["build"]?.["steps"] as Step[];
    expect(steps.map((step) => step.uses ?? step.run)).toEqual([
      "actions/checkout@v5",
      "actions/checkout@v5",
      "actions/setup-node@v5",
      "npm ci",
      "actions/configure-pages@v6",
      "actions/cache@v5",
      'bash .gekkan-tool/scripts/ci-build.sh "$PAGES_BASE_PATH" --root "$GITHUB_WORKSPACE"',
      "actions/upload-pages-artifact@v5",
    ]);
    expect(steps[1]?.with).toEqual({ repository: "example/gekkan", ref: commit, path: ".gekkan-tool", "persist-credentials": false });
    expect(steps[2]?.with).toEqual({ "node-version": 20, cache: "npm", "cache-dependency-path": ".gekkan-tool/package-lock.json" });
    expect(steps[3]?.["working-directory"]).toBe(".gekkan-tool");
    expect(steps[5]?.with?.["path"]).toBe(".gekkan/cache");
    expect(steps[7]?.with).toEqual({ path: "dist", "include-hidden-files": true });

    // The build step, as the runner runs it: in the workspace, with configure-pages' outputs in env.
    writeFileSync(join(site, "content", "issues", "2011-04.md"), issue({ title: "創刊号", issue: 1, date: "2011-04-01" }));
    symlinkSync(REPO, join(site, ".gekkan-tool"));
    const env: NodeJS.ProcessEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^npm_/i.test(key)));
    const build = steps[6];
    const ran = spawnSync("bash", ["-c", build?.run ?? ""], { cwd: site, encoding: "utf8", env: { ...env, GITHUB_WORKSPACE: site, PAGES_BASE_PATH: "/renzai", PAGES_BASE_URL: "https://user.github.io/renzai" } });
    expect(ran.status, ran.stderr).toBe(0);
    const page = readFileSync(join(site, "dist", "index.html"), "utf8");
    expect(page).toContain('href="/renzai/issues/2011-04/"');
    expect(page).toContain('href="https://user.github.io/renzai/"');
    expect(readdirSync(join(site, ".gekkan", "cache")).length).toBeGreaterThan(0);
  }, 120_000);

  it("never replaces a workflow that is there, and --no-workflow writes none", async () => {
    const mine = join(work.path, "連載 二");
    mkdirSync(join(mine, ".github", "workflows"), { recursive: true });
    writeFileSync(join(mine, WORKFLOW), "# mine\n");
    const kept = await init(["連載 二"]);
    expect(kept.code, kept.stderr).toBe(0);
    expect(readFileSync(join(mine, WORKFLOW), "utf8")).toBe("# mine\n");
    expect(kept.stdout).not.toContain("pages.yml");
    const none = await init(["連載 三", "--no-workflow"]);
    expect(none.code, none.stderr).toBe(0);
    expect(existsSync(join(work.path, "連載 三", ".github"))).toBe(false);
    expect(none.stdout).not.toMatch(/workflow/);
  });

  it("writes none where it could not run, and says why: gekkan not from GitHub; a folder inside another repository", async () => {
    const elsewhere = await init(["連載 四"], ORIGIN("https://user:secret@gitlab.example.org/x/gekkan.git"));
    expect(elsewhere.code, elsewhere.stderr).toBe(0);
    expect(existsSync(join(work.path, "連載 四", ".github"))).toBe(false);
    expect(elsewhere.stdout).toContain(`no GitHub Pages workflow written: this gekkan (${REPO}) is not a clone of a GitHub repository (its origin is https://gitlab.example.org/x/gekkan.git), so a workflow has nowhere to fetch it from; to publish elsewhere, see "Publishing" in gekkan's README (--no-workflow says nothing of it)\n`);
    const repository = join(work.path, "リポジトリ");
    mkdirSync(repository);
    execFileSync("git", ["init", "-q", repository]);
    const inside = await init([join("リポジトリ", "連載 五")]);
    expect(inside.code, inside.stderr).toBe(0);
    expect(existsSync(join(repository, "連載 五", ".github"))).toBe(false);
    expect(inside.stdout).toContain(`no GitHub Pages workflow written: this folder is inside the git repository at ${repository}, and GitHub runs only the workflows in the .github/workflows/ of a repository's root;`);
  });
});
