/**
 * On GitHub Actions (GITHUB_ACTIONS=true) `gekkan check` annotates what it
 * finds as `gekkan build` does: each located finding (a broken link, invalid
 * HTML, now at the Markdown) on its file and line, and a check that cannot
 * run (no Java for --html) without a file. The oracle is GitHub's documented
 * workflow-command format (`::error file=…,line=…,col=…,title=…::message`),
 * written out here, with the file named from the repository root
 * (GITHUB_WORKSPACE) and the place counted in the text the test writes. The
 * real CLI runs in a child process, from the site's folder, whose path has a
 * space and Japanese.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { copyFixture } from '../helpers/dev-server.js';
import { ensureCompiled, runCli } from '../helpers/run-cli.js';
import { AWKWARD_TMP } from '../helpers/temp-site.js';

const ISSUE = 'content/issues/2011/2011-05.md';
const WORKSPACE = dirname(AWKWARD_TMP);

let site: { root: string; remove: () => Promise<void> } | undefined;
beforeAll(() => ensureCompiled(), 120_000);
afterEach(async () => {
  await site?.remove();
  site = undefined;
});

/** A copy of check-clean whose second issue links a month that does not exist and holds an invalid table cell. */
async function brokenSite(): Promise<{ root: string; text: string }> {
  site = await copyFixture('check-clean');
  const file = join(site.root, ISSUE);
  const text = `${await readFile(file, 'utf8')}\nSee [March](/issues/2011-03/).\n\n<table><tr><td>a</td></tr><tr><th colspan="0">b</th></tr></table>\n`;
  await writeFile(file, text);
  return { root: site.root, text };
}

function placeIn(text: string, part: string): { line: number; col: number } {
  const before = text.slice(0, text.indexOf(part)).split('\n');
  return { line: before.length, col: (before.at(-1) ?? '').length + 1 };
}

describe('gekkan check on GitHub Actions', () => {
  it("annotates a broken link and invalid HTML at the issue's file and line, after the lines it prints", async () => {
    const { root, text } = await brokenSite();
    const run = await runCli(['check', '--html'], { cwd: root, env: { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: WORKSPACE }, deadlineMs: 120_000 });
    expect(run.code).toBe(1);
    const lines = run.stderr.split('\n');
    const file = `${relative(WORKSPACE, root).split('\\').join('/')}/${ISSUE}`;
    const link = placeIn(text, '[March]');
    const printedLink = lines.findIndex((line) => line.startsWith(`${ISSUE}:${link.line}:${link.col}  broken link "/issues/2011-03/"`));
    expect(printedLink).toBeGreaterThanOrEqual(0);
    expect(lines[printedLink + 1]).toMatch(new RegExp(`^::error file=${escape(file)},line=${link.line},col=${link.col},title=gekkan check::broken link "/issues/2011-03/": nothing is published at /issues/2011-03/ \\(/newsletter/issues/2011-03/ on the site\\)`));
    const tag = placeIn(text, '<th colspan="0">');
    expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^::error file=${escape(file)},line=${tag.line},col=${tag.col},title=gekkan check::invalid HTML \\(Nu Html Checker\\): Bad value “0” for attribute “colspan”`)));
  }, 150_000);

  it('annotates a check that cannot run (no Java for --html) without a file, exit 1', async () => {
    site = await copyFixture('check-clean');
    const run = await runCli(['check', '--html'], { cwd: site.root, env: { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: WORKSPACE, PATH: '', JAVA_HOME: '' }, deadlineMs: 60_000 });
    expect(run.code).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toEqual([expect.stringMatching(/^gekkan check: gekkan check --html needs Java 11 or later/), expect.stringMatching(/^::error title=gekkan check::gekkan check --html needs Java 11 or later/)]);
  }, 90_000);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
