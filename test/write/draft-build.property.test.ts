import { execFileSync } from "node:child_process";
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import { OutputSet } from "../../src/write/output.js";
import { openOutput, writeOutput, type Earlier, type Written } from "../../src/write/write-output.js";
import { tempDir } from "../helpers/temp-site.js";

// The oracle: a published folder holds exactly the output's files (bytes) and
// the folders above them, nothing else; a file is carried over as a hard link
// exactly when the last build wrote the same bytes there and nobody touched it
// since; and the published build it links from is never written through.

type Files = Map<string, string>;

const segment = fc.constantFrom("a", "b", "c");
const leaf = fc.constantFrom("index.html", "feed.xml", "a", "b");
const path = fc.tuple(fc.array(segment, { maxLength: 2 }), leaf).map(([dirs, name]) => [...dirs, name].join("/"));
const text = fc.constantFrom("one", "two", "三", "");

/** Drops paths that would need a folder where another path is a file (an output set never has both). */
function consistent(entries: ReadonlyArray<readonly [string, string]>): Files {
  const files: Files = new Map();
  for (const [p, t] of entries) {
    const clash = [...files.keys()].some((q) => q.startsWith(`${p}/`) || p.startsWith(`${q}/`) || q === p);
    if (!clash) files.set(p, t);
  }
  return files;
}

const change = fc.constantFrom("keep", "keep", "edit", "remove", "tamper");
const shapes = fc
  .tuple(fc.array(fc.tuple(path, text), { minLength: 1, maxLength: 14 }), fc.array(change, { minLength: 14, maxLength: 14 }), fc.array(fc.tuple(path, text), { maxLength: 8 }))
  .map(([before, changes, added]) => {
    const previous = consistent(before);
    const tampered = new Set<string>();
    const kept: Array<[string, string]> = [];
    [...previous].forEach(([p, t], i) => {
      const what = changes[i] ?? "keep";
      if (what === "tamper") tampered.add(p);
      if (what !== "remove") kept.push([p, what === "edit" ? `${t}, edited` : t]);
    });
    return { previous, tampered, next: consistent([...kept, ...added]) };
  });

function outputOf(files: Files): OutputSet {
  const output = new OutputSet();
  for (const [p, t] of files) output.add(p, t);
  return output;
}

/** Every file (path → text) and folder under `root`. */
function tree(root: string): { files: Files; dirs: Set<string> } {
  const files: Files = new Map();
  const dirs = new Set<string>();
  const walk = (dir: string, prefix: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const rel = `${prefix}${entry.name}`;
      if (entry.isDirectory()) {
        dirs.add(rel);
        walk(join(dir, entry.name), `${rel}/`);
      } else files.set(rel, readFileSync(join(dir, entry.name), "utf8"));
    }
  };
  walk(root, "");
  return { files, dirs };
}

function foldersOf(files: Files): Set<string> {
  const dirs = new Set<string>();
  for (const p of files.keys()) for (let d = dirname(p); d !== "."; d = dirname(d)) dirs.add(d);
  return dirs;
}

/** A file's inode; undefined when there is none (or a file where a folder would be). */
function inode(file: string): number | undefined {
  try {
    return lstatSync(file).ino;
  } catch {
    return undefined;
  }
}

const published = (out: string) => resolve(dirname(out), readlinkSync(out));

/**
 * The published build holds exactly `next` and its folders; a file is a link
 * to the last build's (`previous`) exactly when it has the same text there
 * and nobody touched it.
 */
function expectPublished(out: string, written: Written, previousBuild: string, shape: { previous: Files; tampered: Set<string>; next: Files }): void {
  const now = tree(published(out));
  expect(now.files).toEqual(shape.next);
  expect(now.dirs).toEqual(foldersOf(shape.next));
  const carried = [...shape.next].filter(([p, t]) => shape.previous.get(p) === t && !shape.tampered.has(p)).map(([p]) => p);
  expect(written.linked).toBe(carried.length);
  for (const p of shape.next.keys()) {
    const same = lstatSync(join(written.build, p)).ino === inode(join(previousBuild, p));
    expect(same, p).toBe(carried.includes(p));
  }
}

