import type { EmailSource } from "../email/email-source.js";

/** The module an email worker thread loads as it starts: it imports nothing, for the reason in parse-worker.ts; the finishing stack comes with the first batch. */
export async function finishBatch(sources: EmailSource[]): Promise<Array<[Uint8Array, Uint8Array]>> {
  const { finishBatch: finish } = await import("./email-batch.js");
  return finish(sources);
}
