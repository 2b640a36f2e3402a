import { afterEach, describe, expect, it } from "vitest";
import { generate } from "../../src/pipeline/generate.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

let site: TempDir | undefined;
afterEach(() => site?.remove());

/** The text inside the element that `open` starts, in `html`. */
function textAfter(html: string, open: RegExp): string[] {
  return [...html.matchAll(new RegExp(`${open.source}([^<]*)<`, "g"))].map((m) => m[1] ?? "");
}

describe("a release without a version or title is named by its component alone", () => {
  it("no trailing space in the block's heading, the issue's contents or the /releases/ row", async () => {
    const body = ':::release{component="drbd" status="planned"}\n次の版を準備中です。\n:::\n';
    site = tempSite({ "content/issues/2011/2011-05.md": issue({ title: "5月号", issue: 1, date: "2011-05-01" }, body) });
    const built = await generate({ root: site.path, search: false });
    const page = built.output.text("issues/2011-05/index.html") ?? "";
    // Oracle: DRBD is the built-in display name of the "drbd" component; nothing else belongs after it.
    // The block's heading and its entry in the issue's contents.
    expect(textAfter(page, /<a href="#release-drbd">/)).toEqual(["DRBD", "DRBD"]);
    expect(page).not.toMatch(/DRBD <\/a>/);
    const releases = built.output.text("releases/index.html") ?? "";
    expect(releases).toMatch(/>DRBD<\/a>/);
    expect(releases).not.toMatch(/DRBD <\/a>/);
  });
});
