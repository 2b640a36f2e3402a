import { isAbsolute, join } from "node:path";
import type { VFileMessage } from "vfile-message";
import { formatDiagnostic } from "../diagnostics.js";
import { readRegularText } from "../regular-file.js";

/** One problem as the browser overlay shows it. */
export interface Problem {
  file: string;
  /** None for a message without a place (placelessWarning: a file that is gone), which the overlay shows as its file alone. */
  line?: number;
  column?: number;
  message: string;
  /** Numbered source lines around the problem, the offending one marked with ">"; "" with no place to point at. */
  excerpt: string;
}

/** Messages → overlay problems, with source excerpts read from the site root. */
export function toProblems(root: string, messages: readonly VFileMessage[]): Problem[] {
  return messages.map((m) => {
    const file = m.file ?? "";
    const formatted = formatDiagnostic(m);
    // Only placelessWarning makes a message with no line: its file is gone, so there is neither a place nor a line to show.
    if (m.line === undefined || m.line === null) {
      const prefix = `${file}  `;
      return { file, message: formatted.startsWith(prefix) ? formatted.slice(prefix.length) : m.reason, excerpt: "" };
    }
    const line = m.line;
    const column = m.column ?? 1;
    const prefix = `${file}:${line}:${column}  `;
    return { file, line, column, message: formatted.startsWith(prefix) ? formatted.slice(prefix.length) : m.reason, excerpt: excerpt(readText(root, file), line, column) };
  });
}

/** A few lines either side of `line`, with a caret under `column`. */
export function excerpt(text: string | undefined, line: number, column: number, around = 2): string {
  if (text === undefined) return "";
  const lines = text.split(/\r?\n/);
  const first = Math.max(1, line - around);
  const last = Math.min(lines.length, line + around);
  const width = String(last).length;
  const out: string[] = [];
  for (let n = first; n <= last; n++) {
    out.push(`${n === line ? ">" : " "} ${String(n).padStart(width)} | ${lines[n - 1] ?? ""}`);
    if (n === line) out.push(`  ${" ".repeat(width)} | ${" ".repeat(Math.max(0, column - 1))}^`);
  }
  return out.join("\n");
}

function readText(root: string, file: string): string | undefined {
  if (file === "") return undefined;
  // Never blocks on a FIFO named like a source, nor reads a device behind a link.
  return readRegularText(isAbsolute(file) ? file : join(root, file));
}
