import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { startDevServer } from '../../src/dev/dev-server.js';
import { memoryIo, openSse } from '../helpers/dev-server.js';
import { tempSite } from '../helpers/temp-site.js';

const MAY = 'content/issues/2011/2011-05.md';
const GOOD = `---
title: "5月号"
issue: 2
date: 2011-05-01
tags: [pacemaker, stonith]  # the components it covers
authors: ["編集部"]
---

本文です。
`;

/**
 * A list in the front matter saved without its "]" (as an author adding a
 * tag does): the overlay and the terminal point at the "[" left open and
 * give the line as it must be, not yaml's words about indentation on the
 * next field; the fix clears it. Oracle: the place of "[" in the text the
 * test wrote, and the fixed line the test wrote before breaking it.
 */
it('points at the "[" a front matter list was left open at, with the line as it must be, and clears on the fix', async () => {
  const site = tempSite({ [MAY]: GOOD, 'gekkan.config.json': `${JSON.stringify({ title: 'T', url: 'https://example.org/', search: false, components: ['pacemaker', 'stonith'] })}\n` });
  const io = memoryIo();
  const server = await startDevServer({ root: site.path, port: 0, io, debounceMs: 60 });
  const events = await openSse(new URL('/__gekkan/events', server.url).href);
  try {
    const broken = GOOD.replace('stonith]', 'stonith');
    await writeFile(join(site.path, MAY), broken);
    const error = await events.next('error');
    const [problem, ...others] = (JSON.parse(error.data) as { messages: Array<{ file: string; line: number; column: number; message: string }> }).messages;
    const lines = broken.split('\n');
    const line = lines.findIndex((l) => l.startsWith('tags:'));
    expect(others).toEqual([]);
    expect(problem).toMatchObject({ file: MAY, line: line + 1, column: (lines[line] ?? '').indexOf('[') + 1 });
    expect(problem?.message).toContain('never closed');
    expect(problem?.message).toContain('tags: [pacemaker, stonith]');
    expect(problem?.message).not.toContain('indented');
    await server.idle();
    expect(io.lines.join('\n')).toContain(`${MAY}:${line + 1}:${(lines[line] ?? '').indexOf('[') + 1}  invalid YAML in front matter: the list that starts here with "[" is never closed`);

    await writeFile(join(site.path, MAY), (await readFile(join(site.path, MAY), 'utf8')).replace('stonith ', 'stonith] '));
    await events.next('reload');
    expect((await fetch(new URL('/issues/2011-05/', server.url))).status).toBe(200);
  } finally {
    events.close();
    await server.close();
    site.remove();
  }
});
