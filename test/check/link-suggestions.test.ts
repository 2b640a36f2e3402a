/**
 * "Did you mean" for a broken link names something of the same kind: an
 * image for an image (another image type too), a page for a page, a file
 * for a file. A missing
 * image next to the issue's email files was offered "email.txt", one of the
 * nearest paths by spelling, and the advice to put the file in public/ was
 * dropped for it. Oracle: the paths the test site publishes, known by hand.
 */
import { afterEach, describe, expect, it } from "vitest";
import { runCheck } from "../../src/check/run-check.js";
import { formatDiagnostic } from "../../src/diagnostics.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

const NOW = new Date("2011-06-15T00:00:00Z");
const FILE = "content/issues/2011/2011-04.md";
let site: TempDir | undefined;
afterEach(() => site?.remove());

async function errors(body: string, nextBody?: string): Promise<string[]> {
  site = tempSite({
    [FILE]: issue({ title: "4月号", issue: 1, date: "2011-04-01" }, body),
    "content/issues/2011/2011-05.md": issue({ title: "5月号", issue: 2, date: "2011-05-01" }, nextBody),
    "public/images/diagram.png": "not really a png\n",
  });
  return (await runCheck({ root: site.path, now: NOW })).errors.map(formatDiagnostic);
}

describe("suggestions for a broken link", () => {
  it("a missing image beside the issue's email files is not offered one of them: it is told where to put the file", async () => {
    expect(await errors("![図](images/x.png)\n")).toEqual([
      `${FILE}:7:1  broken image "images/x.png": nothing is published at /issues/2011-04/images/x.png; put the file at public/issues/2011-04/images/x.png`,
    ]);
  });

  it("an image of another type with the same name is offered", async () => {
    expect(await errors("![図](/images/diagram.jpg)\n")).toEqual([`${FILE}:7:1  broken image "/images/diagram.jpg": nothing is published at /images/diagram.jpg — did you mean "/images/diagram.png"?`]);
  });

  it("a page link is offered a page, and a file another file", async () => {
    expect(await errors("[前号](/issues/2011-06/) と [メール](/issues/2011-05/email.tx)\n")).toEqual([
      `${FILE}:7:1  broken link "/issues/2011-06/": nothing is published at /issues/2011-06/ — did you mean "/issues/2011-05/"?`,
      `${FILE}:7:26  broken link "/issues/2011-05/email.tx": nothing is published at /issues/2011-05/email.tx — did you mean "/issues/2011-05/email.txt"?`,
    ]);
  });

  it("a link to a page's index.md is offered the page, not a file that happens to be spelt near it", async () => {
    expect(await errors("[ここ](/issues/2011-05/index.md)\n")).toEqual([
      `${FILE}:7:1  broken link "/issues/2011-05/index.md": nothing is published at /issues/2011-05/index.md — did you mean "/issues/2011-05/"?`,
    ]);
  });

  it("a link to an issue's Markdown source (the GitHub habit) is told the issue's page, from the site root", async () => {
    expect(await errors("[こちら](../2011/2011-05.md) と [あれ](2011-05.md#見出し)\n", "## 見出し\n\n本文です。\n")).toEqual([
      `${FILE}:7:1  broken link "../2011/2011-05.md": nothing is published at /issues/2011/2011-05.md; it is the Markdown source of an issue, which is not published: link the issue's page instead: /issues/2011-05/`,
      `${FILE}:7:29  broken link "2011-05.md#見出し": nothing is published at /issues/2011-04/2011-05.md; it is the Markdown source of an issue, which is not published: link the issue's page instead: /issues/2011-05/#見出し`,
    ]);
  });

  it("keeps the link's #fragment in the suggestion only when that page has it: pasted, a fix broken again at its #… fixed nothing", async () => {
    expect(await errors("[あれ](2011-05.md#見出し)\n")).toEqual([
      `${FILE}:7:1  broken link "2011-05.md#見出し": nothing is published at /issues/2011-04/2011-05.md; it is the Markdown source of an issue, which is not published: link the issue's page instead: /issues/2011-05/`,
    ]);
  });

  it("an image not added to public/ is told where to put it, not offered another image only its folder and extension make near", async () => {
    // "drawing" and "diagram" share no more than any two words do; counted with "/images/" and ".png" they were near enough to offer.
    expect(await errors("![図](/images/drawing.png)\n")).toEqual([
      `${FILE}:7:1  broken image "/images/drawing.png": nothing is published at /images/drawing.png; put the file at public/images/drawing.png`,
    ]);
  });

  it("a link to an issue as an HTML file (another generator's habit) is offered the issue's page, not its email.html", async () => {
    expect(await errors("[5月号](/issues/2011-05.html)\n")).toEqual([
      `${FILE}:7:1  broken link "/issues/2011-05.html": nothing is published at /issues/2011-05.html — did you mean "/issues/2011-05/"?`,
    ]);
  });

  it("a relative image whose file is at the site root is offered its root-relative address", async () => {
    expect(await errors("![rel2](images/diagram.png)\n")).toEqual([
      `${FILE}:7:1  broken image "images/diagram.png": nothing is published at /issues/2011-04/images/diagram.png — did you mean "/images/diagram.png"? (a relative address starts from the issue's page)`,
    ]);
  });

  it("an address written with a Windows folder path's \\ or ¥ is offered the one with slashes, when the site has it", async () => {
    // A backslash was read as part of a name, and the advice was to put the file at public/issues/2011-04/\images\….
    expect(await errors("![図](\\images\\diagram.png) ![図2](¥images¥diagram.png) [前号](¥issues¥2011-05¥)\n")).toEqual([
      `${FILE}:7:1  broken image "\\images\\diagram.png": nothing is published at /issues/2011-04/%5Cimages%5Cdiagram.png — did you mean "/images/diagram.png"? (an address parts its folders with /, not with \\ or ¥ as a Windows folder path does)`,
      `${FILE}:7:27  broken image "¥images¥diagram.png": nothing is published at /issues/2011-04/¥images¥diagram.png — did you mean "/images/diagram.png"? (an address parts its folders with /, not with \\ or ¥ as a Windows folder path does)`,
      `${FILE}:7:54  broken link "¥issues¥2011-05¥": nothing is published at /issues/2011-04/¥issues¥2011-05¥ — did you mean "/issues/2011-05/"? (an address parts its folders with /, not with \\ or ¥ as a Windows folder path does)`,
    ]);
  });
});
