import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';
import { startDevServer } from '../../src/dev/dev-server.js';
import { memoryIo, openSse } from '../helpers/dev-server.js';
import { issue, tempSite } from '../helpers/temp-site.js';

const ISSUE_TEMPLATE = readFileSync(resolve(import.meta.dirname, '../../templates/issue.liquid'), 'utf8');
const TITLE = '<h1>{{ issue.title }}</h1>';

/**
 * A site's own issue template saved with `{{ issue.title </h1>` (the "}}"
 * forgotten): the overlay and the terminal name the "{{" left open, with
 * the fix, not Liquid's `expected "|" before filter` on the HTML after the
 * value; the fix brings the page back. Oracle: the place of the "{{" in the
 * text the test wrote.
 */
it('names a template {{ left without its }} at the {{, with the fix, and recovers when it is closed', async () => {
  expect(ISSUE_TEMPLATE).toContain(TITLE);
  const site = tempSite({
    'content/issues/2011/2011-04.md': issue({ title: '4月号', issue: 1, date: '2011-04-01' }),
    'gekkan.config.json': `${JSON.stringify({ title: 'T', url: 'https://example.org/', search: false })}\n`,
    'templates/issue.liquid': ISSUE_TEMPLATE,
  });
  const io = memoryIo();
  const server = await startDevServer({ root: site.path, port: 0, io, debounceMs: 60 });
  const events = await openSse(new URL('/__gekkan/events', server.url).href);
  try {
    const broken = ISSUE_TEMPLATE.replace(TITLE, '<h1>{{ issue.title </h1>');
    await writeFile(join(site.path, 'templates/issue.liquid'), broken);
    const error = await events.next('error');
    const problems = (JSON.parse(error.data) as { messages: Array<{ file: string; line: number; column: number; message: string }> }).messages;
    const lines = broken.split('\n');
    const line = lines.findIndex((l) => l.includes('<h1>{{ issue.title </h1>'));
    const place = { file: 'templates/issue.liquid', line: line + 1, column: (lines[line] ?? '').indexOf('{{') + 1 };
    expect(problems.map(({ file, line, column }) => ({ file, line, column }))).toEqual([place]);
    expect(problems[0]?.message).toMatch(/never closed/);
    expect(problems[0]?.message).toContain('{{ issue.title }}');
    expect(problems[0]?.message).not.toContain('before filter');
    await server.idle();
    expect(io.lines.join('\n')).toContain(`templates/issue.liquid:${place.line}:${place.column}  template error: this {{ is never closed`);

    await writeFile(join(site.path, 'templates/issue.liquid'), ISSUE_TEMPLATE.replace(TITLE, '<h1>{{ issue.title }} (fixed)</h1>'));
    await events.next('reload');
    expect(await (await fetch(new URL('/issues/2011-04/', server.url))).text()).toContain('(fixed)');
  } finally {
    events.close();
    await server.close();
    site.remove();
  }
});
