/**
 * A file saved on macOS can have a name whose letters have their marks apart
 * (が as か + U+3099, NFD); a link typed with an input method holds them
 * whole (NFC). gekkan published such a file under its name as it was, so
 * the link typed in the text reached it only where the file system ignores
 * the difference (the author's Mac): a Linux host answered 404, and
 * `gekkan check` called it missing, asking for the file where it already
 * was. It is now published under the composed name; two files whose names
 * differ only so are an error. The oracle is the names on disk, written out
 * here code point by code point.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildInProcess, checkInProcess } from "../helpers/io.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

/** がぞう.png as macOS may save it, and as an input method types it. */
const APART = "\u304B\u3099\u305D\u3099\u3046.png";
const WHOLE = "\u304C\u305E\u3046.png";

describe("public/ file names with letters whose marks are apart", () => {
  let dir: TempDir | undefined;
  afterEach(() => dir?.remove());

  const april = issue({ title: "四月号", issue: 1, date: "2011-04-01" }, `![図](/画像/${WHOLE})\n`);

  it("are published under the composed name, which the link typed in the text reaches", async () => {
    dir = tempSite({ "content/issues/2011/2011-04.md": april, [`public/画像/${APART}`]: "png\n" });
    expect((await buildInProcess(dir.path)).code).toBe(0);
    expect(readdirSync(join(dir.path, "dist", "画像"))).toEqual([WHOLE]);
    expect(readFileSync(join(dir.path, "dist", "画像", WHOLE), "utf8")).toBe("png\n");
    const check = await checkInProcess(dir.path);
    expect(check.lines.filter((line) => line.includes("broken"))).toEqual([]);
    expect(check.code).toBe(0);
  });

  it("two files whose names differ only so are an error, and nothing is written", async () => {
    dir = tempSite({ "content/issues/2011/2011-04.md": april, [`public/画像/${APART}`]: "apart\n", [`public/画像/${WHOLE}`]: "whole\n" });
    const run = await buildInProcess(dir.path);
    expect(run.code).toBe(1);
    expect(run.stderr[0]).toBe(`public/画像/${WHOLE}:1:1  public/画像/${APART} has the same name written another way (one of the two has letters with their marks apart, ガ as カ + ゛, as macOS writes some file names), and both would be published at /画像/${WHOLE}; keep one of them`);
    expect(readdirSync(dir.path)).not.toContain("dist");
  });
});

describe("a link whose letters have their marks apart, to a file published with them whole", () => {
  let dir: TempDir | undefined;
  afterEach(() => dir?.remove());

  it("is told so by gekkan check, instead of being asked to put the file where it is", async () => {
    const april = issue({ title: "四月号", issue: 1, date: "2011-04-01" }, `![図](/画像/${APART})\n`);
    dir = tempSite({ "content/issues/2011/2011-04.md": april, [`public/画像/${WHOLE}`]: "png\n" });
    const check = await checkInProcess(dir.path);
    expect(check.code).toBe(1);
    const url = `/${encodeURIComponent("画像")}/${encodeURIComponent(APART)}`;
    expect(check.lines[0]).toBe(`content/issues/2011/2011-04.md:7:1  broken image "/画像/${APART}": nothing is published at ${url}; /画像/${WHOLE} is, which looks the same but the link has letters written with their marks apart (ガ as カ + ゛, as text copied from a Mac file name is), so a browser does not go there; type the link's Japanese again`);
  });
});
