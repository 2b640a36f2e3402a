/**
 * The image facts (whether public/ holds a file, its width and height)
 * kept between builds beside the file digests (file-digests.ts,
 * public-images.ts) are a shortcut: they must say what reading the files
 * says, whatever was done to the images since. Rewritten in place with the
 * size and mtime put back, replaced by rename (a new inode), grown and
 * shrunk, a PNG turned into a JPEG of another width under the same name, an
 * SVG's stand-in added and removed, written again just after a fact was
 * taken (within the settle window) or after it had settled; each between
 * runs that read the kept facts back from disk.
 * Oracle: the widths and heights this test wrote into the images' headers
 * by hand (PNG's IHDR, a JPEG's SOF0 after its metadata segments, an SVG's
 * width and height attributes), and which files it left in public/.
 */
import { mkdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { FileDigests } from "../../src/incremental/file-digests.js";
import { publicImages } from "../../src/pipeline/public-images.js";
import { tempDir, type TempDir } from "../helpers/temp-site.js";
import { bytesRead } from "../helpers/bytes-read.js";

let dir: TempDir | undefined;
afterEach(() => {
  dir?.remove();
  dir = undefined;
});

type Format = "png" | "jpeg" | "svg";

/** What the test put at a name: the format of the bytes, the width their header says, and how many bytes they take. */
interface Image {
  format: Format;
  width: number;
  size: number;
}

/** The names asked after: photo.png may hold a JPEG; chart.png and chart.jpg are the SVG's stand-ins, there or not. */
const NAMES = ["images/photo.png", "images/logo.png", "images/chart.svg", "images/chart.png", "images/chart.jpg"] as const;
type Name = (typeof NAMES)[number];

/** The height the test gives an image of `width`: another number for each width, so a height read from a stale fact shows. */
const heightOf = (width: number) => ((width * 7) % 997) + 1;

/** The bytes of an image of `format` whose header says `width` (and heightOf it), padded to `size` (at least its header's length). */
function imageBytes({ format, width, size }: Image): Buffer {
  let head: Buffer;
  if (format === "png") {
    head = Buffer.alloc(33);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).copy(head);
    head.write("IHDR", 12, "latin1");
    head.writeUInt32BE(width, 16);
    head.writeUInt32BE(heightOf(width), 20);
  } else if (format === "jpeg") {
    // Metadata first (APP1 segments, as EXIF comes), past the 16 KB most images say their width in.
    const app = Buffer.alloc(4 + 20_000);
    app.writeUInt16BE(0xffe1, 0);
    app.writeUInt16BE(2 + 20_000, 2);
    const sof = Buffer.from([0xff, 0xc0, 0, 17, 8, 0, 10, 0, 0, 3]);
    sof.writeUInt16BE(heightOf(width), 5);
    sof.writeUInt16BE(width, 7);
    head = Buffer.concat([Buffer.from([0xff, 0xd8]), app, sof]);
  } else {
    // An odd width is said by the viewBox alone (a scalable SVG, kept with a mark of its own), an even one by its attributes.
    const dims = scalableWidth(width) ? `viewBox="0 0 ${width} ${heightOf(width)}"` : `width="${width}" height="${heightOf(width)}"`;
    head = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" ${dims}></svg>\n`);
  }
  // An SVG is padded with spaces after its root, which no parser minds; a raster image with zeros after its header.
  return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length), format === "svg" ? 0x20 : 0)]);
}

type Op =
  | { kind: "in place"; name: Name; format: Format; width: number }
  | { kind: "rename over"; name: Name; width: number }
  | { kind: "resize"; name: Name; by: number }
  | { kind: "add"; name: Name; format: Format; width: number }
  | { kind: "remove"; name: Name }
  | { kind: "settle" };

const name = fc.constantFrom(...NAMES);
const width = fc.integer({ min: 1, max: 4000 });
const format = fc.constantFrom<Format>("png", "jpeg", "svg");
const ops = fc.array(
  fc.oneof(
    fc.record({ kind: fc.constant("in place" as const), name, format, width }),
    fc.record({ kind: fc.constant("rename over" as const), name, width }),
    fc.record({ kind: fc.constant("resize" as const), name, by: fc.integer({ min: -2000, max: 2000 }) }),
    fc.record({ kind: fc.constant("add" as const), name, format, width }),
    fc.record({ kind: fc.constant("remove" as const), name }),
    fc.constant({ kind: "settle" as const }),
  ),
  { minLength: 1, maxLength: 8 },
);

/** A folder with an empty public/images/ and a cache folder beside it, and an empty model of its images. */
function emptySite(): { root: string; cache: string; model: Map<Name, Image> } {
  dir = tempDir("image facts ");
  const root = dir.path;
  const cache = join(root, "cache");
  mkdirSync(cache);
  mkdirSync(join(root, "public", "images"), { recursive: true });
  return { root, cache, model: new Map<Name, Image>() };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 2100));

/** Writes `image` at `name`, its times those of the file it replaces (a tool that keeps them) or a fixed second. */
function put(root: string, model: Map<Name, Image>, at: Name, image: Image, how: "in place" | "rename"): void {
  const path = join(root, "public", at);
  const before = model.has(at) ? statSync(path) : undefined;
  const target = how === "rename" ? `${path}.new` : path;
  writeFileSync(target, imageBytes(image));
  utimesSync(target, before?.atime ?? 1_300_000_000, before?.mtime ?? 1_300_000_000);
  if (how === "rename") renameSync(target, path);
  model.set(at, image);
}

