import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ensureCompiled, runCli } from "../helpers/run-cli.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

beforeAll(() => ensureCompiled(), 300_000);

const FILE = "content/issues/2011/2011-04.md";
const FRONT = { title: "設定", issue: 1, date: "2011-04-01" };
const CONFIG = JSON.stringify({ url: "https://example.org/" });
/** デ typed with the input method (U+30C7), and as macOS writes it in file names: テ (U+30C6) then the combining voiced mark (U+3099). */
const TYPED = "\u30c7ータ";
const APART = "\u30c6\u3099ータ";

/**
 * A heading pasted from a Mac file name has its letters' marks apart (NFD);
 * a link typed to it does not, so a browser does not go there. `gekkan
 * check` said "no element with id "データ" — did you mean "#データ"?",
 * offering what looked like the very anchor the author had written.
 */
describe("an anchor and an id that differ only in how their letters are encoded", () => {
  let dir: TempDir | undefined;
  afterEach(() => dir?.remove());

  it.each([
    ["the heading", APART, TYPED, "in the heading or block it comes from", "type that heading's or block's Japanese again"],
    ["the link", TYPED, APART, "in the link", "type the link's Japanese again"],
  ])("with the marks apart in %s, check names which one and what to do", async (_where, heading, link, where, fix) => {
    dir = tempSite({ "gekkan.config.json": CONFIG, [FILE]: issue(FRONT, `## ${heading}\n\n[上へ](#${link})\n`) });
    const run = await runCli(["check"], { cwd: dir.path });
    expect(run.stderr.split("\n")[0]).toBe(
      `${FILE}:9:1  broken anchor in link "#${link}": /issues/2011-04/ has no element with id "${link}"; it has "#${heading}", which looks the same but has letters written with their marks apart ${where} (ガ as カ + ゛, as text copied from a Mac file name is), so a browser does not go there; ${fix}`,
    );
    expect(run.code).toBe(1);
  });
});
