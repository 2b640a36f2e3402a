import type { EmailSource } from "./email-source.js";
import { finishEmail } from "./render-email.js";

/** An email's two parts as UTF-8 bytes, the way the build writes them. */
export interface EmailBytes {
  html: Uint8Array;
  text: Uint8Array;
}

/** finishEmail as the bytes the build writes. */
export function finishBytes(source: EmailSource): EmailBytes {
  const finished = finishEmail(source);
  return { html: Buffer.from(finished.html, "utf8"), text: Buffer.from(finished.text, "utf8") };
}
