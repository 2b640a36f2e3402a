import { LayeredMap } from "../layered-map.js";
import { contentHash, type OutputContent, type OutputSet } from "../write/output.js";

/** A built site plus per-path hashes, so the next build can be compared cheaply. */
export interface Snapshot {
  output: OutputSet;
  hashes: ReadonlyMap<string, string>;
}

export interface OutputDiff {
  added: string[];
  changed: string[];
  removed: string[];
  /**
   * True when only stylesheets changed. Pages then differ only in the
   * cache-busting `?v=` of their stylesheet link, which a CSS swap covers.
   */
  cssOnly: boolean;
}

/**
 * Hashes the output, reusing `previous`'s hash of every file whose content is
 * unchanged: the page memo hands unchanged pages back as the very same
 * strings, which `===` settles at once, so a one-issue edit hashes a handful
 * of files, not the whole site. (`===` compares string contents, buffers by
 * identity, so a reused hash is always the content's hash.)
 */
export function snapshot(output: OutputSet, previous?: Snapshot): Snapshot {
  return {
    output,
    hashes: new Map(output.paths().map((path) => {
      // A copied file (a large one of public/) is named by the hash of its bytes taken as they streamed by: reading it here would hold it whole.
      if (output.source(path) !== undefined) return [path, output.identity(path) as string];
      const content = output.get(path) as OutputContent;
      const known = previous !== undefined && previous.output.source(path) === undefined && previous.output.get(path) === content ? previous.hashes.get(path) : undefined;
      return [path, known ?? contentHash(content)];
    })),
  };
}

/** `previous` with some existing files' content replaced, and what that changed: no walk over the whole site. */
export function patchSnapshot(previous: Snapshot, changes: ReadonlyArray<readonly [string, OutputContent]>): { snapshot: Snapshot; diff: OutputDiff } {
  const real = changes.filter(([path, content]) => previous.output.get(path) !== content);
  const changed: string[] = [];
  const hashed = real.map(([path, content]) => {
    const hash = contentHash(content);
    if (hash !== previous.hashes.get(path)) changed.push(path);
    return [path, hash] as const;
  });
  // Layered, not copied: a save touches a few of thousands of files.
  const hashes = LayeredMap.of(previous.hashes).with(hashed);
  return { snapshot: { output: previous.output.withReplaced(real), hashes }, diff: { added: [], changed: changed.sort(), removed: [], cssOnly: false } };
}

/** What a rebuild changed, path by path, so only real changes reach the browser. */
export function diffOutputs(before: Snapshot, after: Snapshot): OutputDiff {
  const added: string[] = [];
  const changed: string[] = [];
  const removed: string[] = [];
  for (const [path, hash] of after.hashes) {
    const old = before.hashes.get(path);
    if (old === undefined) added.push(path);
    else if (old !== hash) changed.push(path);
  }
  for (const path of before.hashes.keys()) if (!after.hashes.has(path)) removed.push(path);
  const onlyStyles = (path: string) => path.endsWith(".css") || (path.endsWith(".html") && sameButStyleVersion(before.output.text(path), after.output.text(path)));
  const cssOnly = added.length === 0 && removed.length === 0 && changed.some((p) => p.endsWith(".css")) && changed.every(onlyStyles);
  return { added, changed, removed, cssOnly };
}

export function changedCount(diff: OutputDiff): number {
  return diff.added.length + diff.changed.length + diff.removed.length;
}

const STYLE_VERSION = /(\.css)\?v=[0-9a-f]+/g;

function sameButStyleVersion(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.replace(STYLE_VERSION, "$1") === b.replace(STYLE_VERSION, "$1");
}
