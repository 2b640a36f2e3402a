import type { VFileMessage } from "vfile-message";

// Kept beside the message, not in its text: the summary counts places, and reading a number back out of a sentence would tie it to the wording.
const standing = new WeakMap<VFileMessage, number>();

/** `message`, said once for `places` places (the pages a template's mistake is on), as the summary counts it. */
export function standingFor(message: VFileMessage, places: number): VFileMessage {
  standing.set(message, places);
  return message;
}

/** How many places a printed message stands for: 1 unless it was said once for several (standingFor). */
export function placesOf(message: VFileMessage): number {
  return standing.get(message) ?? 1;
}
