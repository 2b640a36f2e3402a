import type { SourceFile } from "../content/sources.js";
import { snapshotKey } from "./output-snapshot.js";

/** The build options that shape the output. "Today" is not one: outputs carry a DateWindow instead. */
export interface KeyedOptions {
  root: string;
  drafts?: boolean | undefined;
  future?: boolean | undefined;
  base?: string | undefined;
  url?: string | undefined;
  search?: boolean | undefined;
}

/** The content address of a build's output (see snapshotKey); shared by generate() and the unchanged-build check. */
export function buildOutputKey(options: KeyedOptions, templateDirs: readonly string[], sources: Iterable<SourceFile>): string {
  return snapshotKey({
    root: options.root,
    templateDirs,
    sources,
    options: { drafts: options.drafts ?? false, future: options.future ?? false, base: options.base ?? null, url: options.url ?? null, search: options.search ?? true },
  });
}
