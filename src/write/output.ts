import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { LayeredMap } from "../layered-map.js";

export type OutputContent = string | Uint8Array;

/** Content made only when first read (a reused page still in the cache). */
export type DeferredContent = () => OutputContent;

interface Entry {
  content: OutputContent | DeferredContent;
  origin: string;
  /** A content address supplied by whoever made the bytes (a memo key); equal ids, equal bytes. */
  id: string | undefined;
  /** A file whose bytes the content is (a large file of public/): copied or streamed from there, never held whole. */
  source?: SourceFile;
}

/** A file of the output that is a copy of one on disk: where it is, and the content address of its bytes (`sha256:<hex>`, as identity names any file). */
export interface SourceFile {
  path: string;
  id: string;
  /** How many bytes it had when hashed: a server streaming it can tell it has been written to since (gekkan dev). */
  size: number;
}

/**
 * The whole site as path → bytes, before anything touches the disk. Writers
 * (memory for tests, disk for builds, diff for dev) consume it.
 */
export class OutputSet {
  /** A Map while files are added; a LayeredMap for a set made by withReplaced (read-only). */
  private files: Map<string, Entry> | LayeredMap<string, Entry> = new Map();
  private sorted: string[] | undefined;

  /** Adds a file; returns the origin of the earlier file at that path, if any (a collision). */
  add(path: string, content: OutputContent | DeferredContent, origin = "gekkan", id?: string): string | undefined {
    return this.put(path, { content, origin, id });
  }

  /**
   * Adds a copy of the file `source.path`, read only if something asks for
   * its bytes (get): the write copies it and `gekkan dev` streams it, so a
   * video in public/ is never held in memory whole. Returns as add does.
   */
  addCopy(path: string, source: SourceFile, origin: string): string | undefined {
    return this.put(path, { content: () => readFileSync(source.path), origin, id: source.id, source });
  }

  private put(path: string, entry: Entry): string | undefined {
    const clean = normalizeOutputPath(path);
    const earlier = this.files.get(clean);
    if (earlier !== undefined) return earlier.origin;
    if (!(this.files instanceof Map)) throw new Error("gekkan bug: adding to an output made by withReplaced");
    this.files.set(clean, entry);
    this.sorted = undefined;
    return undefined;
  }

  /** Who made a file: the file of the site it is a copy of (`public/about.html`), else "gekkan". */
  origin(path: string): string | undefined {
    return this.files.get(normalizeOutputPath(path))?.origin;
  }

  /** The file on disk a copied file's bytes are (see addCopy); undefined for any other. */
  source(path: string): string | undefined {
    return this.sourceFile(path)?.path;
  }

  /** As source, with the id and size its bytes had when the build hashed them. */
  sourceFile(path: string): SourceFile | undefined {
    return this.files.get(normalizeOutputPath(path))?.source;
  }

  get(path: string): OutputContent | undefined {
    const entry = this.files.get(normalizeOutputPath(path));
    if (typeof entry?.content !== "function") return entry?.content;
    entry.content = entry.content();
    return entry.content;
  }

  has(path: string): boolean {
    return this.files.has(normalizeOutputPath(path));
  }

  paths(): string[] {
    this.sorted ??= [...this.files.keys()].sort();
    return [...this.sorted];
  }

  get size(): number {
    return this.files.size;
  }

  entries(): Array<[string, OutputContent]> {
    return this.paths().map((p) => [p, this.get(p) as OutputContent]);
  }

  /** The content address of a file: its maker's id, else a hash of its bytes. */
  identity(path: string): string | undefined {
    const entry = this.files.get(normalizeOutputPath(path));
    if (entry === undefined) return undefined;
    return entry.id ?? `sha256:${contentHash(this.get(path) as OutputContent)}`;
  }

  /** A copy with the content of existing files replaced (the dev server's update), sharing the rest; unknown paths are a bug. */
  withReplaced(changes: ReadonlyArray<readonly [string, OutputContent | DeferredContent, string?]>): OutputSet {
    const replaced = changes.map(([path, content, id]): [string, Entry] => {
      const clean = normalizeOutputPath(path);
      const entry = this.files.get(clean);
      if (entry === undefined) throw new Error(`gekkan bug: replacing ${clean}, which the output does not have`);
      return [clean, { origin: entry.origin, content, id }];
    });
    // From now on this set is read-only too: the copy shares its files.
    this.files = LayeredMap.of(this.files);
    const copy = new OutputSet();
    copy.files = this.files.with(replaced);
    // Same paths: the sorted list is shared.
    copy.sorted = this.sorted;
    return copy;
  }

  text(path: string): string | undefined {
    const content = this.get(path);
    return content === undefined ? undefined : typeof content === "string" ? content : Buffer.from(content).toString("utf8");
  }
}

/** Output paths are relative, forward-slashed, and never climb out of the output dir. */
export function normalizeOutputPath(path: string): string {
  const parts: string[] = [];
  for (const part of path.replace(/\\/g, "/").split("/")) {
    if (part === "" || part === ".") continue;
    if (part === ".." || part.includes("\0")) throw new Error(`refusing output path outside the output directory: ${JSON.stringify(path)}`);
    parts.push(part);
  }
  if (parts.length === 0) throw new Error(`empty output path: ${JSON.stringify(path)}`);
  return parts.join("/");
}

/** The folders an output path is in, outermost first: "issues/2011-05/index.html" → "issues", "issues/2011-05". */
export function parentFolders(path: string): string[] {
  const folders: string[] = [];
  for (let i = path.indexOf("/"); i !== -1; i = path.indexOf("/", i + 1)) folders.push(path.slice(0, i));
  return folders;
}

export function contentHash(content: OutputContent): string {
  return createHash("sha256").update(content).digest("hex");
}
