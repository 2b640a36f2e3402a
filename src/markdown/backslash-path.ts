/**
 * An address written with a Windows folder path's separators, with slashes
 * instead: `\images\zu.png`, or `¥images¥zu.png` as a Japanese keyboard
 * shows the backslash, is `/images/zu.png`. A browser takes neither for a
 * folder, so what was meant is the slashed address.
 */
export function slashedPath(written: string): string {
  return written.replace(/[\\¥]+/gu, "/");
}
