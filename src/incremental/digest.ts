import { createHash } from "node:crypto";

/** Hex sha256 of the parts, each followed by a NUL, so ("ab","c") and ("a","bc") differ. */
export function digest(...parts: ReadonlyArray<string | Uint8Array>): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("hex");
}
