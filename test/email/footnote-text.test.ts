import { afterEach, describe, expect, it } from "vitest";
import { generate } from "../../src/pipeline/generate.js";
import { tempSite, type TempDir } from "../helpers/temp-site.js";

let site: TempDir | undefined;
afterEach(() => site?.remove());

/**
 * In the email's text part a footnote call ran into its word with a link
 * number after it ("出ました1 [2]"), and each note ended with "↩ [4]", a link
 * back to a place a text mail has not got. A call now reads "出ました(1)",
 * numbered as its note; the way back is left out. Expected text by hand.
 */
describe("footnotes in the email's text part", () => {
  it("a call reads word(1), the notes are listed by number without a way back, and links keep their [n]", async () => {
    site = tempSite({
      "content/issues/2011/2011-07.md": "---\ntitle: 七月号\nissue: 1\ndate: 2011-07-01\n---\n\nPacemaker 1.1 が出ました[^1]。[公式](https://clusterlabs.org/)も見てください[^note]。\n\n[^1]: 開発版です。\n[^note]: 英語です。\n",
    });
    const text = (await generate({ root: site.path, search: false })).output.text("issues/2011-07/email.txt") ?? "";
    expect(text).toContain("Pacemaker 1.1 が出ました(1)。公式 [1]も見てください(2)。");
    expect(text).toMatch(/ 1\. 開発版です。\n\n 2\. 英語です。\n/);
    expect(text).not.toContain("↩");
    expect(text).not.toContain("#user-content-fnref-");
    expect(text).toContain("[1] https://clusterlabs.org/");
  });
});
