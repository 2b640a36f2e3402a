import { ContentError } from "../diagnostics.js";
import { readSourceFile, type KnownSource } from "../content/sources.js";
import { fileProblem } from "../content/source-problems.js";
import { digest } from "../incremental/digest.js";
import type { CheckedSource } from "./input-key.js";

/**
 * A source the up-to-date check already read and hashed: its digest is
 * what the check found, and its bytes are read only if something asks for
 * them (a build parses only the sources its issue memo does not have: one
 * in a monthly build). Bytes read later must be the bytes the check hashed:
 * otherwise an issue's render would be stored under the key of other
 * content, so a file that changed in between stops the build, which names
 * it (the next build sees the new content).
 */
class DeferredSource {
  private read: Uint8Array | undefined;

  constructor(private readonly root: string, readonly file: string, readonly digest: string) {}

  get bytes(): Uint8Array {
    this.read ??= this.readChecked();
    return this.read;
  }

  private readChecked(): Uint8Array {
    const result = readSourceFile(this.root, this.file);
    if ("problem" in result) throw new ContentError([result.problem]);
    if (digest(result.bytes) !== this.digest) throw new ContentError([changedDuringBuild(this.file)]);
    return result.bytes;
  }
}

function changedDuringBuild(file: string) {
  return fileProblem(file, "this file changed while gekkan was building the site, so nothing was written; run the build again", "source-changed");
}

/** For readSourceSet: the check's sources, taken as deferred sources instead of being read again. */
export function checkedSources(root: string, checked: ReadonlyMap<string, CheckedSource> | undefined): ((file: string) => KnownSource<DeferredSource> | undefined) | undefined {
  if (checked === undefined) return undefined;
  return (file) => {
    const found = checked.get(file);
    return found === undefined ? undefined : { size: found.size, source: new DeferredSource(root, file, found.digest) };
  };
}
