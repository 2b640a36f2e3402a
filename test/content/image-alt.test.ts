import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { captureIo } from "../helpers/io.js";
import { gfmHtml } from "../helpers/markdown-oracle.js";
import { tempSite, type TempDir } from "../helpers/temp-site.js";

let site: TempDir | undefined;
afterEach(() => site?.remove());

const BODY = [
  "構成は次のとおり。",
  "",
  "![](/images/zu.png)",
  "",
  '飾り ![ ](/images/line.png) と <img src="/images/logo.png"> と <img src="/images/deco.png" alt=""> と ![構成図](/images/ok.png)',
  "",
  ':::stonith{device="HP iLO3" plugin="ipmi"}',
  "配線は ![][zu] のとおり。",
  ":::",
  "",
  "[zu]: /images/zu.png",
  "",
].join("\n");
const issueWith = (extra = "") => `---\ntitle: 七月号\nissue: 1\ndate: 2011-07-01\n${extra}---\n\n${BODY}`;

async function build(root: string): Promise<string[]> {
  const io = captureIo();
  expect(await main(["build", "--root", root, "--no-search", "--quiet"], io)).toBe(0);
  return io.stderr;
}

/**
 * A picture with no description (`![](/images/zu.png)`) was published with
 * alt="", which tells screen readers to skip it, without a word; a raw
 * <img> with no alt gets its file name read out. Each is a warning at the
 * picture, in a block's text too; a raw <img alt=""> is the author's own
 * word that it is decoration, and says nothing. Expected lines by hand.
 */
describe("a picture with no description", () => {
  it("is an image-alt warning at each, saying to describe it", async () => {
    // What Markdown makes of it anywhere: an empty alt.
    expect(gfmHtml("![](/images/zu.png)")).toBe('<p><img src="/images/zu.png" alt=""></p>');
    site = tempSite({ "content/issues/2011/2011-07.md": issueWith() });
    const md = "content/issues/2011/2011-07.md";
    const described = (written: string, fix: string) => `"${written}" is a picture with no description: a screen reader skips it, and an email shown without pictures leaves nothing in its place; describe it between the brackets, "${fix}"; a picture only for decoration can stop the warning`;
    expect(await build(site.path)).toEqual([
      `${md}:9:1  warning: ${described("![](/images/zu.png)", "![what it shows](/images/zu.png)")}`,
      `${md}:11:4  warning: ${described("![ ](/images/line.png)", "![what it shows](/images/line.png)")}`,
      `${md}:11:29  warning: <img src="/images/logo.png"> has no alt: a screen reader reads out its file name instead of what it shows, and an email shown without pictures leaves nothing in its place; add alt="what it shows", or alt="" for a picture only for decoration`,
      `${md}:14:5  warning: ${described("![][zu]", "![what it shows][zu]")}`,
      'gekkan: if you mean these, stop the warning in gekkan.config.json with "ignoreWarnings": ["image-alt"], or for one issue only in its front matter with ignoreWarnings: [image-alt]',
    ]);
  });

  it("an issue of decorations says so in its front matter", async () => {
    site = tempSite({ "content/issues/2011/2011-07.md": issueWith("ignoreWarnings: [image-alt]\n") });
    expect(await build(site.path)).toEqual([]);
  });
});
