import { createHash, hash } from "node:crypto";

/** Hex sha256 of the parts, each followed by a NUL, so ("ab","c") and ("a","bc") differ. */
export function digest(...parts: ReadonlyArray<string | Uint8Array>): string {
  // Text parts are hashed in one call: a build takes tens of thousands of small digests (one per card, row and fragment), and a streamed hash object costs more to set up than to feed. Same bytes, same digest.
  if (parts.every((part) => typeof part === "string")) return hash("sha256", parts.length === 0 ? "" : `${parts.join("\0")}\0`, "hex");
  const streamed = createHash("sha256");
  for (const part of parts) streamed.update(part).update("\0");
  return streamed.digest("hex");
}
