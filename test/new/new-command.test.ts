import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile, rm, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli.js';
import { generate } from '../../src/pipeline/generate.js';
import { loadConfig } from '../../src/config.js';
import { createIssueRenderer } from '../../src/content/render-issue.js';
import { nextMonth } from '../../src/new/plan.js';
import { packageRoot } from '../../src/package-root.js';
import { copyFixture, memoryIo } from '../helpers/dev-server.js';

let site: { root: string; remove: () => Promise<void> };

beforeEach(async () => {
  site = await copyFixture('dev-site');
  // Today in the month of the fixture's latest issue (2011-06), as for an author who writes every month: on the clock's
  // day, years later, gekkan new plans the current month instead (new-after-gap.test.ts).
  vi.stubEnv('SOURCE_DATE_EPOCH', String(Date.UTC(2011, 5, 15) / 1000));
});
afterEach(async () => {
  await site.remove();
  vi.unstubAllEnvs();
});

/** `lines`: what it printed but its closing next step (cli/new-next-step.test.ts holds that), which is `next`. */
async function gekkanNew(...args: string[]) {
  const io = memoryIo();
  const code = await main(['new', '--root', site.root, ...args], io);
  const next = io.lines.at(-1)?.startsWith('next: ') === true ? io.lines.at(-1) : undefined;
  const lines = next === undefined ? io.lines : io.lines.slice(0, -1);
  return { code, output: lines.join('\n'), lines, next };
}

/** Makes the fixture a site in `lang`, its issues included. */
async function siteLanguage(lang: string) {
  const config = join(site.root, 'gekkan.config.json');
  await writeFile(config, (await readFile(config, 'utf8')).replace('"lang": "en"', `"lang": "${lang}"`));
  const dir = join(site.root, 'content/issues/2011');
  if (!existsSync(dir)) return;
  for (const name of await readdir(dir)) await writeFile(join(dir, name), (await readFile(join(dir, name), 'utf8')).replace(/^lang: en$/m, `lang: ${lang}`));
}

function renderFile(file: string, text: string) {
  const config = loadConfig(site.root);
  const render = createIssueRenderer({ components: config.components, languages: ['en', 'ja'], defaultLang: config.lang, basePath: config.basePath });
  return render(file, Buffer.from(text, 'utf8'));
}

