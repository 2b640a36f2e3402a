import type { VFileMessage } from "vfile-message";
import { ContentError } from "../diagnostics.js";
import { fixedOutputs } from "./fixed-outputs.js";
import type { Inputs } from "./load-inputs.js";
import { publicClashes } from "./public-files.js";

/**
 * Runs a stage that stops the run on author errors before public/ is copied
 * (collecting the site, or the stages that fill templates). When it stops,
 * public/'s errors that need no issue (a file at /index.html or /feed.xml,
 * one where gekkan makes a folder: public-files.ts publicClashes) come in
 * the same report: the copy checks public/ only once every page is made,
 * so they came one fix later. Only when the copy does not run, so none is
 * reported twice. `also`: errors found already that the copy would report
 * (the _redirects file's, own-redirects.ts), likewise.
 */
export async function withEarlyPublicErrors<T>(inputs: Inputs, stage: () => T | Promise<T>, also: readonly VFileMessage[] = []): Promise<T> {
  try {
    return await stage();
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    const clashes = await publicClashes(inputs.options.root, fixedOutputs(inputs), inputs.config.search);
    throw clashes.length + also.length === 0 ? error : new ContentError([...error.messages, ...also, ...clashes]);
  }
}
