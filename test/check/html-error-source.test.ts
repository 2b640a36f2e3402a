/**
 * `gekkan check --html` reports invalid markup where the author wrote it:
 * raw HTML in an issue at its line and column in the Markdown, a site's own
 * template at its line in the template, the built pages' places kept after
 * the message. The oracle is the place of the tag in the text the test
 * writes (found with indexOf here), and the real Nu Html Checker decides
 * what is invalid. Markup the build rewrote is not guessed at: it stays at
 * the built page.
 */
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { copyFixture, memoryIo } from '../helpers/dev-server.js';

const ISSUE = 'content/issues/2011/2011-05.md';
const BAD_TAG = '<th colspan="0">';

let site: { root: string; remove: () => Promise<void> } | undefined;
afterEach(async () => {
  await site?.remove();
  site = undefined;
});

async function checkHtml(root: string) {
  const io = memoryIo();
  const code = await main(['check', '--root', root, '--html'], io);
  return { code, lines: io.lines.join('\n').split('\n') };
}

/** 1-based line and column of `part` in `text`, counted here by hand. */
function placeIn(text: string, part: string): string {
  const offset = text.indexOf(part);
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${(before.at(-1) ?? '').length + 1}`;
}

async function withTable(cell: string): Promise<string> {
  site = await copyFixture('check-clean');
  const file = join(site.root, ISSUE);
  const text = `${await readFile(file, 'utf8')}\nThe versions side by side:\n\n<table><tr><td>1.0</td></tr><tr>${cell}x</th></tr></table>\n`;
  await writeFile(file, text);
  return text;
}

describe('gekkan check --html: where invalid markup was written', () => {
  it('raw HTML in an issue is reported at its line and column in the Markdown, once for the page and its email', async () => {
    const text = await withTable(BAD_TAG);
    const { code, lines } = await checkHtml(site?.root ?? '');
    expect(code).toBe(1);
    const errors = lines.filter((line) => line.includes('Nu Html Checker'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^${ISSUE}:${placeIn(text, BAD_TAG)}  invalid HTML \\(Nu Html Checker\\): Bad value “0” for attribute “colspan” on element “th”.* \\(in the built pages /newsletter/issues/2011-05/:\\d+:\\d+ and /newsletter/issues/2011-05/email\\.html:\\d+:\\d+\\)$`));
  });

  it('markup the build wrote otherwise than the Markdown has it stays at the built page', async () => {
    // Serialised as colspan="0": the tag as built is nowhere in the file, so no line of it is claimed.
    await withTable('<th colspan=0>');
    const { code, lines } = await checkHtml(site?.root ?? '');
    expect(code).toBe(1);
    const errors = lines.filter((line) => line.includes('Nu Html Checker'));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((line) => /^\/newsletter\/issues\/2011-05\/(email\.html)?:\d+:\d+  invalid HTML/.test(line))).toBe(true);
  });

  it("a site's own template is reported at its line in the template", async () => {
    site = await copyFixture('check-clean');
    const template = `{% layout "base" %}\n{% block content %}\n<h1>{{ t.notFoundTitle }}</h1>\n<table><tr><td>a</td></tr><tr>${BAD_TAG}b</th></tr></table>\n{% endblock %}\n`;
    await mkdir(join(site.root, 'templates'), { recursive: true });
    await writeFile(join(site.root, 'templates/404.liquid'), template);
    const { code, lines } = await checkHtml(site.root);
    expect(code).toBe(1);
    const errors = lines.filter((line) => line.includes('Nu Html Checker'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^templates/404\\.liquid:${placeIn(template, BAD_TAG)}  invalid HTML \\(Nu Html Checker\\): .* \\(in the built page /newsletter/404\\.html:\\d+:\\d+\\)$`));
  });
});
