/**
 * Trailing blanks removed by hand. The obvious patterns (`/[ \t]+$/gm`,
 * `/\n+$/`) try a match at every character of a run that does not end the
 * line and scan the rest of the run each time: a code block line of a few
 * hundred thousand tabs took minutes. These take one pass.
 */

/** `line` without the spaces and tabs at its end: `line.replace(/[ \t]+$/, "")`. */
export function trimSpacesEnd(line: string): string {
  let end = line.length;
  while (end > 0 && isSpaceOrTab(line.charCodeAt(end - 1))) end--;
  return line.slice(0, end);
}

/** Every line of `text` without the spaces and tabs at its end, line breaks kept as they are: `text.replace(/[ \t]+$/gm, "")`. */
export function trimLineEnds(text: string): string {
  // The same breaks as `$` under the m flag: \n, \r, U+2028 and U+2029.
  return text.split(/([\n\r\u2028\u2029])/).map((piece, i) => (i % 2 === 0 ? trimSpacesEnd(piece) : piece)).join("");
}

/** `text` without the newlines at its end: `text.replace(/\n+$/, "")`. */
export function trimNewlinesEnd(text: string): string {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 10) end--;
  return text.slice(0, end);
}

function isSpaceOrTab(code: number): boolean {
  return code === 32 || code === 9;
}
