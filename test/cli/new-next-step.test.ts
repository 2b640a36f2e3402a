/**
 * `gekkan new` and `gekkan new --translate` as an author runs them, the
 * compiled CLI spawned from a folder whose path has a space and Japanese:
 * standard output is the new file's path alone (`$EDITOR "$(gekkan new)"`),
 * and both end, on standard error, with the one next step, in one wording
 * but for what is written. `--translate` takes each form of ISSUE its help
 * and the README document. The oracles are the sentences and file names
 * written out here by hand, and the forms as the help and README give them.
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliSites } from "../helpers/cli-sites.js";
import { REPO, runCli } from "../helpers/run-cli.js";
import { issue, writeFiles } from "../helpers/temp-site.js";

const sites = cliSites();
const CONFIG = `${JSON.stringify({ title: "テスト月刊", url: "https://example.org/", lang: "ja", authors: ["編集部"] })}\n`;
const TAIL = "then remove draft: true to publish it; gekkan dev shows it as you write";

describe("gekkan new ends with the next step", () => {
  it("a first issue: the path alone on standard output, the next step last on standard error", async () => {
    const site = sites.make({ "gekkan.config.json": CONFIG });
    mkdirSync(join(site.path, "content", "issues"), { recursive: true });
    const run = await runCli(["new"], { cwd: site.path });
    expect(run.code).toBe(0);
    // SOURCE_DATE_EPOCH 1767225600 is 2026-01-01.
    expect(run.stdout).toBe("content/issues/2026/2026-01.md\n");
    expect(run.stderr).toBe(`next: write the issue in it, over the example text and blocks, ${TAIL}\n`);
  });

  it("a translation: the same, in the same words but for what to write", async () => {
    const site = sites.make({ "gekkan.config.json": CONFIG, "content/issues/2011/2011-04.md": issue({ title: "創刊号", issue: 1, date: "2011-04-01" }) });
    const run = await runCli(["new", "--translate", "1", "--lang", "en"], { cwd: site.path });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("content/issues/2011/2011-04.en.md\n");
    expect(run.stderr).toBe(`next: translate it in place, keeping the blocks' attributes, ${TAIL}\n`);
  });

  // Removing the translation's draft: true showed nothing while its original was a draft: a translation comes out only with it.
  it("a translation of a draft: the next step says it comes out once its original is published too", async () => {
    const site = sites.make({ "gekkan.config.json": CONFIG, "content/issues/2011/2011-04.md": issue({ title: "創刊号", issue: 1, date: "2011-04-01", draft: true }) });
    const run = await runCli(["new", "--translate", "1", "--lang", "en"], { cwd: site.path });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("content/issues/2011/2011-04.en.md\n");
    expect(run.stderr).toBe("next: translate it in place, keeping the blocks' attributes, then remove draft: true to publish it; it comes out once its original is published too (content/issues/2011/2011-04.md is a draft still); gekkan dev shows it as you write\n");
  });

  it("run from outside the site, the next step names gekkan dev with --root as the author gave it", async () => {
    // The month before SOURCE_DATE_EPOCH's (2026-01): with the latest issue years back, a note of the gap comes first (new-after-gap.test.ts).
    const site = sites.make({ "series 月刊/gekkan.config.json": CONFIG, "series 月刊/content/issues/2025/2025-12.md": issue({ title: "創刊号", issue: 1, date: "2025-12-01" }) });
    const made = await runCli(["new", "--root", "series 月刊"], { cwd: site.path });
    expect(made.stdout).toBe("series 月刊/content/issues/2026/2026-01.md\n");
    expect(made.stderr).toBe(`next: write the issue in it, over the example text and blocks, then remove draft: true to publish it; gekkan dev --root "series 月刊" shows it as you write\n`);
    const translated = await runCli(["new", "--root", "series 月刊", "--translate", "1", "--lang", "en"], { cwd: site.path });
    expect(translated.stderr).toBe(`next: translate it in place, keeping the blocks' attributes, then remove draft: true to publish it; gekkan dev --root "series 月刊" shows it as you write\n`);
  });
});

/** The forms of ISSUE the help gives, with the example of each: `number (1), its slug (sokan) or its month (2011-04`. */
async function helpForms(cwd: string): Promise<{ number: string; slug: string; month: string }> {
  const help = (await runCli(["new", "--help"], { cwd })).stdout.replace(/\s+/g, " ");
  const found = /--translate ISSUE start the LANG translation of issue ISSUE, given by its number \((\d+)\), its slug \(([a-z]+)\) or its month \((\d{4}-\d{2}): its slug too unless it sets one\)/.exec(help);
  if (found === null) throw new Error(`gekkan new --help does not list the forms of ISSUE:\n${help}`);
  return { number: found[1] ?? "", slug: found[2] ?? "", month: found[3] ?? "" };
}