/** Does `op` to public/ and to the model of what it holds. */
async function apply(root: string, model: Map<Name, Image>, op: Op): Promise<void> {
  if (op.kind === "settle") {
    await settle();
    return;
  }
  const now = model.get(op.name);
  if (op.kind === "remove") {
    rmSync(join(root, "public", op.name), { force: true });
    model.delete(op.name);
  } else if (op.kind === "add" || now === undefined) {
    const image = { format: "format" in op ? op.format : "png", width: "width" in op ? op.width : 100, size: 30_000 } as const;
    put(root, model, op.name, image, "in place");
  } else if (op.kind === "in place") {
    // The same size: only the bytes (and ctime) tell, the mtime is put back.
    put(root, model, op.name, { format: op.format, width: op.width, size: now.size }, "in place");
  } else if (op.kind === "rename over") {
    put(root, model, op.name, { ...now, width: op.width }, "rename");
  } else {
    put(root, model, op.name, { ...now, size: Math.max(21_000, now.size + op.by) }, "in place");
  }
}

/** What a name gave: no file ("none"), or a file and its size (each undefined when its bytes say none). */
type Found = { width: number | undefined; height: number | undefined; scalable?: boolean | undefined } | "none";

/** Whether the test's SVG of `width` is sized by its viewBox alone. */
const scalableWidth = (width: number) => width % 2 === 1;

/** One run: the kept facts read in, every name looked up, the facts saved back. */
async function run(root: string, cache: string): Promise<Map<Name, Found>> {
  const facts = FileDigests.read(cache);
  const look = publicImages(root, facts);
  const found = new Map(NAMES.map((at): [Name, Found] => [at, look(at) ?? "none"]));
  await facts.save(cache);
  return found;
}

/** What each name should give: nothing where no file is, the width its header says where the name's kind reads that header (an .svg name is read as SVG, any other by its bytes' magic). */
function expected(model: ReadonlyMap<Name, Image>): Map<Name, Found> {
  return new Map(NAMES.map((at): [Name, Found] => {
    const image = model.get(at);
    if (image === undefined) return [at, "none"];
    const read = at.endsWith(".svg") === (image.format === "svg");
    return [at, read ? { width: image.width, height: heightOf(image.width), scalable: image.format === "svg" && scalableWidth(image.width) } : { width: undefined, height: undefined, scalable: false }];
  }));
}

describe("image facts kept between builds", () => {
  it("say what the files say, after any sequence of changes", async () => {
    dir = tempDir("image facts ");
    const root = dir.path;
    const cache = join(root, "cache");
    mkdirSync(cache);
    await fc.assert(
      fc.asyncProperty(ops, async (sequence) => {
        rmSync(join(root, "public"), { recursive: true, force: true });
        mkdirSync(join(root, "public", "images"), { recursive: true });
        const model = new Map<Name, Image>();
        put(root, model, "images/photo.png", { format: "png", width: 640, size: 30_000 }, "in place");
        put(root, model, "images/logo.png", { format: "jpeg", width: 120, size: 30_000 }, "in place");
        put(root, model, "images/chart.svg", { format: "svg", width: 360, size: 30_000 }, "in place");
        put(root, model, "images/chart.png", { format: "png", width: 720, size: 30_000 }, "in place");
        // Settled before it is read, so the facts are ones the next run trusts: the path a change must not fool.
        await settle();
        expect(await run(root, cache)).toEqual(expected(model));
        for (const op of sequence) {
          await apply(root, model, op);
          expect(await run(root, cache)).toEqual(expected(model));
        }
      }),
      { numRuns: 10 },
    );
  }, 240_000);

  it("are trusted for an image that settled before it was read: a second run opens none of it, a change since is read", async () => {
    const { root, cache, model } = emptySite();
    // A JPEG whose frame header lies past its metadata: reading its width reads its 20 KB head.
    for (const at of NAMES) put(root, model, at, { format: at.endsWith(".svg") ? "svg" : "jpeg", width: 200, size: 200_000 }, "in place");
    await settle();
    expect(await run(root, cache)).toEqual(expected(model));
    const before = bytesRead();
    expect(await run(root, cache)).toEqual(expected(model));
    // The cache file is read; no image's head (20 KB each) is.
    expect(bytesRead() - before).toBeLessThan(10_000);
    put(root, model, "images/photo.png", { format: "jpeg", width: 300, size: 200_000 }, "in place");
    const changed = bytesRead();
    expect(await run(root, cache)).toEqual(expected(model));
    expect(bytesRead() - changed).toBeGreaterThanOrEqual(20_000);
  }, 60_000);

  it("are not trusted for an image written just before it was read: it is read every time until it has settled", async () => {
    const { root, cache, model } = emptySite();
    put(root, model, "images/photo.png", { format: "jpeg", width: 200, size: 200_000 }, "in place");
    expect(await run(root, cache)).toEqual(expected(model));
    const before = bytesRead();
    expect(await run(root, cache)).toEqual(expected(model));
    // Where a write's ctime is coarse, another write as this one was read could keep every time it has: so the head is read again.
    expect(bytesRead() - before).toBeGreaterThanOrEqual(20_000);
  }, 60_000);
});
