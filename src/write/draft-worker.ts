import { parentPort, workerData } from "node:worker_threads";
import { makeDraft, type DraftSource } from "./draft-build.js";

// The worker thread of startDraft (draft-build.ts).
const { folder, source, old } = workerData as { folder: string; source: DraftSource; old?: string };
parentPort?.postMessage(makeDraft(folder, source, old));
