import { describe, expect, it } from "vitest";
import { DEFAULT_COMPONENTS } from "../../src/config.js";
import { createMarkdownRenderer } from "../../src/markdown/processor.js";

const render = createMarkdownRenderer({ components: DEFAULT_COMPONENTS, basePath: "/" });
const block = (version: string) => `:::release{component="pacemaker" version="${version}" status="released"}\n出ました。\n:::\n`;
const messages = (body: string) => {
  const result = render({ file: "content/issues/x.md", body, bodyLine: 1 });
  return result.ok ? [] : result.messages.map((m) => m.reason);
};
/** The attribute the message says to type. */
const offered = (message: string) => /type (version="[^"]*")$/.exec(message)?.[1];

/**
 * A version typed with the input method on, `version="１．４．０"`: the
 * message made the digits ASCII but left the full-width stops, offering
 * `version="1．4．0"`, which is refused again, and "1．4．0" alone (ASCII
 * digits) was told nothing but "found the string", its ． looking like a
 * dot. The value offered is now what the block takes.
 */
describe("a block's version typed with full-width digits, stops or hyphens", () => {
  it.each([
    ["１．４．０", "digits and full stops (．)", "1.4.0"],
    ["1．4．0", "full stops (．)", "1.4.0"],
    ["１.４.０", "digits", "1.4.0"],
    ["1.1.0－rc1", "hyphens (－)", "1.1.0-rc1"],
  ])("%s: says what is full-width and offers a value the block takes", (typed, what, ascii) => {
    const found = messages(block(typed));
    expect(found).toEqual([`invalid :::release attribute "version": expected a version string such as 1.0.11, found the string "${typed}"; its ${what} are full-width: type version="${ascii}"`]);
    const fixed = block(typed).replace(`version="${typed}"`, offered(found[0] ?? "") ?? "");
    expect(fixed).toContain(`version="${ascii}"`);
    expect(messages(fixed)).toEqual([]);
  });
});
