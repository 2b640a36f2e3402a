import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { warmUp } from '../../src/dev/warm-up.js';
import { loadInputs } from '../../src/pipeline/load-inputs.js';
import { tempSite, type TempDir } from '../helpers/temp-site.js';

const COUNT = 80;
let site: TempDir;
const files: string[] = [];

/** An issue with enough Markdown (a table, a list, a block) that parsing it takes a while. */
function issue(n: number): string {
  const rows = Array.from({ length: 12 }, (_, i) => `| pacemaker ${n}.${i} | corosync 1.${i} | ok |`).join('\n');
  const items = Array.from({ length: 20 }, (_, i) => `- 第${i}項: フェンシング装置 ${i} を \`stonith\` で確認した **結果** です。`).join('\n');
  return `---\ntitle: "Issue ${n}"\nissue: ${n}\ndate: 2011-01-01\nlang: en\n---\n\nIntro ${n}.\n\n| a | b | c |\n| --- | --- | --- |\n${rows}\n\n${items}\n\n:::release{component="pacemaker" version="1.0.${n}" status="released" title="Pacemaker 1.0.${n}"}\nReleased.\n:::\n`;
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

describe('gekkan dev: the warm-up after start-up', () => {
  it('parses one issue per turn of the event loop, so a save waits for one parse, never for all of them', async () => {
    const { context } = await loadInputs({ root: site.path, drafts: true, future: true });
    // A probe that runs once per turn: the gaps between its runs are how long the thread was held.
    let last = performance.now();
    let longest = 0;
    let turns = 0;
    let probing = true;
    const probe = () => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
      turns++;
      if (probing) setImmediate(probe);
    };
    setImmediate(probe);
    const started = performance.now();
    const warming = warmUp(site.path, files, context);
    await warming.done;
    probing = false;
    const total = performance.now() - started;
    // Each parse is its own turn: the longest hold is one parse (the first, with cold code, is the slowest).
    expect(turns).toBeGreaterThanOrEqual(COUNT);
    expect(longest).toBeLessThan(total / 3);
  }, 60_000);

  it('stop ends it: done resolves, and from then on no turn is held by a parse', async () => {
    const { context } = await loadInputs({ root: site.path, drafts: true, future: true });
    /** The longest and the average hold of a turn over `ms`. */
    const watchTurns = async (ms: number) => {
      let last = performance.now();
      let longest = 0;
      let turns = 0;
      const start = last;
      while (performance.now() < start + ms) {
        await new Promise((resolve) => setImmediate(resolve));
        const now = performance.now();
        longest = Math.max(longest, now - last);
        last = now;
        turns++;
      }
      return { longest, average: (last - start) / turns };
    };
    const warming = warmUp(site.path, files, context);
    const during = await watchTurns(400);
    warming.stop();
    await warming.done;
    const after = await watchTurns(400);
    // While warming, a turn is about one parse; once stopped, no turn comes near that.
    expect(after.longest).toBeLessThan(during.average / 2);
  }, 60_000);
});
