/**
 * A site's own copy of one of gekkan's templates, made before gekkan added a
 * note its readers must not see go missing (a translation's correction note),
 * showed none of it, and nobody was told. Every build and check now warns at
 * the site's file, with the lines to add back. The oracle is the message
 * written out here (its line numbers counted by hand in gekkan's templates),
 * and templates cut from gekkan's own by plain string replacement.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { READER_NOTES } from "../../src/render/reader-notes.js";
import { buildInProcess, checkInProcess } from "../helpers/io.js";
import { ensureCompiled, runCli } from "../helpers/run-cli.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

const TEMPLATES = join(import.meta.dirname, "..", "..", "templates");
const gekkans = (name: string) => readFileSync(join(TEMPLATES, name), "utf8");

const CORRECTION_LINES = '{%- if correction %}\n<p class="issue-correction" role="note" data-pagefind-ignore>{{ correction.text }} <a href="{{ correction.url }}"{% if correction.hreflang != "" %} hreflang="{{ correction.hreflang }}"{% endif %}>{{ correction.link }} →</a></p>\n{%- endif %}\n';
const EMAIL_CORRECTION_LINES = '{%- if correction %}\n<p class="issue-correction">{{ correction.text }} <a href="{{ correction.url }}"{% if correction.hreflang != "" %} hreflang="{{ correction.hreflang }}"{% endif %}>{{ correction.link }} →</a></p>\n{%- endif %}\n';

/** gekkan's template with `cut` taken out; fails the test if gekkan's no longer holds it word for word. */
function without(name: string, cut: string, put = ""): string {
  const text = gekkans(name);
  expect(text).toContain(cut);
  return text.replace(cut, put);
}

const TRANSLATED = JSON.stringify({ title: "テスト月刊", url: "https://example.org/", languages: { en: { title: "Test Monthly" } } });
const ONE_LANGUAGE = JSON.stringify({ title: "テスト月刊", url: "https://example.org/" });
const APRIL = { "content/issues/2011/2011-04.md": issue({ title: "四月号", issue: 1, date: "2011-04-01" }) };

const ISSUE_WARNING =
  "templates/issue.liquid:7:1  warning: this template, your own in place of gekkan's, never shows the correction note (correction), which gekkan's shows on a translation whose original was corrected after the translation was made: without it, readers of the translation are not told that it may still say what the correction put right, nor led to the original; add lines 8-10 of gekkan's templates/issue.liquid after this line's issue.dateLabel: " +
  '{%- if correction %} <p class="issue-correction" role="note" data-pagefind-ignore>{{ correction.text }} <a href="{{ correction.url }}"{% if correction.hreflang != "" %} hreflang="{{ correction.hreflang }}"{% endif %}>{{ correction.link }} →</a></p> {%- endif %}';
const EMAIL_WARNING =
  "templates/email/issue.liquid:29:1  warning: this template, your own in place of gekkan's, never shows the correction note (correction), which gekkan's shows on a translation whose original was corrected after the translation was made: without it, readers of the translation are not told that it may still say what the correction put right, nor led to the original; add lines 30-32 of gekkan's templates/email/issue.liquid after this line's issue.dateLabel: " +
  '{%- if correction %} <p class="issue-correction">{{ correction.text }} <a href="{{ correction.url }}"{% if correction.hreflang != "" %} hreflang="{{ correction.hreflang }}"{% endif %}>{{ correction.link }} →</a></p> {%- endif %}';
const STOP = 'gekkan: if you mean this, stop the warning in gekkan.config.json with "ignoreWarnings": ["template-note-missing"]';

