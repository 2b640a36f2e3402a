import type { Code, Root } from "mdast";
import type { VFile } from "vfile";
import { visit } from "unist-util-visit";
import { diagnostic } from "../../diagnostics.js";

/**
 * A code fence that is never closed runs to the end of the issue: every
 * heading and typed block after it is shown as code, and the blocks are
 * missing from /releases/, /compat/ and /stonith/. A fence left open at the
 * very end of an issue around code alone shows as meant and is left alone;
 * one that swallowed a heading or a block is an error at its opening line.
 */
export function remarkUnclosedCode() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    const where = String(file.path);
    visit(tree, "code", (node: Code) => {
      const from = node.position?.start.offset;
      const to = node.position?.end.offset;
      if (from === undefined || to === undefined) return;
      const lines = source.slice(from, to).split("\n");
      const fence = /^[ \t>]*(`{3,}|~{3,})/.exec(lines[0] ?? "")?.[1];
      // Indented code has no fence to close.
      if (fence === undefined || lines.length > 1 && isClosing(lines.at(-1) ?? "", fence)) return;
      const swallowed = lines.findIndex((line, i) => i > 0 && SWALLOWED.test(line));
      if (swallowed === -1) return;
      const line = (node.position?.start.line ?? 1) + swallowed;
      const what = (lines[swallowed] ?? "").replace(/^[ \t>]*/, "").slice(0, 40);
      file.messages.push(diagnostic(where, `this code block is never closed, so everything after it is shown as code, "${what}" (line ${line}) too; add a line with only ${fence} where the code ends`, node.position?.start, "code-unclosed"));
    });
  };
}

/** A closing fence: the opening's character, at least as many, nothing after but spaces. */
function isClosing(line: string, fence: string): boolean {
  const marks = /^[ \t>]*(`{3,}|~{3,})[ \t]*$/.exec(line)?.[1];
  return marks !== undefined && marks[0] === fence[0] && marks.length >= fence.length;
}

/**
 * Lines that were meant as the issue's own structure: a typed block's
 * opening or a heading (from ##, as an issue's are; "# " is a shell comment).
 */
const SWALLOWED = /^[ \t>]*(?::::[A-Za-z]|#{2,6}[ \t])/;
