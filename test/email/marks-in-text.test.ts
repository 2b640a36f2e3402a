import { afterEach, describe, expect, it } from "vitest";
import { generate } from "../../src/pipeline/generate.js";
import { tempSite, type TempDir } from "../helpers/temp-site.js";

let site: TempDir | undefined;
afterEach(() => site?.remove());

async function emailText(body: string): Promise<string> {
  site = tempSite({ "content/issues/2011/2011-07.md": `---\ntitle: 七月号\nissue: 1\ndate: 2011-07-01\n---\n\n${body}` });
  return (await generate({ root: site.path, search: false })).output.text("issues/2011-07/email.txt") ?? "";
}

/**
 * The email's text part as a reader of it sees what the page shows in
 * other ways. A task list (`- [x] done`) lost its boxes, so a reader could
 * not tell what was done from what was not; struck-through text (a date
 * corrected, `~~4月~~ 5月`) read as if it still held; a `<details>` ran its
 * summary into what it hides ("詳細隠れた本文"). Expected text by hand.
 */
describe("the text part of what the page shows as controls", () => {
  it("a task list keeps each item's box, ticked or not, as [x] and [ ]", async () => {
    const text = await emailText("- [x] 1.0.11 を試す\n- [ ] 1.1 へ移る\n");
    expect(text).toMatch(/^ - \[x\] 1\.0\.11 を試す\n - \[ \] 1\.1 へ移る$/m);
  });

  it("struck-through text stays struck through, as ~~ around it", async () => {
    const text = await emailText("リリースは ~~4月~~ 5月 の予定です。<s>旧版</s>\n");
    expect(text).toContain("リリースは ~~4月~~ 5月 の予定です。~~旧版~~");
  });

  it("a <details> gives its summary a line of its own, above what it holds", async () => {
    const text = await emailText("<details><summary>詳細</summary>隠れた本文</details>\n\n後の段落。\n");
    expect(text).toMatch(/^詳細\n隠れた本文$/m);
  });
});