describe("gekkan new --translate takes each form of ISSUE the help and README give", () => {
  it("the README's Translations section gives the same forms as the help", async () => {
    const site = sites.make({});
    const forms = await helpForms(site.path);
    const readme = readFileSync(join(REPO, "README.md"), "utf8").replace(/\s+/g, " ");
    expect(readme).toContain(`giving the issue by its number (\`${forms.number}\`), its slug (\`${forms.slug}\`) or its month (\`${forms.month}\`, which is its slug too unless it sets one)`);
    expect(readme).toContain(`start a translation of issue ISSUE (its number \`${forms.number}\`, its slug \`${forms.slug}\` or its month \`${forms.month}\`)`);
  });

  // The help's issue (number, slug, month) is one issue; another issue with no slug of its own is found by its month, its slug too.
  it.each(["number", "slug", "month", "month of an issue without a slug"] as const)("by its %s", async (form) => {
    const site = sites.make({});
    const forms = await helpForms(site.path);
    const [year, mon] = forms.month.split("-").map(Number) as [number, number];
    const later = `${year}-${String(mon + 1).padStart(2, "0")}`;
    writeFiles(site.path, {
      "gekkan.config.json": CONFIG,
      [`content/issues/${year}/${forms.month}.md`]: issue({ title: "創刊号", issue: Number(forms.number), date: `${forms.month}-01`, slug: forms.slug }),
      [`content/issues/${year}/${later}.md`]: issue({ title: "第二号", issue: Number(forms.number) + 1, date: `${later}-01` }),
    });
    const wanted = form === "month of an issue without a slug" ? later : forms[form];
    const run = await runCli(["new", "--translate", wanted, "--lang", "en"], { cwd: site.path });
    expect(run.stderr).toMatch(/^next: /);
    expect(run.code).toBe(0);
    const file = `content/issues/${year}/${form === "month of an issue without a slug" ? later : forms.month}.en.md`;
    expect(run.stdout).toBe(`${file}\n`);
    expect(existsSync(join(site.path, file))).toBe(true);
  });

  it("an issue it cannot find is told the forms", async () => {
    const site = sites.make({ "gekkan.config.json": CONFIG, "content/issues/2011/2011-04.md": issue({ title: "創刊号", issue: 1, date: "2011-04-01" }) });
    const run = await runCli(["new", "--translate", "9", "--lang", "en"], { cwd: site.path });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('gekkan new: no issue "9" in ja to translate: give its number, slug or month (YYYY-MM); the site has 1 (content/issues/2011/2011-04.md)\n');
  });

  // "１" (the input method still on) or "第1号" (as the issue is printed) got the list of issues, issue 1 among them, and no word of what was wrong.
  it.each(["１", "第1号", "1号"])("%s, issue 1 as typed or printed, is told to give the number alone", async (wanted) => {
    const site = sites.make({ "gekkan.config.json": CONFIG, "content/issues/2011/2011-04.md": issue({ title: "創刊号", issue: 1, date: "2011-04-01" }) });
    const run = await runCli(["new", "--translate", wanted, "--lang", "en"], { cwd: site.path });
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(`gekkan new: no issue "${wanted}" in ja to translate: an issue is given by its number alone: gekkan new --translate 1 --lang en\n`);
    expect(existsSync(join(site.path, "content/issues/2011/2011-04.en.md"))).toBe(false);
  });
});
