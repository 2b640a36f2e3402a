import { expect, it } from 'vitest';
import { startDevServer } from '../../src/dev/dev-server.js';
import { memoryIo } from '../helpers/dev-server.js';
import { issue, tempSite } from '../helpers/temp-site.js';

/**
 * The media types hosts send for files authors put in public/ (IANA's
 * registrations, as GitHub Pages and Netlify send them): a browser installs a
 * manifest, applies a feed's XSLT and uses a font only when the type says so.
 */
const EXPECTED: ReadonlyArray<[string, string]> = [
  ['site.webmanifest', 'application/manifest+json'],
  ['feed-style.xsl', 'application/xslt+xml'],
  ['fonts/mincho.ttf', 'font/ttf'],
  ['fonts/mincho.otf', 'font/otf'],
  ['events/2011.ics', 'text/calendar'],
  ['data/readers.csv', 'text/csv'],
  ['notes.md', 'text/markdown'],
  ['old/index.htm', 'text/html'],
  ['assets/app.js.map', 'application/json'],
  ['media/interview.mov', 'video/quicktime'],
  ['media/interview.opus', 'audio/ogg'],
  ['media/interview.flac', 'audio/flac'],
  ['media/interview.aac', 'audio/aac'],
  ['downloads/slides.zip', 'application/zip'],
  ['downloads/book.epub', 'application/epub+zip'],
  ['images/spinner.apng', 'image/apng'],
];

it('sends the files authors add to public/ with their media types, over HTTP as a host would', async () => {
  const files = Object.fromEntries(EXPECTED.map(([name]) => [`public/${name}`, `${name}\n`]));
  const site = tempSite({ 'content/issues/2011/2011-04.md': issue({ title: 'April', issue: 1, date: '2011-04-01' }), ...files });
  const server = await startDevServer({ root: site.path, port: 0, io: memoryIo(), search: false });
  try {
    const got: Array<[string, string]> = [];
    for (const [name] of EXPECTED) {
      for (const method of ['GET', 'HEAD']) {
        const res = await fetch(new URL(`/${name}`, server.url), { method });
        expect(res.status, `${method} ${name}`).toBe(200);
        if (method === 'GET') got.push([name, (res.headers.get('content-type') ?? '').split(';')[0] ?? '']);
        else expect(res.headers.get('content-type'), `HEAD ${name}`).toMatch(/^[a-z]+\/[-+.a-z]+/);
        await res.arrayBuffer();
      }
    }
    expect(got).toEqual(EXPECTED);
  } finally {
    await server.close();
    site.remove();
  }
});
