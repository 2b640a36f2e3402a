import { Context, toValue, toValueSync, type Emitter, type Liquid } from "liquidjs";

/** A template file rendered as Liquid's renderFileSync renders it, into a ByteEmitter: its output as UTF-8. */
export function renderFileBytes(liquid: Liquid, file: string, scope: object): Buffer {
  const emitter = new ByteEmitter();
  const context = new Context(scope, liquid.options, { sync: true }, { liquid });
  toValueSync(liquid.renderer.renderTemplates(liquid.parseFileSync(file), context, emitter));
  return emitter.bytes();
}

/**
 * A page's Liquid output as UTF-8, kept in runs: text as Liquid's own
 * emitter writes it (its `stringify`), and byte runs written as they are (a
 * stored fragment: see partial-memo.ts), never decoded to text and encoded
 * back. The bytes are those of the text written the plain way: a byte run is
 * whole UTF-8 of a whole string, so no character is split between runs, and
 * a run of text is encoded on its own only where a byte run starts (a lone
 * surrogate at its end has no partner there either way).
 */
export class ByteEmitter implements Emitter {
  /** The text written since the last byte run (Liquid's Emitter interface names it `buffer`). */
  buffer = "";
  private readonly runs: Uint8Array[] = [];

  write(value: unknown): void {
    this.buffer += liquidText(value);
  }

  writeBytes(bytes: Uint8Array): void {
    this.flush();
    this.runs.push(bytes);
  }

  /** Everything written, as one buffer. */
  bytes(): Buffer {
    this.flush();
    return Buffer.concat(this.runs);
  }

  private flush(): void {
    if (this.buffer === "") return;
    this.runs.push(Buffer.from(this.buffer, "utf8"));
    this.buffer = "";
  }
}

/** What Liquid's own emitter writes for a value (its `stringify`). */
export function liquidText(value: unknown): string {
  const plain: unknown = toValue(value);
  if (typeof plain === "string") return plain;
  if (plain === null || plain === undefined) return "";
  if (Array.isArray(plain)) return plain.map(liquidText).join("");
  return String(plain);
}