async function check(withDraft: boolean, shape: { previous: Files; tampered: Set<string>; next: Files }): Promise<void> {
  const work = tempDir("draft-");
  try {
    const out = join(work.path, "dist");
    const first = await writeOutput(out, outputOf(shape.previous));
    for (const p of shape.tampered) writeFileSync(join(first.build, p), "edited by hand, longer than any text");
    const before = tree(first.build);
    const earlier: Earlier = { build: first.build, files: first.files };
    const writer = await openOutput(out, withDraft ? earlier : undefined);
    let written: Written;
    try {
      written = await writer.write(outputOf(shape.next), earlier);
      // The build it replaced stays until the next one opens the output: untouched.
      expect(tree(first.build)).toEqual(before);
    } finally {
      await writer.close();
    }
    expectPublished(out, written, first.build, shape);
  } finally {
    work.remove();
  }
}

describe("publishing over the last build", () => {
  it("started from a draft of the current build, the new build holds exactly the output; unchanged files are links, and the old build is never written through", async () => {
    await fc.assert(fc.asyncProperty(shapes, (shape) => check(true, shape)), { numRuns: 60 });
  }, 120_000);

  it("without a draft, the same", async () => {
    await fc.assert(fc.asyncProperty(shapes, (shape) => check(false, shape)), { numRuns: 30 });
  }, 120_000);

  it("two builds published within one millisecond by one process get folders of their own", async () => {
    // The clock stands still: a folder named by the time and process alone would be the current build's (found by the property above).
    const clock = vi.spyOn(Date, "now").mockReturnValue(Date.UTC(2026, 11, 3));
    try {
      await check(false, { previous: new Map([["index.html", "one"]]), tampered: new Set(), next: new Map([["index.html", "one"], ["feed.xml", "two"]]) });
      await check(true, { previous: new Map([["index.html", "one"]]), tampered: new Set(), next: new Map([["index.html", "two"]]) });
    } finally {
      clock.mockRestore();
    }
  });
});

describe("the draft of the next build", () => {
  const site = new Map([["index.html", "home"], ["issues/1/index.html", "first"], ["issues/2/index.html", "second"]]);
  const store = (out: string) => join(dirname(out), ".dist-gekkan");
  const builds = (out: string) => readdirSync(store(out)).filter((name) => name !== "lock").sort();
  /** The draft folder once it holds the last of the site's files (waited for: it is made on a thread of its own). */
  const draftOf = async (out: string, current: string): Promise<string | undefined> => {
    for (let i = 0; i < 1000; i++) {
      const draft = builds(out).map((name) => join(store(out), name)).find((folder) => folder !== current && inode(join(folder, "issues/2/index.html")) !== undefined);
      if (draft !== undefined) return draft;
      await new Promise((r) => setTimeout(r, 10));
    }
    return undefined;
  };

  it("is started when the output is opened, before the site is made, and becomes the published build", async () => {
    const work = tempDir("draft-");
    try {
      const out = join(work.path, "dist");
      const first = await writeOutput(out, outputOf(site));
      const writer = await openOutput(out, { build: first.build, files: first.files });
      try {
        // Before any write: a second build folder fills with links to the first one's files.
        const draft = await draftOf(out, first.build);
        expect(draft).toBeDefined();
        expect(inode(join(draft as string, "index.html"))).toBe(inode(join(first.build, "index.html")));
        const written = await writer.write(outputOf(new Map([...site, ["issues/2/index.html", "second, edited"]])), { build: first.build, files: first.files });
        expect(written.build).toBe(draft);
        expect(written.linked).toBe(2);
      } finally {
        await writer.close();
      }
      expect(readFileSync(join(out, "issues/2/index.html"), "utf8")).toBe("second, edited");
      expect(readFileSync(join(first.build, "issues/2/index.html"), "utf8")).toBe("second");
    } finally {
      work.remove();
    }
  });

  it("is left when the build publishes nothing (its content had errors), and the next build makes its folder from it", async () => {
    const work = tempDir("draft-");
    try {
      const out = join(work.path, "dist");
      const first = await writeOutput(out, outputOf(site));
      const record = { build: first.build, files: first.files };
      const failed = await openOutput(out, record);
      const draft = await draftOf(out, first.build);
      expect(draft).toBeDefined();
      await failed.close();
      expect(builds(out).sort()).toEqual([first.build, draft as string].map((b) => b.slice(store(out).length + 1)).sort());
      expect(tree(out).files).toEqual(site);
      const draftInode = inode(draft as string);
      const next = new Map([...site, ["issues/3/index.html", "third"]]);
      const writer = await openOutput(out, record);
      let written: Written;
      try {
        written = await writer.write(outputOf(next), record);
      } finally {
        await writer.close();
      }
      expect(tree(out).files).toEqual(next);
      expect(written.linked).toBe(3);
      expect(inode(written.build)).toBe(draftInode);
      expect(builds(out).sort()).toEqual([first.build, written.build].map((b) => b.slice(store(out).length + 1)).sort());
    } finally {
      work.remove();
    }
  });
});

