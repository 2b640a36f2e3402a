import { placeOfOffset } from "./html-refs.js";

/** A file the markup of a built page may have been written in: an issue's Markdown, a template of the site. */
export interface MarkupSource {
  /** As messages name it: from the site root, with "/". */
  file: string;
  text: string;
}

/**
 * Where the author wrote the markup at `start`–`end` of a built page (the
 * tag the Nu Html Checker points at), so that a message about it names the
 * file to fix, not the page the build made. Found only when it is certain:
 * the tag, as written (`written` undoes what the build adds to it, such as
 * an email's inline styles), is in exactly one of `sources`, and that file
 * holds it as often as the page does, so the page's k-th is the file's k-th.
 * A tag a template fills in (`<td colspan="{{ n }}">`), one rewritten on the
 * way (`colspan=0` serialised as `colspan="0"`), or one that is also in the
 * chrome around the text (`<div>`) is not guessed at: undefined, and the
 * message stays at the built page.
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
  if (nth === -1 || holder === undefined || holders.length > 1 || holder.at.length !== inPage.length) return undefined;
  const offset = holder.at[nth];
  return offset === undefined ? undefined : { file: holder.source.file, ...placeOfOffset(holder.source.text, offset) };
}

/** Where `part` starts in `text`, every time. */
function offsetsOf(text: string, part: string): number[] {
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
