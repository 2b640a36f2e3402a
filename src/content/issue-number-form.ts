import type { VFileMessage } from "vfile-message";
import { diagnostic, type Place } from "../diagnostics.js";

/**
 * `issue: 0x10`, `issue: 0o17`, `issue: 1e3`, `issue: 4.0`: YAML 1.2 reads
 * each as a number (16, 15, 1000, 4), so the issue was published as 第16号
 * though no one types an issue number in hexadecimal; the author sees a
 * number they never wrote. An issue number is decimal digits (a leading
 * zero or plus sign reads as written: 007 is 7); any other way of writing a
 * whole number is an error with the number YAML made of it.
 */
export function issueNumberForm(file: string, value: unknown, source: string | undefined, place: Place | undefined): VFileMessage | undefined {
  // Not a positive whole number: the schema says so, once.
  if (typeof value !== "number" || !Number.isInteger(value) || value <= 0 || source === undefined) return undefined;
  const written = source.trim();
  if (/^\+?[0-9]+$/.test(written)) return undefined;
  return diagnostic(file, `"issue: ${written}" is read by YAML as the number ${String(value)} (${formOf(written)}), which is not how an issue number is written; write it in decimal digits: issue: ${String(value)}`, place, "front-matter-schema");
}

function formOf(written: string): string {
  if (/^[-+]?0x/i.test(written)) return "0x makes it hexadecimal";
  if (/^[-+]?0o/i.test(written)) return "0o makes it octal";
  if (/e/i.test(written)) return "e makes it a power of ten";
  return "a number with a decimal point";
}