describe('gekkan new', () => {
  it('creates the next number (drafts count) in the month after the latest issue, as a draft, and prints the path', async () => {
    const run = await gekkanNew();
    expect(run.code).toBe(0);
    expect(run.lines).toEqual(['content/issues/2011/2011-07.md']);
    const text = await readFile(join(site.root, 'content/issues/2011/2011-07.md'), 'utf8');
    expect(text).toMatch(/^---\ntitle: "July 2011"\nissue: 4\ndate: 2011-07-01\n/);
    expect(text).toMatch(/^draft: true$/m);
    expect(text).toMatch(/^lang: en$/m);
  });

  it.each(['ja', 'en'] as const)('writes a %s skeleton that validates, with one block of each kind', async (lang) => {
    // The fixture is an English site; as a Japanese one, its issues are Japanese too (an English issue would be a translation).
    if (lang === 'ja') await siteLanguage('ja');
    const run = await gekkanNew('--lang', lang);
    expect(run.code).toBe(0);
    const file = 'content/issues/2011/2011-07.md';
    const text = await readFile(join(site.root, file), 'utf8');
    const result = renderFile(file, text);
    if (!result.ok) throw new Error(result.messages.map(String).join('\n'));
    expect(result.value.issue).toMatchObject({ number: 4, date: '2011-07-01', draft: true, lang, title: lang === 'ja' ? '2011年7月号' : 'July 2011' });
    expect(result.value.body.blocks.map((b) => b.kind)).toEqual(['release', 'qa', 'stonith']);
    const qa = result.value.body.blocks[1];
    expect(qa?.kind === 'qa' && qa.answerHtml).toBeTruthy();
    expect(text).toContain(lang === 'ja' ? '質問をここに書きます' : 'Write the question here');
    // And the whole site still builds with it, drafts shown.
    const built = await generate({ root: site.root, drafts: true, future: true, search: false });
    expect(built.output.text('issues/2011-07/index.html')).toContain(lang === 'ja' ? '2011年7月号' : 'July 2011');
  });

  it('starts the next issue of a site in a language of its own (templates/locales/fr.json), with the English example text', async () => {
    const pack = JSON.parse(await readFile(join(packageRoot(), 'templates/locales/en.json'), 'utf8')) as Record<string, unknown>;
    await mkdir(join(site.root, 'templates/locales'), { recursive: true });
    await writeFile(join(site.root, 'templates/locales/fr.json'), JSON.stringify({ ...pack, intl: 'fr-FR' }));
    await siteLanguage('fr');
    const run = await gekkanNew('--lang', 'fr');
    expect(run.output).toBe('content/issues/2011/2011-07.md');
    expect(run.code).toBe(0);
    const text = await readFile(join(site.root, 'content/issues/2011/2011-07.md'), 'utf8');
    expect(text).toMatch(/^lang: fr$/m);
    expect(text).toContain('Write the question here');
    const built = await generate({ root: site.root, drafts: true, future: true, search: false });
    expect(built.output.text('issues/2011-07/index.html')).toContain('Write the question here');
  });

  it('--help says --lang takes a language code, and names the packs gekkan has, not a fixed ja|en', async () => {
    const io = memoryIo();
    expect(await main(['new', '--help'], io)).toBe(0);
    const help = io.lines.join('\n');
    expect(help).not.toContain('ja|en');
    expect(help).toMatch(/^gekkan new \[--root DIR\] \[--date YYYY-MM\] \[--slug NAME\] \[--title T\] \[--lang LANG\]$/m);
    expect(help).toMatch(/^ {2}--lang LANG {6}the issue's language code: the site's "lang"/m);
    // Oracle: the packs gekkan ships are the files in its templates/locales/.
    const shipped = (await readdir(join(packageRoot(), 'templates/locales'))).map((name) => name.replace(/\.json$/, '')).sort();
    expect(help.replace(/\s+/g, ' ')).toContain(`gekkan's (${shipped.join(', ')}) or the site's own (templates/locales/LANG.json)`);
  });

  it('takes --date and --title, and rolls December over to January of the next year', async () => {
    expect((await gekkanNew('--date', '2011-12', '--title', 'Year-end special')).code).toBe(0);
    expect(await readFile(join(site.root, 'content/issues/2011/2011-12.md'), 'utf8')).toMatch(/^title: "Year-end special"\nissue: 4\ndate: 2011-12-01$/m);
    const next = await gekkanNew();
    expect(next.code).toBe(0);
    // Issue 4 is untouched still: said (cli/new-untouched-draft.test.ts), and the next issue made all the same.
    expect(next.lines).toEqual(['content/issues/2012/2012-01.md', expect.stringContaining('gekkan new: note: issue 4 (content/issues/2011/2011-12.md) is still the draft gekkan new started')]);
    expect(await readFile(join(site.root, 'content/issues/2012/2012-01.md'), 'utf8')).toMatch(/^issue: 5\ndate: 2012-01-01$/m);
    expect(nextMonth('2011-12')).toBe('2012-01');
    expect(nextMonth('2011-09')).toBe('2011-10');
  });

  it('an earlier --date is allowed (a gap filled late), with a note that the numbers will not follow the dates', async () => {
    const io = memoryIo();
    const errors: string[] = [];
    const code = await main(['new', '--root', site.root, '--date', '2011-02'], { ...io, err: (line) => errors.push(line) });
    expect(code).toBe(0);
    expect(io.lines).toEqual(['content/issues/2011/2011-02.md']);
    expect(await readFile(join(site.root, 'content/issues/2011/2011-02.md'), 'utf8')).toMatch(/^issue: 4\ndate: 2011-02-01$/m);
    expect(errors).toEqual([expect.stringContaining('issue 4 is dated 2011-02-01, before issue 3 (content/issues/2011/2011-06.md, 2011-06-01)'), expect.stringMatching(/^next: /)]);
    // The month after the latest issue gets no note.
    const next = memoryIo();
    const later: string[] = [];
    expect(await main(['new', '--root', site.root], { ...next, err: (line) => later.push(line) })).toBe(0);
    expect(later.filter((line) => line.includes('issue-number-order'))).toEqual([]);
    expect(later.at(-1)).toMatch(/^next: /);
  });

  it('refuses a month that already has an issue, pointing at it, and changes nothing', async () => {
    const file = join(site.root, 'content/issues/2011/2011-05.md');
    const before = await readFile(file, 'utf8');
    const run = await gekkanNew('--date', '2011-05');
    expect(run.code).toBe(1);
    expect(run.output).toContain('content/issues/2011/2011-05.md:4:1  an issue for 2011-05 already exists');
    expect(await readFile(file, 'utf8')).toBe(before);
  });

  it('never overwrites an existing file, even one dated another month', async () => {
    const file = join(site.root, 'content/issues/2011/2011-09.md');
    const text = '---\ntitle: "Misfiled"\nissue: 9\ndate: 2011-10-01\nlang: en\n---\n\nText.\n';
    await writeFile(file, text);
    const run = await gekkanNew('--date', '2011-09');
    expect(run.code).toBe(1);
    expect(run.output).toContain('content/issues/2011/2011-09.md');
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  it('counts the number of an issue whose front matter is broken', async () => {
    await writeFile(join(site.root, 'content/issues/2011/2011-08.md'), '---\ntitle: [unclosed\nissue: 7\ndate: 2011-08-01\n---\n\nText.\n');
    const run = await gekkanNew();
    expect(run.lines).toEqual(['content/issues/2011/2011-09.md']);
    expect(await readFile(join(site.root, 'content/issues/2011/2011-09.md'), 'utf8')).toMatch(/^issue: 8$/m);
  });

  it('starts at issue 1 in the current month (SOURCE_DATE_EPOCH) on an empty site', async () => {
    await rm(join(site.root, 'content'), { recursive: true });
    await mkdir(join(site.root, 'content'));
    const saved = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = String(Date.UTC(2012, 2, 15) / 1000);
    await siteLanguage('ja');
    try {
      const run = await gekkanNew('--lang', 'ja');
      expect(run.lines).toEqual(['content/issues/2012/2012-03.md']);
      expect(await readFile(join(site.root, 'content/issues/2012/2012-03.md'), 'utf8')).toMatch(/^title: "2012年3月号"\nissue: 1\n/m);
    } finally {
      if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = saved;
    }
  });

  // A file whose front matter could not be read was counted out without a word: the number given could be its number too.
  it('says which file it could not read a number from, and that the number it gave may clash', async () => {
    await writeFile(join(site.root, 'content/issues/2011/2011-03.md'), '---\ntitle: "broken\nissue: 7 # seven\ndate: 2011-03-01\n---\n\nText.\n');
    const run = await gekkanNew();
    expect(run.code).toBe(0);
    expect(run.lines).toEqual([
      'content/issues/2011/2011-07.md',
      "content/issues/2011/2011-03.md:2:8  warning: gekkan new could not read this file's front matter, so not its issue number either, and counted without it: issue 4, the number it gave the new issue, may be this file's too; fix this file (gekkan check says how), then give the new issue another number if the two clash",
    ]);
    // A broken file whose issue: line can still be picked out is counted, and nothing is said.
    await writeFile(join(site.root, 'content/issues/2011/2011-03.md'), '---\ntitle: "broken\nissue: 7\ndate: 2011-03-01\n---\n\nText.\n');
    await rm(join(site.root, 'content/issues/2011/2011-07.md'));
    expect((await gekkanNew()).lines).toEqual(['content/issues/2011/2011-07.md']);
    expect(await readFile(join(site.root, 'content/issues/2011/2011-07.md'), 'utf8')).toMatch(/^issue: 8$/m);
  });

  it('--translate starts a translation beside the original: its text, lang and draft: true, named <name>.<lang>.md', async () => {
    const original = await readFile(join(site.root, 'content/issues/2011/2011-04.md'), 'utf8');
    const run = await gekkanNew('--translate', '1', '--lang', 'ja');
    expect(run.code, run.output).toBe(0);
    expect(run.lines).toEqual(['content/issues/2011/2011-04.ja.md']);
    const text = await readFile(join(site.root, 'content/issues/2011/2011-04.ja.md'), 'utf8');
    // The original's text, with only lang changed and draft: true added after it.
    expect(text).toBe(original.replace('lang: en\n', 'lang: ja\ndraft: true\n'));
    // By slug too, with a title of its own; the built site has it at /ja/, linked both ways.
    expect((await gekkanNew('--translate', '2011-05', '--lang', 'ja', '--title', '5月のメモ')).lines).toEqual(['content/issues/2011/2011-05.ja.md']);
    expect(await readFile(join(site.root, 'content/issues/2011/2011-05.ja.md'), 'utf8')).toMatch(/^---\ntitle: "5月のメモ"\nissue: 2\n/);
    const built = await generate({ root: site.root, drafts: true, future: true, search: false });
    expect(built.output.text('ja/issues/2011-04/index.html')).toContain('hreflang="en" href="https://dev.example/sub/issues/2011-04/"');
    expect(built.output.text('issues/2011-04/index.html')).toContain('hreflang="ja" href="https://dev.example/sub/ja/issues/2011-04/"');
  });

  // The copy kept gekkan new's title in the site's language ("July 2011" in a ja translation), which its edition then listed untranslated.
  it('--translate titles the translation of an issue still titled by gekkan new with its month in the translation\'s language', async () => {
    const made = await gekkanNew('--date', '2011-07');
    expect(made.code).toBe(0);
    expect(await readFile(join(site.root, 'content/issues/2011/2011-07.md'), 'utf8')).toContain('title: "July 2011"\n');
    expect((await gekkanNew('--translate', '2011-07', '--lang', 'ja')).code).toBe(0);
    expect(await readFile(join(site.root, 'content/issues/2011/2011-07.ja.md'), 'utf8')).toContain('title: "2011年7月号"\n');
    // A title of the author's own is left for them to translate.
    expect((await gekkanNew('--translate', '1', '--lang', 'ja')).code).toBe(0);
    expect(await readFile(join(site.root, 'content/issues/2011/2011-04.ja.md'), 'utf8')).toContain('title: "April notes"\n');
  });

  it('--translate never overwrites a translation there is, and names the issues there are when the one asked for is not', async () => {
    expect((await gekkanNew('--translate', '1', '--lang', 'ja')).code).toBe(0);
    const again = await gekkanNew('--translate', '2011-04', '--lang', 'ja');
    expect(again.code).toBe(1);
    // At its lang: line, which makes it the translation; it pointed at date:, a line that says nothing of it.
    expect(again.output).toContain('content/issues/2011/2011-04.ja.md:5:1  issue 1 already has a translation into ja here; gekkan new never overwrites');
    const missing = await gekkanNew('--translate', '9', '--lang', 'ja');
    expect(missing.code).toBe(1);
    expect(missing.output).toContain('gekkan new: no issue "9" in en to translate: give its number, slug or month (YYYY-MM); the site has 1 (content/issues/2011/2011-04.md), 2 (content/issues/2011/2011-05.md), 3 (content/issues/2011/2011-06.md)');
  });

  it('--translate names the issues there are by number, whatever order their files sort in', async () => {
    await mkdir(join(site.root, 'content/issues/2010'), { recursive: true });
    await writeFile(join(site.root, 'content/issues/2010/2010-12.md'), '---\ntitle: "Filled in"\nissue: 4\ndate: 2010-12-01\n---\n\nText.\n');
    const missing = await gekkanNew('--translate', '9', '--lang', 'ja');
    expect(missing.output).toContain('the site has 1 (content/issues/2011/2011-04.md), 2 (content/issues/2011/2011-05.md), 3 (content/issues/2011/2011-06.md), 4 (content/issues/2010/2010-12.md)');
  });

  // An issue that set a slug after it was published was offered another issue's month ("did you mean 2011-06") for its own.
  it('--translate finds an issue by its month when it has a slug of its own', async () => {
    const file = join(site.root, 'content/issues/2011/2011-05.md');
    await writeFile(file, (await readFile(file, 'utf8')).replace('date: 2011-05-01', 'date: 2011-05-01\nslug: may-special'));
    const made = await gekkanNew('--translate', '2011-05', '--lang', 'ja');
    expect(made.code).toBe(0);
    expect(made.output.trim()).toBe('content/issues/2011/2011-05.ja.md');
  });

  // The original's correction day (updated) was copied, so the new translation's feed entry and sitemap date said it was corrected that day.
  // Dated as the original (2011-05-01), a translation made from the corrected text was then taken for one made before the correction (translation-outdated).
  it('--translate leaves out the original\'s updated, and dates the translation of a corrected original today', async () => {
    vi.stubEnv('SOURCE_DATE_EPOCH', String(Date.UTC(2011, 5, 3, 12) / 1000));
    const file = join(site.root, 'content/issues/2011/2011-05.md');
    const original = (await readFile(file, 'utf8')).replace('date: 2011-05-01\n', 'date: 2011-05-01\nupdated: 2011-05-20\n');
    await writeFile(file, original);
    expect((await gekkanNew('--translate', '2', '--lang', 'ja')).code).toBe(0);
    const text = await readFile(join(site.root, 'content/issues/2011/2011-05.ja.md'), 'utf8');
    expect(text).toBe(original.replace('updated: 2011-05-20\n', '').replace('date: 2011-05-01\n', 'date: 2011-06-03\n').replace('lang: en\n', 'lang: ja\ndraft: true\n'));
    // An original never corrected keeps its date in the copy.
    expect((await gekkanNew('--translate', '1', '--lang', 'ja')).code).toBe(0);
    expect(await readFile(join(site.root, 'content/issues/2011/2011-04.ja.md'), 'utf8')).toMatch(/^date: 2011-04-01$/m);
  });

  it('--translate with a near miss of a slug gets the slug', async () => {
    const missing = await gekkanNew('--translate', '2011-5', '--lang', 'ja');
    expect(missing.code).toBe(1);
    expect(missing.output).toContain('gekkan new: no issue "2011-5" in en to translate: give its number, slug or month (YYYY-MM); the site has 1 (content/issues/2011/2011-04.md), 2 (content/issues/2011/2011-05.md), 3 (content/issues/2011/2011-06.md) — did you mean "2011-05"?');
  });

  it('a file that only bears the next month\'s name is named for what it holds, with the name to give it', async () => {
    // An issue dated June saved as 2011-07.md: "an issue for 2011-07 already exists here" pointed at a June issue.
    const june = await readFile(join(site.root, 'content/issues/2011/2011-06.md'), 'utf8');
    await rm(join(site.root, 'content/issues/2011/2011-06.md'));
    await writeFile(join(site.root, 'content/issues/2011/2011-07.md'), june);
    const run = await gekkanNew();
    expect(run.code).toBe(1);
    const line = june.split('\n').findIndex((l) => /^date:/.test(l)) + 1;
    expect(run.output).toContain(`content/issues/2011/2011-07.md:${line}:1  this file has the name gekkan new gives the 2011-07 issue, but it holds issue 3 dated 2011-06-01; gekkan new never overwrites — rename it 2011-06.md (in content/issues/2011/), or choose another month with --date YYYY-MM`);
  });

  it.each([
    // A month in the shape asked for that the calendar has not is named for what is wrong with it, not for its shape.
    [['--date', '2011-13'], "--date 2011-13: there is no month 13; months run from 01 to 12; give the issue's month as YYYY-MM, e.g. --date 2011-07"],
    [['--date', '2011-00'], '--date 2011-00: there is no month 0; months run from 01 to 12'],
    [['--date', '2011/13'], '--date 2011/13: there is no month 13'],
    [['--date', '0000-05'], '--date 0000-05: there is no year 0000; years start at 0001'],
    [['--date', '2011-07-01'], '--date must be a month written YYYY-MM, e.g. 2011-07; found "2011-07-01" — did you mean --date 2011-07?'],
    [['--date', '2011/7'], '--date must be a month written YYYY-MM, e.g. 2011-07; found "2011/7" — did you mean --date 2011-07?'],
    [['--date', '２０１１年７月'], 'found "２０１１年７月" — did you mean --date 2011-07?'],
    // A code with no locale pack is named as such, as in the front matter and the config, not sent on to --translate.
    [['--lang', 'fr'], '--lang fr: no locale pack "fr"; available: en, ja (a language of its own needs templates/locales/fr.json)'],
    [['--lang', 'EN'], '--lang EN: no locale pack "EN" — did you mean "en"?'],
    [['--lang', 'japanese'], '--lang japanese: no locale pack "japanese" — did you mean "ja"?'],
    [['--lang', 'ja'], "a new issue is written in the site's language (en); an issue in ja is a translation of one: gekkan new --translate ISSUE --lang ja"],
    [['--translate', '1'], '--translate needs --lang, the language to translate into: one of ja'],
    // Given as the site's own, it is named as that, not as missing.
    [['--translate', '1', '--lang', 'en'], "--lang en is the site's own language, the original's; --translate needs the language to translate into: one of ja"],
    [['--translate', '1', '--lang', 'fr'], '--lang fr: no locale pack "fr"; available: ja (a language of its own needs templates/locales/fr.json)'],
    [['--translate', '1', '--lang', 'JA'], '--lang JA: no locale pack "JA" — did you mean "ja"?'],
    [['--translate', '1', '--lang', 'japanese'], '--lang japanese: no locale pack "japanese" — did you mean "ja"?'],
    // The site's own language typed another way has its pack: not "a language of its own needs templates/locales/EN.json".
    [['--translate', '1', '--lang', 'EN'], "--lang EN is en, the site's own language, the original's; --translate needs the language to translate into: one of ja"],
    [['--translate', '1', '--lang', 'english'], "--lang english is en, the site's own language, the original's; --translate needs the language to translate into: one of ja"],
    [['--translate', '1', '--lang', 'ja', '--date', '2011-07'], '--translate takes the date of the issue it translates; leave out --date'],
    [['--title', '  '], '--title must not be empty'],
  ])('rejects %j as a usage error', async (args, message) => {
    const run = await gekkanNew(...args);
    expect(run.code).toBe(2);
    expect(run.output).toContain(message);
    expect(existsSync(join(site.root, 'content/issues/2011/2011-07.md'))).toBe(false);
  });

  it("names ja as a ja site's own language when --translate is given --lang ja, not --lang as missing", async () => {
    await siteLanguage('ja');
    const run = await gekkanNew('--translate', '1', '--lang', 'ja');
    expect(run.code).toBe(2);
    expect(run.output).toContain("--lang ja is the site's own language, the original's; --translate needs the language to translate into: one of en");
    expect(run.output).not.toContain('needs --lang,');
  });
});
