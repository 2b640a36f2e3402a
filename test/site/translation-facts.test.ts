/**
 * A translated block at its original's anchor with other facts: the original
 * corrected after the translation was made. The English /releases/ said
 * "planned" where the Japanese one said "released", and no build or check
 * said a word. It is now a warning at the translated block, naming each fact
 * as the original has it; a translated block with the same facts (a device
 * spelt with other case and spacing, translated notes) is none.
 * Oracle: the files written here, read by eye.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli.js";
import { captureIo } from "../helpers/io.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

const CONFIG = `${JSON.stringify({ title: "テスト月刊", url: "https://example.org/", lang: "ja", languages: { en: { title: "Test Monthly" } } })}\n`;
const ORIGINAL = "content/issues/2011/2011-04.md";
const FILE = "content/issues/2011/2011-04.en.md";
const RELEASE = (status: string) => `:::release{#pm116 component="pacemaker" version="1.1.6" status="${status}" title="Pacemaker 1.1.6"}\n`;
const STONITH = (device: string, plugin: string) => `:::stonith{device="${device}" plugin="${plugin}" vendor="HP"}\n`;

let dir: TempDir | undefined;
afterEach(() => {
  dir?.remove();
  vi.unstubAllEnvs();
});

async function warnings(original: string, translation: string, ...flags: string[]): Promise<string[]> {
  dir?.remove();
  dir = tempSite({
    "gekkan.config.json": CONFIG,
    [ORIGINAL]: issue({ title: "創刊号", issue: 1, date: "2011-04-01" }, original),
    [FILE]: issue({ title: "First issue", issue: 1, date: "2011-04-01", lang: "en", ...(flags.includes("--drafts") ? { draft: true } : {}) }, translation),
  });
  vi.stubEnv("SOURCE_DATE_EPOCH", "1325376000");
  const io = captureIo();
  expect(await main(["build", "--root", dir.path, "--no-cache", "--no-search", ...flags], io)).toBe(0);
  return io.stderr.filter((line) => line.includes("translation-facts") || line.includes(" block (#"));
}

describe("a translated block whose facts are not its original's", () => {
  it("is a warning at the translated block, naming each fact as the original has it", async () => {
    const original = `${RELEASE("released")}リリースされました。\n:::\n\n${STONITH("HP iLO3", "external/ipmi")}ipmi で制御します。\n:::\n`;
    const translation = `${RELEASE("planned")}Planned.\n:::\n\n${STONITH("HP iLO3", "ipmi")}Controlled with ipmi.\n:::\n`;
    expect(await warnings(original, translation)).toEqual([
      `${FILE}:8:1  warning: this release block (#pm116) translates ${ORIGINAL}:7, which says status="released", not "planned": the en edition's reference and component pages show this block in its place, so they contradict the original; write status="released" here too`,
      `${FILE}:12:1  warning: this stonith block (#stonith-hp-ilo3) translates ${ORIGINAL}:11, which says plugin="external/ipmi", not "ipmi": the en edition's reference and component pages show this block in its place, so they contradict the original; write plugin="external/ipmi" here too`,
      'gekkan: if you mean these, stop the warning in gekkan.config.json with "ignoreWarnings": ["translation-facts"], or for one issue only in its front matter with ignoreWarnings: [translation-facts]',
    ]);
  });

  it("the same facts, a device spelt otherwise, or a draft translation, are no warning", async () => {
    const original = `${RELEASE("released")}リリースされました。\n:::\n\n${STONITH("HP iLO3", "ipmi")}ipmi で制御します。\n:::\n`;
    expect(await warnings(original, `${RELEASE("released")}Released.\n:::\n\n${STONITH("hp  ILO3", "ipmi")}Controlled with ipmi.\n:::\n`)).toEqual([]);
    expect(await warnings(original, `${RELEASE("planned")}Planned.\n:::\n`, "--drafts")).toEqual([]);
  });

  it("an original whose version was corrected (so its anchor moved) still has its translation: one row, and a warning", async () => {
    const release = (version: string, text: string) => `:::release{component="corosync" version="${version}" status="released"}\n${text}\n:::\n`;
    const original = `${release("2.1.6", "2.1.6 がリリースされました。")}\n${STONITH("HP iLO3", "ipmi")}ipmi で制御します。\n:::\n`;
    const translation = `${release("2.1.5", "2.1.5 is out.")}\n${STONITH("HP iLO3", "ipmi")}Controlled with ipmi.\n:::\n`;
    expect(await warnings(original, translation)).toEqual([
      `${FILE}:8:1  warning: this release block (#release-corosync-2-1-5) translates ${ORIGINAL}:7, which says version="2.1.6", not "2.1.5": the en edition's reference and component pages show this block in its place, so they contradict the original; write version="2.1.6" here too`,
      'gekkan: if you mean this, stop the warning in gekkan.config.json with "ignoreWarnings": ["translation-facts"], or for one issue only in its front matter with ignoreWarnings: [translation-facts]',
    ]);
    // Read off the written page: one row for the one release, the translation's (in English, at its anchor), not the original's beside it.
    const releases = readFileSync(join(dir?.path ?? "", "dist/en/releases/index.html"), "utf8");
    expect(releases.match(/#release-corosync-2-1-\d/g)).toEqual(["#release-corosync-2-1-5"]);
    expect(releases).not.toContain("がリリースされました");
  });

  it("a translation that adds a block of a kind the original has one of, unpaired, is the translation's own: no warning", async () => {
    const release = (version: string) => `:::release{component="corosync" version="${version}" status="released"}\nOut.\n:::\n`;
    expect(await warnings(release("2.1.6"), `${release("2.1.6")}\n${release("2.1.7")}`)).toEqual([]);
  });
});

