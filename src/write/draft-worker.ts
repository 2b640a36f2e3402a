import { parentPort, workerData } from "node:worker_threads";
import { linkIntact, type DraftSource } from "./draft-build.js";

// The worker thread of startDraft (draft-build.ts).
const { folder, source } = workerData as { folder: string; source: DraftSource };
parentPort?.postMessage(linkIntact(folder, source));
