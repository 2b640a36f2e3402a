/**
 * `gekkan check --html` reports invalid markup where the author wrote it:
 * raw HTML in an issue at its line and column in the Markdown, a site's own
 * template at its line in the template, the built pages' places kept after
 * the message. The oracle is the place of the tag in the text the test
 * writes (found with indexOf here), and the real Nu Html Checker decides
 * what is invalid. A tag the build rewrote in known ways (quotes, the base
 * path, an id's prefix, a heading's id, an email's absolute URLs and
 * styles) is seen through; one it changed otherwise (an attribute the
 * sanitizer dropped) is not guessed at: it stays at the built page.
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
    // The sanitizer drops onclick: the tag as built is not the one written, so no line of the file is claimed.
    await withTable('<th colspan=0 onclick="x()">');
    const { code, lines } = await checkHtml(site?.root ?? '');
    expect(code).toBe(1);
    const errors = lines.filter((line) => line.includes('Nu Html Checker'));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((line) => /^\/newsletter\/issues\/2011-05\/(email\.html)?:\d+:\d+  invalid HTML/.test(line))).toBe(true);
  });

  it('a tag the build rewrote (quotes, base path, a heading given an id, an id prefixed, absolute in the email) is reported at the Markdown', async () => {
    site = await copyFixture('check-clean');
    const file = join(site.root, ISSUE);
    // Each is invalid (a bad width, a bad dir, an <a> vnu holds must have an href, colspan 0) and each is published otherwise than written.
    const tags = ['<img src="/images/cluster.svg" alt="cluster" width="10px">', '<h3 dir="up">', "<a name='old'>", '<th colspan=0>'];
    const text = `${await readFile(file, 'utf8')}\n${tags[0]}\n\n${tags[1]}Raw heading</h3>\n\n<p>${tags[2]}old</a></p>\n\n<table><tr><td>1.0</td></tr><tr>${tags[3]}x</th></tr></table>\n`;
    await writeFile(file, text);
    const { code, lines } = await checkHtml(site.root);
    expect(code).toBe(1);
    const errors = lines.filter((line) => line.includes('Nu Html Checker'));
    // Oracle: each tag's place found in the text written above; vnu names the attribute it rejects.
    const at = (tag: string, says: string) => new RegExp(`^${ISSUE}:${placeIn(text, tag)}  invalid HTML \\(Nu Html Checker\\): .*${says}.* \\(in the built pages /newsletter/issues/2011-05/:\\d+:\\d+ and /newsletter/issues/2011-05/email\\.html:\\d+:\\d+\\)$`);
    expect(errors).toEqual([
      expect.stringMatching(at(tags[0] ?? '', '“width” on element “img”')),
      expect.stringMatching(at(tags[1] ?? '', '“dir” on element “h3”')),
      expect.stringMatching(at(tags[2] ?? '', 'Element “a” is missing')),
      expect.stringMatching(at(tags[3] ?? '', '“colspan” on element “th”')),
    ]);
  });

  it('a rewritten tag the Markdown also holds as text (in a code block) stays at the built page: which of the two is not guessed', async () => {
    site = await copyFixture('check-clean');
    const file = join(site.root, ISSUE);
    await writeFile(file, `${await readFile(file, 'utf8')}\nWritten so:\n\n\`\`\`html\n<th colspan=0>\n\`\`\`\n\n<table><tr><td>1.0</td></tr><tr><th colspan=0>x</th></tr></table>\n`);
    const { code, lines } = await checkHtml(site.root);
    expect(code).toBe(1);
    const errors = lines.filter((line) => line.includes('Nu Html Checker'));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((line) => /^\/newsletter\/issues\/2011-05\/(email\.html)?:\d+:\d+  invalid HTML/.test(line))).toBe(true);
  });

  it('a page of public/, published as it is, is reported at the file', async () => {
    site = await copyFixture('check-clean');
    const page = `<!DOCTYPE html>\n<html lang="en"><title>About</title>\n<table><tr><td>a</td></tr><tr>${BAD_TAG}b</th></tr></table>\n</html>\n`;
    await writeFile(join(site.root, 'public/about.html'), page);
    const { code, lines } = await checkHtml(site.root);
    expect(code).toBe(1);
    const errors = lines.filter((line) => line.includes('Nu Html Checker'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^public/about\\.html:${placeIn(page, BAD_TAG)}  invalid HTML \\(Nu Html Checker\\): .*“colspan” on element “th”.* \\(in the built page /newsletter/about\\.html:${placeIn(page, BAD_TAG)}\\)$`));
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