describe("a site's own template that leaves out a note readers need", () => {
  let site: TempDir | undefined;
  afterEach(() => site?.remove());

  it("gekkan's issue page without the correction lines: build and check warn once, at the line that shows the date", async () => {
    site = tempSite({ ...APRIL, "gekkan.config.json": TRANSLATED, "templates/issue.liquid": without("issue.liquid", CORRECTION_LINES) });
    expect(await buildInProcess(site.path)).toEqual({ code: 0, stderr: [ISSUE_WARNING, STOP] });
    const checked = await checkInProcess(site.path);
    expect(checked.code).toBe(0);
    expect(checked.lines.filter((line) => line.includes("template-note-missing") || line.startsWith("templates/"))).toEqual([ISSUE_WARNING, STOP]);
  });

  it("gekkan dev warns once too, with its first build", async () => {
    ensureCompiled();
    site = tempSite({ ...APRIL, "gekkan.config.json": TRANSLATED, "templates/issue.liquid": without("issue.liquid", CORRECTION_LINES) });
    const run = await runCli(["dev", "--port", "0", "--no-cache"], { cwd: site.path, deadlineMs: 60_000, onOutput: (text, kill) => /serving http/.test(text) && kill() });
    expect(run.timedOut).toBe(false);
    expect(run.stderr.trimEnd().split("\n")).toEqual([ISSUE_WARNING, STOP]);
  }, 300_000);

  it("gekkan's email template without the correction lines is warned the same", async () => {
    site = tempSite({ ...APRIL, "gekkan.config.json": TRANSLATED, "templates/email/issue.liquid": without("email/issue.liquid", EMAIL_CORRECTION_LINES) });
    expect(await buildInProcess(site.path)).toEqual({ code: 0, stderr: [EMAIL_WARNING, STOP] });
  });

  it("gekkan's front page without the note on untranslated issues is warned at line 1: no one line marks where it goes", async () => {
    const lines = '{%- if untranslated %}\n<p class="other-edition">{{ untranslated.text }} <a href="{{ untranslated.url }}" hreflang="{{ untranslated.lang }}">{{ untranslated.link }} →</a></p>\n{%- endif %}\n';
    site = tempSite({ ...APRIL, "gekkan.config.json": TRANSLATED, "templates/index.liquid": without("index.liquid", lines) });
    expect(await buildInProcess(site.path)).toEqual({
      code: 0,
      stderr: [
        "templates/index.liquid:1:1  warning: this template, your own in place of gekkan's, never shows the note on issues not translated yet (untranslated), which gekkan's shows on a translation's front page while some of the original's issues have no translation in its language: without it, readers of the edition take it for every issue there is, and never find the others; add lines 24-26 of gekkan's templates/index.liquid: " +
          '{%- if untranslated %} <p class="other-edition">{{ untranslated.text }} <a href="{{ untranslated.url }}" hreflang="{{ untranslated.lang }}">{{ untranslated.link }} →</a></p> {%- endif %}',
        STOP,
      ],
    });
  });

  it("a full copy of gekkan's templates, notes and all, gets no warning", async () => {
    const names = ["issue.liquid", "email/issue.liquid", "index.liquid", "partials/issue-card.liquid", "partials/archive-item.liquid", "layouts/base.liquid"];
    site = tempSite({ ...APRIL, "gekkan.config.json": TRANSLATED, ...Object.fromEntries(names.map((name) => [`templates/${name}`, gekkans(name)])) });
    expect(await buildInProcess(site.path)).toEqual({ code: 0, stderr: [] });
  });

  it("ignoreWarnings: [template-note-missing] stops it", async () => {
    const config = JSON.stringify({ ...(JSON.parse(TRANSLATED) as object), ignoreWarnings: ["template-note-missing"] });
    site = tempSite({ ...APRIL, "gekkan.config.json": config, "templates/issue.liquid": without("issue.liquid", CORRECTION_LINES) });
    expect(await buildInProcess(site.path)).toEqual({ code: 0, stderr: [] });
  });

  it("a site with no templates folder gets none", async () => {
    site = tempSite({ ...APRIL, "gekkan.config.json": TRANSLATED });
    expect(await buildInProcess(site.path)).toEqual({ code: 0, stderr: [] });
  });

  it("a template that shows the note through a partial it includes gets none", async () => {
    const partial = '{%- if correction %}<p class="note">{{ correction.text }} <a href="{{ correction.url }}">{{ correction.link }}</a></p>{% endif %}\n';
    site = tempSite({
      ...APRIL,
      "gekkan.config.json": TRANSLATED,
      "templates/issue.liquid": without("issue.liquid", CORRECTION_LINES, '{% include "partials/correction-note" %}\n'),
      "templates/partials/correction-note.liquid": partial,
    });
    expect(await buildInProcess(site.path)).toEqual({ code: 0, stderr: [] });
  });

  it("the correction note is not asked of a site in one language, which never shows it; the draft badge is", async () => {
    const draftBadge = '{% if issue.draft %} <span class="badge badge-draft">{{ tc.draft }}</span>{% endif %}';
    const own = without("issue.liquid", CORRECTION_LINES).replace(draftBadge, "");
    site = tempSite({ ...APRIL, "gekkan.config.json": ONE_LANGUAGE, "templates/issue.liquid": own });
    const built = await buildInProcess(site.path);
    expect(built.stderr).toEqual([
      "templates/issue.liquid:5:1  warning: this template, your own in place of gekkan's, never shows the draft badge (issue.draft), which gekkan's shows on a draft, built with --drafts or by gekkan dev: without it, whoever reviews a preview takes the draft for a published issue; add line 5 of gekkan's templates/issue.liquid after this line's issue.numberLabel: " +
        draftBadge,
      STOP,
    ]);
  });

  it("every note's markup offered to paste is gekkan's own, word for word, in the template it is asked of", () => {
    for (const [name, notes] of Object.entries(READER_NOTES)) for (const note of notes) expect(gekkans(name)).toContain(note.markup);
  });
});
