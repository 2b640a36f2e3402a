/**
 * The dev server's quick path (updateIssues) on a site with translations:
 * whenever it answers an edit of an original or a translation, every page
 * it leaves must be byte for byte what a full generate() of the edited site
 * makes (feeds, emails and search follow with the catch-up, so they are not
 * compared). The generator covers the shapes that make translations hard:
 * untranslated issues, translations with fewer or extra blocks, blocks
 * paired by anchor and by facts, edits to text only (which must stay quick)
 * and edits that move a translation (number, lang, draft, slug, date).
 */
import fc from "fast-check";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generate, type Generated } from "../../src/pipeline/generate.js";
import { updateIssues } from "../../src/pipeline/update.js";
import type { Reuse } from "../../src/pipeline/reuse.js";
import { MapStore } from "../../src/incremental/map-store.js";
import { memoOver, noMemo } from "../../src/incremental/memo.js";
import { digest } from "../../src/incremental/digest.js";
import { tempDir, writeFiles } from "../helpers/temp-site.js";

const NOW = new Date("2026-01-01T00:00:00Z");
const CONFIG = `${JSON.stringify({ title: "テスト月刊", url: "https://example.org/", lang: "ja", search: false, languages: { en: { title: "Test Monthly" } } })}\n`;

/** Blocks an issue may hold; a translation copies the attributes and translates the text (a release title is text). */
const BLOCKS = [
  { ja: ':::release{component="pacemaker" version="1.0.11" status="planned"}\n近く出ます。\n:::', en: ':::release{component="pacemaker" version="1.0.11" status="planned"}\nDue soon.\n:::' },
  { ja: ':::release{component="resource-agents" status="moved" title="git へ移転"}\n移りました。\n:::', en: ':::release{component="resource-agents" status="moved" title="Moved to git"}\nIt moved.\n:::' },
  { ja: ':::qa{components="pacemaker" versions="1.0 1.1"}\n混在できますか？\n\n---\n\nできません。\n:::', en: ':::qa{components="pacemaker" versions="1.0 1.1"}\nCan they mix?\n\n---\n\nNo.\n:::' },
  { ja: ':::stonith{device="HP iLO3" plugin="ipmi"}\nipmi を使います。\n:::', en: ':::stonith{device="HP iLO3" plugin="ipmi"}\nUse ipmi.\n:::' },
] as const;
const EXTRA = ':::qa{components="corosync"}\nA note from the translator?\n\n---\n\nYes.\n:::';

interface IssueShape {
  blocks: number[];
  translated: boolean;
  /** Which of the original's blocks the translation keeps (by index into `blocks`), and whether it adds one. */
  keep: boolean[];
  extra: boolean;
}

const issueShape: fc.Arbitrary<IssueShape> = fc.record({
  blocks: fc.uniqueArray(fc.integer({ min: 0, max: BLOCKS.length - 1 }), { maxLength: 3 }),
  translated: fc.boolean(),
  keep: fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
  extra: fc.boolean(),
});

const EDITS = ["word", "title", "block text", "block attribute", "draft", "slug", "date", "number", "lang"] as const;
type Edit = (typeof EDITS)[number];

const month = (n: number) => `2011-${String(n + 3).padStart(2, "0")}`;

function original(n: number, shape: IssueShape): string {
  return `---\ntitle: "${n}号"\nissue: ${n}\ndate: ${month(n)}-01\ntags: [pacemaker]\n---\n\n本文です。ことば。\n\n${shape.blocks.map((b) => BLOCKS[b]?.ja).join("\n\n")}\n`;
}

function translation(n: number, shape: IssueShape): string {
  const kept = shape.blocks.filter((_, i) => shape.keep[i]).map((b) => BLOCKS[b]?.en);
  return `---\ntitle: "Issue ${n}"\nissue: ${n}\ndate: ${month(n)}-01\ntags: [pacemaker]\nlang: en\n---\n\nThe text. Words here.\n\n${[...kept, ...(shape.extra ? [EXTRA] : [])].join("\n\n")}\n`;
}

