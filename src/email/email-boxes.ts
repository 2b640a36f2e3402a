/**
 * The boxes of the email's body an image can sit in, and how much narrower
 * each is than the box around it: its left and right padding and borders,
 * in px, as templates/email/style.liquid gives them. The stylesheet points
 * back here; test/email/email-boxes.test.ts reads it and fails when the two
 * part ways. A site that overrides the stylesheet keeps these widths.
 */

/**
 * Widest an image can be in the email: the 600 px column less its 1 px
 * border and the content cell's 24 px padding on each side
 * (.email-container, .email-cell). With collapsed borders a browser gives
 * the cell half the border (551 px, laid out at 550 in Chromium); the whole
 * border is counted, so that no engine's rounding pushes an image past it.
 * Outlook for Windows (Word's engine) ignores CSS max-width and lays an
 * image out at its own pixel width, so a wider one pushed the column past
 * 600 px; an explicit width attribute is what it obeys, as MJML's and
 * Campaign Monitor's templates give every image.
 */
export const EMAIL_IMAGE_WIDTH = 600 - 2 * 1 - 2 * 24;

/** What each box takes off the width of the box around it. */
export const BOX_INSETS = {
  /** A typed block (.block): padding 16 + 16, border 1 on the right and 5 on the left. */
  block: 16 + 16 + 1 + 5,
  /** blockquote: padding-left 14, border-left 4. */
  blockquote: 14 + 4,
  /** ul, ol: padding-left 24, at each level. */
  list: 24,
  /** pre: padding 14 on each side. An image in one is rare (raw HTML), but costs nothing to fit. */
  pre: 14 + 14,
  /** figure: margin 40 on each side, the browsers' default, which the stylesheet writes out for every client. */
  figure: 40 + 40,
  /** A table cell (.email-content th, td): padding 8 on each side. */
  cell: 8 + 8,
} as const;

/**
 * A table cell's width spanning `span` of its row's `cells` columns in a
 * table `width` wide: an even share, since an email has no column widths and
 * a table of images is rare. Word's engine widens a cell to its widest
 * image, so shares that add up to the table are what keeps every row, and
 * the column, from growing; a photo alone in a wide cell is smaller than it
 * could be, which is the cheaper mistake.
 */
export function cellWidth(width: number, cells: number, span: number): number {
  return Math.max(0, Math.floor(width / cells) * span - BOX_INSETS.cell);
}
