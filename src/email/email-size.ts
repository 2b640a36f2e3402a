import type { VFileMessage } from "vfile-message";
import { warning } from "../diagnostics.js";

/**
 * Gmail shows a message up to about this size and hides the rest behind
 * "[Message clipped] View entire message": the end of the issue and the
 * footer with its unsubscribe link, which many readers then never see. The
 * figure is the one mail senders work to; Gmail does not publish it.
 */
export const GMAIL_CLIP_BYTES = 102 * 1024;

/** A warning at the file when its message (as sent, encoded) is over Gmail's clipping size. */
export function emailSizeWarnings(file: string, bytes: number): VFileMessage[] {
  if (bytes <= GMAIL_CLIP_BYTES) return [];
  const kb = Math.ceil(bytes / 1024);
  return [warning(file, `this issue's email message is ${kb} KB: Gmail shows about the first 102 KB of a message and hides the rest behind "[Message clipped]", the footer and its unsubscribe link included; shorten the issue, or move long tables and code to a page the issue links to`, undefined, "email-size")];
}
