import type { RenderedBody } from "../markdown/rendered.js";

/**
 * A stored body's HTML, held as its UTF-8 bytes until something reads it. A
 * build that reuses thousands of issues shows few of their bodies, and a
 * decoded body is a large string the garbage collector copies for as long
 * as the build runs.
 */
const undecoded = new WeakMap<object, Buffer>();

/** `body.html` reads `bytes` once, on first use, and is a plain value from then on. */
export function lazyBodyHtml(body: RenderedBody, bytes: Buffer): void {
  undecoded.set(body, bytes);
  Object.defineProperty(body, "html", {
    configurable: true,
    enumerable: true,
    get() {
      const text = bytes.toString("utf8");
      undecoded.delete(body);
      Object.defineProperty(body, "html", { value: text, writable: true, enumerable: true, configurable: true });
      return text;
    },
  });
}

/**
 * Whether two bodies have the same HTML, without decoding either when both
 * are still bytes: the bytes were encoded from strings (serialize-result.ts),
 * so they are well-formed UTF-8, which decodes to equal strings only when
 * the bytes are equal.
 */
export function sameBodyHtml(a: RenderedBody, b: RenderedBody): boolean {
  const left = undecoded.get(a);
  const right = undecoded.get(b);
  if (left !== undefined && right !== undefined) return left.equals(right);
  return a.html === b.html;
}
