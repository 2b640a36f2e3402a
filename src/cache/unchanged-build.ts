import { buildTime, dayOf } from "../build-time.js";
import { listIssueFiles, streamSources } from "../content/sources.js";
import { templateDirs } from "../render/template-dirs.js";
import { buildOutputKey, type KeyedOptions } from "./build-key.js";
import { currentOutput, type WrittenSummary } from "./output-snapshot.js";

export interface UnchangedBuildOptions extends KeyedOptions {
  out: string;
  cacheDir: string;
  now?: Date | undefined;
}

/**
 * The warm path of `gekkan build`: when every input hashes to the key of the
 * output already in `out` (and nobody touched it), the build is done before
 * it starts. This module imports only Node built-ins and gekkan's hashing, so
 * the answer costs reading the sources, not loading unified and LiquidJS.
 */
export async function unchangedBuild(options: UnchangedBuildOptions): Promise<(WrittenSummary & { files: number }) | undefined> {
  const files = await listIssueFiles(options.root);
  const key = buildOutputKey(options, templateDirs(options.root), streamSources(options.root, files));
  return currentOutput(options.cacheDir, options.out, key, dayOf(options.now ?? buildTime()));
}
