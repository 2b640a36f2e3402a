import type { VFileMessage } from "vfile-message";
import { warning } from "../diagnostics.js";
import type { SiteConfig } from "../config.js";
import { CONFIG_FILE } from "../config-file.js";
import type { Site, SiteIssue } from "./model.js";
import type { Block } from "../blocks/types.js";
import { blockPairs } from "./block-match.js";

/** Languages written in the scripts below: a title in them may be shared word for word. */
const CJK_LANGUAGES = new Set(["ja", "zh", "ko"]);
const writesCjk = (lang: string) => CJK_LANGUAGES.has(lang.split("-")[0] ?? "");
const CJK_TEXT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * A published translation whose title or summary is still its original's,
 * word for word, in Japanese (or Chinese, Korean) though the translation's
 * language is not: `gekkan new --translate` copies the front matter, and a
 * body translated but a title forgotten puts Japanese in the English
 * edition's lists, feeds, search results and email subject. The body's copy
 * is an error (collect-problems.ts); a title can be a name kept on purpose
 * ("Pacemaker 1.1"), so this is a warning, and only for text in a script the
 * translation's language does not use. Not for a draft: it is a translation
 * in progress (as for TODO notes).
 */
export function untranslatedFieldWarnings(entries: readonly SiteIssue[]): VFileMessage[] {
  return entries.flatMap((entry) => {
    const original = entry.versions[0];
    // A draft is where a translation is still being made, also when --drafts or gekkan dev builds it.
    if (original === undefined || original === entry || entry.issue.draft || writesCjk(entry.issue.lang)) return [];
    const fields = [
      { name: "title", value: entry.issue.title, was: original.issue.title, line: entry.issue.titleLine },
      { name: "summary", value: entry.issue.summary, was: original.issue.summary, line: entry.issue.summaryLine },
    ];
    const copiedFields = fields
      .filter((field) => field.value === field.was && CJK_TEXT.test(field.value))
      .map((field) => warning(entry.issue.file, `the ${field.name} "${field.value}" is still its original's (${original.issue.file}), word for word, so the ${entry.issue.lang} edition shows it untranslated in its lists, feeds, search results and email; translate it`, { line: field.line, column: 1 }, "untranslated-field"));
    return [...copiedFields, ...untranslatedBlocks(entry, original)];
  });
}

/**
 * The same for a block's text: a translation whose foreword is translated
 * but a release's notes or a Q&A's answer were left as copied passes the
 * whole-text check (collect-problems.ts), and its English page showed the
 * Japanese paragraph under lang="en". One warning per block, at the block,
 * for each block matched to its original's (matchBlocks) with a part of its
 * text the same, word for word, in a script the translation's language does
 * not use.
 */
function untranslatedBlocks(entry: SiteIssue, original: SiteIssue): VFileMessage[] {
  return [...blockPairs(original, entry)].flatMap(([translated, partner]) => {
    const was = blockTexts(partner);
    const copied = blockTexts(translated).filter((part, i) => part.html === was[i]?.html && CJK_TEXT.test(part.html)).map((part) => part.name);
    if (copied.length === 0) return [];
    const reason = `the ${copied.join(" and ")} of this ${translated.kind} block (#${translated.id}) ${copied.length > 1 ? "are" : "is"} still its original's (${original.issue.file}:${partner.line}), word for word, so the ${entry.issue.lang} edition shows ${copied.length > 1 ? "them" : "it"} untranslated on this page, in its email and feeds; translate ${copied.length > 1 ? "them" : "it"}`;
    return [warning(entry.issue.file, reason, { line: translated.line, column: translated.column }, "untranslated-field")];
  });
}

/** A block's text, the parts a translation translates (block-match.ts blockFacts are the rest), each named as the message says it. */
function blockTexts(block: Block): Array<{ name: string; html: string }> {
  if (block.kind === "qa") return [{ name: "question", html: `${block.questionHtml}${block.questionDetailHtml}` }, { name: "answer", html: block.answerHtml }];
  if (block.kind === "release") return [{ name: "title", html: block.title }, { name: "text", html: block.bodyHtml }];
  return [{ name: "text", html: block.bodyHtml }];
}

/**
 * The same for the site's own title: an edition in another language shows
 * the config's "title" in its header, page titles and feeds unless
 * "languages" gives it one, and a Japanese title there is the same slip.
 */
export function untranslatedSiteTitleWarnings(config: Pick<SiteConfig, "file" | "title" | "languages">, site: Pick<Site, "translations">): VFileMessage[] {
  if (!CJK_TEXT.test(config.title)) return [];
  return site.translations
    .map((edition) => edition.lang)
    .filter((lang) => !writesCjk(lang) && config.languages[lang]?.title === undefined)
    .map((lang) => warning(config.file === "" ? CONFIG_FILE : config.file, `the ${lang} edition has no title of its own, so its pages, feeds and emails show the site's title "${config.title}" untranslated; add "languages": { "${lang}": { "title": "…", "description": "…" } } to ${CONFIG_FILE}`, { line: 1, column: 1 }, "untranslated-field"));
}
