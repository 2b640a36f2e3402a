/**
 * Two issue files whose names macOS and Windows take for one (Foo.md and
 * foo.md; 2011-04.md and 2011-04.MD; が whole and か + U+3099): Linux
 * built both, and a checkout on macOS or Windows kept one of them, so a
 * build from it left the other issue out. Each pair is now an error at the
 * later name. The oracle is the message text, written out here.
 */
import { afterEach, describe, expect, it } from "vitest";
import { buildInProcess } from "../helpers/io.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

const DIR = "content/issues/2011";
const BOTH = "macOS and Windows cannot hold both, so a checkout there keeps only one of them and a build from it leaves the other out; rename one of them";

describe("issue files whose names differ only in case or in the form of their letters", () => {
  let dir: TempDir | undefined;
  afterEach(() => dir?.remove());

  it("Foo.md beside foo.md is an error at the later name", async () => {
    dir = tempSite({ [`${DIR}/Special.md`]: issue({ title: "特集", issue: 1, date: "2011-04-01" }), [`${DIR}/special.md`]: issue({ title: "五月号", issue: 2, date: "2011-05-01" }) });
    const run = await buildInProcess(dir.path);
    expect(run.code).toBe(1);
    expect(run.stderr[0]).toBe(`${DIR}/special.md:1:1  ${DIR}/Special.md has the same name but for case: ${BOTH}`);
  });

  it("2011-04.MD beside 2011-04.md is one error, not advice to rename it onto the other", async () => {
    const april = issue({ title: "四月号", issue: 1, date: "2011-04-01" });
    dir = tempSite({ [`${DIR}/2011-04.md`]: april, [`${DIR}/2011-04.MD`]: april });
    const run = await buildInProcess(dir.path);
    expect(run.code).toBe(1);
    expect(run.stderr.filter((line) => line.includes(":1:1  "))).toEqual([`${DIR}/2011-04.md:1:1  ${DIR}/2011-04.MD has the same name but for case: ${BOTH}`]);
  });

  it("a name with が whole beside one with か + U+3099 is an error", async () => {
    const whole = "\u304C\u3063\u3053\u3046.md";
    const apart = "\u304B\u3099\u3063\u3053\u3046.md";
    dir = tempSite({ [`${DIR}/${whole}`]: issue({ title: "四月号", issue: 1, date: "2011-04-01" }), [`${DIR}/${apart}`]: issue({ title: "五月号", issue: 2, date: "2011-05-01" }) });
    const run = await buildInProcess(dir.path);
    expect(run.code).toBe(1);
    const [later, earlier] = [whole, apart].sort().reverse();
    expect(run.stderr[0]).toBe(`${DIR}/${later}:1:1  ${DIR}/${earlier} has the same name but for how its letters with marks are written (ガ whole, or カ + ゛): ${BOTH}`);
  });

  it("other files that differ only in case are left alone", async () => {
    dir = tempSite({ [`${DIR}/2011-04.md`]: issue({ title: "四月号", issue: 1, date: "2011-04-01" }), [`${DIR}/notes.txt`]: "a\n", [`${DIR}/NOTES.txt`]: "b\n" });
    expect((await buildInProcess(dir.path)).code).toBe(0);
  });
});

describe("issue files and folders whose names Windows cannot hold", () => {
  let dir: TempDir | undefined;
  afterEach(() => dir?.remove());

  const WINDOWS = "Linux and macOS take it, but a checkout on Windows cannot, and leaves";

  it("a reserved character, a device name, a dot or space at the end: each an error at the name", async () => {
    const month = (n: number) => issue({ title: `${n}月号`, issue: n, date: `2011-${String(n).padStart(2, "0")}-01` });
    dir = tempSite({ [`${DIR}/2011-04.md`]: month(4), [`${DIR}/特集:前編.md`]: month(5), [`${DIR}/aux.md`]: month(6), ["content/issues/2012 /2012-01.md"]: issue({ title: "一月号", issue: 8, date: "2012-01-01" }) });
    const run = await buildInProcess(dir.path);
    expect(run.code).toBe(1);
    expect(run.stderr.filter((line) => line.includes("Windows"))).toEqual([
      `${DIR}/aux.md:1:1  this name is "aux", a name Windows keeps for a device, with an extension or without: ${WINDOWS} this issue out; rename it`,
      `${DIR}/特集:前編.md:1:1  this name holds ":", which Windows keeps for paths: ${WINDOWS} this issue out; rename it`,
      `content/issues/2012 :1:1  this name ends in a space, which Windows drops: ${WINDOWS} the issues in it out; rename it`,
    ]);
  });
});
