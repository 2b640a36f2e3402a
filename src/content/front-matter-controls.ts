import type { VFileMessage } from "vfile-message";
import { diagnostic, type Place } from "../diagnostics.js";
import { describeControl, findControl } from "./control-chars.js";
import { fieldName } from "../schema-report.js";

/**
 * YAML and JSON escapes ("\0", "\x1b", "\u0007") put control characters into
 * a value that no page or feed may hold. One located message per value
 * holding one; `noun` names what the values are ("front matter field").
 */
export function controlsInData(file: string, data: object, locate: (path: readonly PropertyKey[], prefer: "key" | "value") => Place | undefined, noun = "front matter field"): VFileMessage[] {
  const messages: VFileMessage[] = [];
  const visit = (value: unknown, path: PropertyKey[]): void => {
    if (typeof value === "string") {
      const found = findControl(value);
      if (found) {
        const reason = `${noun} ${fieldName(path)} holds the invisible character ${describeControl(found.char)}, which no web page or feed may hold; remove the escape that writes it (such as \\x1b, \\u001b or \\0)`;
        messages.push(diagnostic(file, reason, locate(path, "value") ?? { line: 1, column: 1 }, "control-character"));
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, [...path, i]));
    } else if (value !== null && typeof value === "object" && !(value instanceof Uint8Array)) {
      for (const [key, item] of Object.entries(value)) {
        if (findControl(key)) messages.push(diagnostic(file, `a ${noun} name holds the invisible character ${describeControl(findControl(key)?.char ?? "")}; remove it`, locate([...path, key], "key") ?? { line: 1, column: 1 }, "control-character"));
        else visit(item, [...path, key]);
      }
    }
  };
  visit(data, []);
  return messages;
}