function edited(text: string, edit: Edit): string {
  const swap = (from: RegExp, to: string) => text.replace(from, to);
  switch (edit) {
    // Same length and script: the reading time stays, so nothing other pages show changes.
    case "word": return text.replace(/ことば|Words/, (m) => (m === "ことば" ? "もじれ" : "Texts"));
    case "title": return swap(/^title: "(.*)"$/m, 'title: "$1 改"');
    case "block text": return swap(/title="(git へ移転|Moved to git)"/, 'title="$1 (2)"');
    case "block attribute": return swap(/version="1\.0\.11"/, 'version="1.0.12"');
    case "draft": return swap(/^issue:/m, "draft: true\nissue:");
    case "slug": return swap(/^issue:/m, "slug: special\nissue:");
    case "date": return swap(/^date: (\d{4}-\d{2})-01$/m, "date: $1-20");
    case "number": return swap(/^issue: (\d+)$/m, "issue: 9");
    case "lang": return text.includes("lang: en") ? swap(/^lang: en$/m, "lang: ja") : swap(/^issue:/m, "lang: en\nissue:");
  }
}

const reuse = (): Reuse => ({ issues: memoOver(new MapStore()), pages: memoOver(new MapStore()), search: noMemo });
const build = (root: string, with_: Reuse) => generate({ root, drafts: true, future: true, serveAt: "/", search: false, now: NOW }, with_);
const pages = (g: Generated) => g.output.paths().filter((p) => p.endsWith(".html") && !p.endsWith("/email.html"));

describe("gekkan dev's quick path with translations", () => {
  const dir = tempDir("quick-translations-");
  afterAll(() => dir.remove());
  let quickTextEdits = 0;

  it("property: a quick update of an original or a translation leaves exactly the pages a full build makes", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(issueShape, { minLength: 1, maxLength: 3 }), fc.nat(), fc.constantFrom(...EDITS), async (shapes, pick, edit) => {
        rmSync(join(dir.path, "content"), { recursive: true, force: true });
        const files: Record<string, string> = { "gekkan.config.json": CONFIG };
        shapes.forEach((shape, i) => {
          files[`content/issues/2011/${month(i + 1)}.md`] = original(i + 1, shape);
          if (shape.translated) files[`content/issues/2011/${month(i + 1)}.en.md`] = translation(i + 1, shape);
        });
        writeFiles(dir.path, files);
        const memos = reuse();
        const previous = await build(dir.path, memos);
        const names = Object.keys(files).filter((f) => f.endsWith(".md"));
        const file = names[pick % names.length] as string;
        const text = edited(files[file] as string, edit);
        fc.pre(text !== files[file]);
        writeFileSync(join(dir.path, file), text);
        const bytes = Buffer.from(text, "utf8");
        const updated = await updateIssues(previous, [{ file, bytes, digest: digest(bytes) }], memos);
        if (edit === "word") {
          // A text-only edit is what the quick path is for.
          expect(updated, `${edit} in ${file}`).toBeDefined();
          if (file.endsWith(".en.md")) quickTextEdits++;
        }
        if (updated === undefined) return;
        let fresh: Generated;
        try {
          fresh = await build(dir.path, reuse());
        } catch (error) {
          throw new Error(`the quick path took an edit that breaks the site (${edit} in ${file}): ${String(error)}`);
        }
        expect(pages(updated.generated)).toEqual(pages(fresh));
        for (const path of pages(fresh)) expect(updated.generated.output.text(path), `${path} after ${edit} in ${file}`).toBe(fresh.output.text(path));
      }),
      // The random runs meet a text-only edit of a translation in about one run in
      // thirty, so a run of 100 missed it now and then; this example always runs it
      // (the original is file 0, its translation file 1).
      { numRuns: 100, examples: [[[{ blocks: [1, 3], translated: true, keep: [true, false, true], extra: true }], 1, "word"]] },
    );
    // The runs did exercise the quick path on translations, not only fall back.
    expect(quickTextEdits).toBeGreaterThan(0);
  }, 240_000);
});
