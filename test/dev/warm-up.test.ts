import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { warmUp, type Rehearse } from '../../src/dev/warm-up.js';
import { createDevReuse } from '../../src/dev/dev-reuse.js';
import { EventHub } from '../../src/dev/events.js';
import { RebuildLoop } from '../../src/dev/rebuild-loop.js';
import { createSearchRebuilder } from '../../src/dev/search.js';
import { digest } from '../../src/incremental/digest.js';
import { readOneSource } from '../../src/pipeline/load-inputs.js';
import { memoryIo } from '../helpers/dev-server.js';
import { tempSite, type TempDir } from '../helpers/temp-site.js';

const COUNT = 30;
let site: TempDir;
const files: string[] = [];

function issue(n: number): string {
  const date = `${2011 + Math.floor((n - 1) / 12)}-${String(((n - 1) % 12) + 1).padStart(2, '0')}-01`;
  return `---\ntitle: "Issue ${n}"\nissue: ${n}\ndate: ${date}\n---\n\nIntro ${n}, with **some** Markdown.\n\nMore text.\n\n:::release{component="pacemaker" version="1.0.${n}" status="released" title="Pacemaker 1.0.${n}"}\nReleased.\n:::\n`;
}

let loop: RebuildLoop;
let sent = 0;

beforeAll(async () => {
  const sources: Record<string, string> = {};
  for (let n = 1; n <= COUNT; n++) {
    const file = `content/issues/2011/issue-${n}.md`;
    sources[file] = issue(n);
    files.push(file);
  }
  site = tempSite(sources);
  const io = memoryIo();
  const hub = new EventHub();
  const send = hub.send.bind(hub);
  hub.send = (event) => {
    sent++;
    send(event);
  };
  loop = new RebuildLoop({
    root: site.path, drafts: true, future: true, search: false, io, hub, reuse: await createDevReuse(undefined),
    searcher: createSearchRebuilder({ delayMs: 60_000, io }), catchUpDelayMs: 60_000,
  });
  await loop.start();
}, 60_000);

afterAll(() => {
  loop?.stop();
  site?.remove();
});

/** Counts turns of the event loop: a probe that runs once per turn until stopped. */
function turnCounter(): { now: () => number; stop: () => void } {
  let turn = 0;
  let running = true;
  const probe = () => {
    turn++;
    if (running) setImmediate(probe);
  };
  setImmediate(probe);
  return { now: () => turn, stop: () => (running = false) };
}

const turns = async (count: number) => {
  for (let i = 0; i < count; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe('gekkan dev: the warm-up after start-up', () => {
  it('rehearses every issue through the quick path, each in a turn of the event loop of its own, so a save waits for one rehearsal, never for all', async () => {
    const counter = turnCounter();
    const finished: number[] = [];
    const rehearse: Rehearse = async (source) => {
      const paths = await loop.rehearse(source);
      expect(paths).toHaveLength(1);
      finished.push(counter.now());
      return paths;
    };
    await warmUp(site.path, files, rehearse).done;
    counter.stop();
    expect(finished).toHaveLength(COUNT);
    // Strictly increasing: no two parses finished in the same turn.
    for (let i = 1; i < finished.length; i++) expect(finished[i]).toBeGreaterThan(finished[i - 1] as number);
  });

  it('says when its first rehearsal is over (the dev server is ready then), while the rest still follow', async () => {
    let ended = 0;
    const rehearse: Rehearse = async (source) => {
      const paths = await loop.rehearse(source);
      ended++;
      return paths;
    };
    const warming = warmUp(site.path, files, rehearse);
    await warming.first;
    expect(ended).toBe(1);
    await warming.done;
    expect(ended).toBe(COUNT);
  });

  it('with nothing to rehearse, its first rehearsal counts as over at once', async () => {
    const warming = warmUp(site.path, [], () => Promise.reject(new Error('nothing to rehearse')));
    await warming.first;
    await warming.done;
  });

  it('stopped between turns, it starts no further rehearsal', async () => {
    let started = 0;
    const rehearse: Rehearse = (source) => {
      started++;
      return loop.rehearse(source);
    };
    const warming = warmUp(site.path, files, rehearse);
    while (started < 3) await turns(1);
    warming.stop();
    await warming.done;
    const atStop = started;
    await turns(20);
    expect(started).toBe(atStop);
    expect(started).toBeLessThan(COUNT);
  });

  it('stopped while a rehearsal is under way, it starts no further one once that one ends', async () => {
    let started = 0;
    let stop = () => {};
    const rehearse: Rehearse = async (source) => {
      started++;
      if (started === 3) stop();
      return loop.rehearse(source);
    };
    const warming = warmUp(site.path, files, rehearse);
    stop = warming.stop;
    await warming.done;
    await turns(20);
    expect(started).toBe(3);
  });
});

describe('gekkan dev: a rehearsal of the quick path', () => {
  it('renders the edited issue page and keeps nothing: the served site, the last outcome and the events are as before', async () => {
    const before = loop.output();
    const paths = before?.paths() ?? [];
    const bytes = paths.map((path) => digest(before?.get(path) as Uint8Array));
    const last = loop.last();
    const events = sent;
    const source = readOneSource(site.path, files[4] as string);
    if (source === undefined) throw new Error('fixture issue unreadable');
    expect(loop.last()?.ok).toBe(true);
    const edited = Buffer.from(Buffer.from(source.bytes).toString('utf8').replace('More text.', 'More text, edited.'));
    expect(await loop.rehearse({ file: source.file, bytes: edited, digest: digest(edited) })).toEqual(['issues/2011-05/index.html']);
    const after = loop.output();
    expect(after).toBe(before);
    expect(after?.paths()).toEqual(paths);
    expect(paths.map((path) => digest(after?.get(path) as Uint8Array))).toEqual(bytes);
    expect(loop.last()).toBe(last);
    expect(sent).toBe(events);
    expect(Buffer.from(after?.get('issues/2011-05/index.html') as Uint8Array).toString('utf8')).toContain('More text.');
  });

  it('a rehearsal whose edit other pages would show (a new title) renders nothing: that save needs a full run', async () => {
    const source = readOneSource(site.path, files[6] as string);
    if (source === undefined) throw new Error('fixture issue unreadable');
    const edited = Buffer.from(Buffer.from(source.bytes).toString('utf8').replace('title: "Issue 7"', 'title: "Issue seven"'));
    expect(await loop.rehearse({ file: source.file, bytes: edited, digest: digest(edited) })).toEqual([]);
  });
});