// The build before last, recycled into the draft (recycleInto): whatever it
// holds, the new build must come out exactly as a fresh one would.

const junk = fc.constantFrom("file", "link-out", "link-file", "empty-dir", "fifo", "dir-for-file");
const chains = fc
  .tuple(shapes, fc.array(fc.tuple(path, text), { maxLength: 10 }), fc.array(change, { minLength: 14, maxLength: 14 }), fc.array(fc.tuple(junk, path), { maxLength: 4 }))
  .map(([shape, oldest, oldChanges, mess]) => ({ ...shape, oldest: consistent(oldest), oldChanges, mess }));

type Chain = { previous: Files; tampered: Set<string>; next: Files; oldest: Files; oldChanges: string[]; mess: Array<[string, string]> };

/** Messes up the build before last: files replaced or removed by hand, and things no build makes. */
function mess(folder: string, outside: string, chain: Chain): void {
  [...chain.oldest.keys()].forEach((p, i) => {
    const target = join(folder, p);
    if (chain.oldChanges[i] === "tamper") {
      // Replaced, not written through: the current build may share the file.
      unlinkSync(target);
      writeFileSync(target, "replaced by hand");
    } else if (chain.oldChanges[i] === "remove") unlinkSync(target);
  });
  for (const [what, p] of chain.mess) {
    const target = join(folder, "x", p);
    // One thing a path: writing to a FIFO made before would wait for a reader forever, and
    // a path through a link made before would put the mess outside the folder.
    if (inode(target) !== undefined || throughLink(folder, target)) continue;
    mkdirSync(dirname(target), { recursive: true });
    if (what === "file") writeFileSync(target, "stray");
    else if (what === "link-out") symlinkSync(outside, target);
    else if (what === "link-file") symlinkSync(join(outside, "keep.txt"), target);
    else if (what === "empty-dir") mkdirSync(target, { recursive: true });
    else if (what === "fifo") execFileSync("mkfifo", [target]);
    else mkdirSync(join(folder, p, "deeper"), { recursive: true });
  }
}

/** Whether a folder on the way from `root` to `target` is a symbolic link. */
function throughLink(root: string, target: string): boolean {
  for (let dir = dirname(target); dir.length > root.length; dir = dirname(dir)) {
    if (lstatSync(dir, { throwIfNoEntry: false })?.isSymbolicLink() === true) return true;
  }
  return false;
}

async function checkRecycled(chain: Chain): Promise<void> {
  const work = tempDir("recycle-");
  try {
    const out = join(work.path, "dist");
    const outside = join(work.path, "outside");
    mkdirSync(outside);
    writeFileSync(join(outside, "keep.txt"), "not the site's");
    const first = await writeOutput(out, outputOf(chain.oldest));
    const second = await writeOutput(out, outputOf(chain.previous), { build: first.build, files: first.files });
    for (const p of chain.tampered) writeFileSync(join(second.build, p), "edited by hand, longer than any text");
    // A folder where a path of the next build is a file is also a mess the draft must clear.
    try {
      mess(first.build, outside, chain);
    } catch {
      return; // a mess that clashes with itself (a file where it wants a folder): not a shape
    }
    const recycled = lstatSync(first.build).ino;
    const before = tree(second.build);
    const earlier: Earlier = { build: second.build, files: second.files };
    const writer = await openOutput(out, earlier);
    let written: Written;
    try {
      written = await writer.write(outputOf(chain.next), earlier);
    } finally {
      await writer.close();
    }
    expect(tree(second.build)).toEqual(before);
    expect(tree(outside).files).toEqual(new Map([["keep.txt", "not the site's"]]));
    expectPublished(out, written, second.build, chain);
    // The new build is the old folder, edited: the store holds the current build and the new one.
    expect(lstatSync(written.build).ino).toBe(recycled);
    expect(readdirSync(dirname(written.build)).filter((name) => name !== "lock").sort()).toEqual([second.build, written.build].map((b) => b.slice(dirname(b).length + 1)).sort());
  } finally {
    work.remove();
  }
}

describe("the draft made from the build before last", () => {
  it("holds exactly what a fresh draft would: the current build's intact files as links, nothing of the old build's own, no link followed", async () => {
    await fc.assert(fc.asyncProperty(chains, checkRecycled), { numRuns: 80 });
  }, 180_000);
});
