import { placeOfOffset } from "./html-refs.js";
import { AS_WRITTEN, publishedAs, readStartTag, startTagsIn, type StartTag, type TagRewrite } from "./tag-match.js";

/** A file the markup of a built page may have been written in: an issue's Markdown, a template of the site. */
export interface MarkupSource {
  /** As messages name it: from the site root, with "/". */
  file: string;
  text: string;
  /** What the build does to the tags written there on their way to this page (default: nothing, as a template's). */
  rewrite?: TagRewrite;
  /** A template of the site: what is written there is on every page built from it. */
  template?: boolean;
}

/**
 * Where the author wrote the markup at `start`–`end` of a built page (the
 * tag the Nu Html Checker points at), so that a message about it names the
 * file to fix, not the page the build made. Found only when it is certain:
 * the tag, as written (`written` undoes what the build adds to it, such as
 * an email's inline styles), is in exactly one of `sources`, and that file
 * holds it as often as the page does, so the page's k-th is the file's k-th.
 * A tag no source holds as it is may have been rewritten on the way
 * (`colspan=0` serialised as `colspan="0"`): it is looked for by what it
 * says (rewrittenMarkupAt). A tag a template fills in
 * (`<td colspan="{{ n }}">`), one the build changed otherwise (an attribute
 * the sanitizer dropped), or one that is also in the chrome around the text
 * (`<div>`) is not guessed at: undefined, and the message stays at the
 * built page.
 */
export function writtenMarkupAt(page: string, start: number, end: number, sources: readonly MarkupSource[], written: (markup: string) => string = (markup) => markup): { file: string; line: number; column: number } | undefined {
  const markup = page.slice(start, end);
  // Only a tag is distinctive enough to look for; a character or a word of text is not.
  if (!/^<\/?[a-z][^<>]*>$/i.test(markup)) return undefined;
  const inPage = offsetsOf(page, markup);
  const nth = inPage.indexOf(start);
  const asWritten = written(markup);
  const holders = sources.map((source) => ({ source, at: offsetsOf(source.text, asWritten) })).filter((holder) => holder.at.length > 0);
  const [holder] = holders;
  if (holders.length === 0) return rewrittenMarkupAt(page, start, markup, sources);
  if (nth === -1 || holder === undefined || holders.length > 1 || holder.at.length !== inPage.length) return undefined;
  const offset = holder.at[nth];
  return offset === undefined ? undefined : { file: holder.source.file, ...placeOfOffset(holder.source.text, offset) };
}

/**
 * Where a start tag the build rewrote (`markup`, at `start` of the page) was
 * written, found as writtenMarkupAt finds a tag as written, by what it
 * says rather than its text (tag-match.ts): a raw `<img src="/x.png">` is
 * `<img src="/newsletter/x.png">` on the page, a `<th colspan=0>` is
 * `<th colspan="0">`, a raw `<h3>` gains an id. Again only when certain:
 * the tags of exactly one source that the page's tag is published from,
 * and just as many tags on the page published from them, so the page's
 * k-th is the file's k-th; a tag of the chrome or of another source that
 * reads the same makes the counts differ, and the message stays at the page.
 */
function rewrittenMarkupAt(page: string, start: number, markup: string, sources: readonly MarkupSource[]): { file: string; line: number; column: number } | undefined {
  const tag = readStartTag(markup);
  if (tag === undefined) return undefined;
  const holders = sources
    .map((source) => ({ source, rewrite: source.rewrite ?? AS_WRITTEN, tags: startTagsIn(source.text).filter((found) => publishedAs(found.tag, tag, source.rewrite ?? AS_WRITTEN)) }))
    .filter((holder) => holder.tags.length > 0);
  const [holder] = holders;
  if (holder === undefined || holders.length > 1) return undefined;
  const writtenTags: StartTag[] = holder.tags.map((found) => found.tag);
  const inPage = startTagsIn(page).filter((found) => writtenTags.some((written) => publishedAs(written, found.tag, holder.rewrite)));
  const nth = inPage.findIndex((found) => found.offset === start);
  const written = holder.tags[nth];
  if (nth === -1 || written === undefined || inPage.length !== holder.tags.length) return undefined;
  return { file: holder.source.file, ...placeOfOffset(holder.source.text, written.offset) };
}

/** Where `part` starts in `text`, every time. */
export function offsetsOf(text: string, part: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(part); at !== -1; at = text.indexOf(part, at + 1)) found.push(at);
  return found;
}

/** The offset of a 1-based line and column in `text` (the inverse of placeOfOffset); undefined past its end. */
export function offsetOfPlace(text: string, line: number, column: number): number | undefined {
  let lineStart = 0;
  for (let n = 1; n < line; n++) {
    const newline = text.indexOf("\n", lineStart);
    if (newline === -1) return undefined;
    lineStart = newline + 1;
  }
  const offset = lineStart + column - 1;
  return offset <= text.length ? offset : undefined;
}
