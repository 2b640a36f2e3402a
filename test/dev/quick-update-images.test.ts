/**
 * gekkan dev's quick path (updateIssues) re-renders an edited issue's page
 * alone: the page must still write the size of each image of public/ it
 * shows, as read now (an image may have changed since the run before), and
 * be byte for byte what a full generate() makes. Oracles: a full build of
 * the same files, and the sizes written into the PNGs by hand.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { generate } from "../../src/pipeline/generate.js";
import { updateIssues } from "../../src/pipeline/update.js";
import type { Reuse } from "../../src/pipeline/reuse.js";
import { MapStore } from "../../src/incremental/map-store.js";
import { memoOver, noMemo } from "../../src/incremental/memo.js";
import { digest } from "../../src/incremental/digest.js";
import { pngFile } from "../helpers/image-files.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

const APRIL = "content/issues/2011/2011-04.md";
const PAGE = "issues/2011-04/index.html";
const NOW = new Date("2011-06-01T00:00:00Z");

let dir: TempDir | undefined;
afterEach(() => {
  dir?.remove();
  dir = undefined;
});

const reuse = (): Reuse => ({ issues: memoOver(new MapStore()), pages: memoOver(new MapStore()), search: noMemo });
const build = (root: string, with_: Reuse) => generate({ root, search: false, now: NOW }, with_);
const text = (words: string) => `${words}\n\n![表紙](/images/cover.png)\n\n![図](/images/chart.png)\n`;

describe("gekkan dev's quick update of an issue with images", () => {
  it("writes their sizes as public/ holds them now, as a full build does", async () => {
    dir = tempSite({
      [APRIL]: issue({ title: "4月号", issue: 1, date: "2011-04-01" }, text("ことばです。")),
      "content/issues/2011/2011-05.md": issue({ title: "5月号", issue: 2, date: "2011-05-01" }),
      "public/images/cover.png": pngFile(40, 30),
      "public/images/chart.png": pngFile(64, 48),
    });
    const root = dir.path;
    const memos = reuse();
    const previous = await build(root, memos);
    expect(previous.output.text(PAGE)).toContain('<img width="64" height="48" loading="lazy" decoding="async" src="/images/chart.png"');
    writeFileSync(join(root, "public", "images", "chart.png"), pngFile(32, 96));
    const bytes = Buffer.from(issue({ title: "4月号", issue: 1, date: "2011-04-01" }, text("もじです。")), "utf8");
    writeFileSync(join(root, APRIL), bytes);
    const updated = await updateIssues(previous, [{ file: APRIL, bytes, digest: digest(bytes) }], memos);
    expect(updated?.paths).toEqual([PAGE]);
    const page = updated?.generated.output.text(PAGE);
    expect(page).toContain('<img width="40" height="30" src="/images/cover.png"');
    expect(page).toContain('<img width="32" height="96" loading="lazy" decoding="async" src="/images/chart.png"');
    expect(page).toBe((await build(root, reuse())).output.text(PAGE));
  });
});
