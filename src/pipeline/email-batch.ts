import { finishBytes } from "../email/email-files.js";
import type { EmailSource } from "../email/email-source.js";

/** One batch on an email worker thread (through email-worker.ts): template output → the finished email's HTML and text, as bytes. */
export function finishBatch(sources: EmailSource[]): Array<[Uint8Array, Uint8Array]> {
  return sources.map((source) => {
    const email = finishBytes(source);
    return [email.html, email.text];
  });
}
