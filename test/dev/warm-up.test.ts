import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { warmUp, type Parse } from '../../src/dev/warm-up.js';
import { loadInputs } from '../../src/pipeline/load-inputs.js';
import { parseIssues } from '../../src/pipeline/parse-issues.js';
import { tempSite, type TempDir } from '../helpers/temp-site.js';

const COUNT = 30;
let site: TempDir;
const files: string[] = [];

function issue(n: number): string {
  return `---\ntitle: "Issue ${n}"\nissue: ${n}\ndate: 2011-01-01\nlang: en\n---\n\nIntro ${n}, with **some** Markdown.\n\n:::release{component="pacemaker" version="1.0.${n}" status="released" title="Pacemaker 1.0.${n}"}\nReleased.\n:::\n`;
}

beforeAll(() => {
  const sources: Record<string, string> = {};
  for (let n = 1; n <= COUNT; n++) {
    const file = `content/issues/2011/issue-${n}.md`;
    sources[file] = issue(n);
    files.push(file);
  }
  site = tempSite(sources);
});

afterAll(() => site?.remove());

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
  it('parses every issue with the pipeline, each in a turn of the event loop of its own, so a save waits for one parse, never for all', async () => {
    const { context } = await loadInputs({ root: site.path, drafts: true, future: true });
    const counter = turnCounter();
    const finished: number[] = [];
    const parse: Parse = async (...args) => {
      const parsed = await parseIssues(...args);
      expect(parsed.rendered).toHaveLength(1);
      finished.push(counter.now());
      return parsed;
    };
    await warmUp(site.path, files, context, parse).done;
    counter.stop();
    expect(finished).toHaveLength(COUNT);
    // Strictly increasing: no two parses finished in the same turn.
    for (let i = 1; i < finished.length; i++) expect(finished[i]).toBeGreaterThan(finished[i - 1] as number);
  });

  it('stopped between turns, it starts no further parse', async () => {
    const { context } = await loadInputs({ root: site.path, drafts: true, future: true });
    let started = 0;
    const parse: Parse = (...args) => {
      started++;
      return parseIssues(...args);
    };
    const warming = warmUp(site.path, files, context, parse);
    while (started < 3) await turns(1);
    warming.stop();
    await warming.done;
    const atStop = started;
    await turns(20);
    expect(started).toBe(atStop);
    expect(started).toBeLessThan(COUNT);
  });

  it('stopped while a parse is under way, it starts no further parse once that one ends', async () => {
    const { context } = await loadInputs({ root: site.path, drafts: true, future: true });
    let started = 0;
    let stop = () => {};
    const parse: Parse = async (...args) => {
      started++;
      if (started === 3) stop();
      return parseIssues(...args);
    };
    const warming = warmUp(site.path, files, context, parse);
    stop = warming.stop;
    await warming.done;
    await turns(20);
    expect(started).toBe(3);
  });
});
