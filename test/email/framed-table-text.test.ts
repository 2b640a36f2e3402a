/**
 * email.txt of a table inside something that marks its lines: a typed
 * block ("| "), a list item (" - "). Measured with the tests' own column
 * count, not the one the text was laid out with.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateSite } from "../helpers/fixtures.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";
import { columns } from "../helpers/email.js";

const CONFIG = JSON.stringify({ title: "Cluster Monthly", url: "https://example.org/", lang: "en", authors: ["Editors"] });
// Each row is wider than a mail reader's 78 columns, so it is given as "header: value" records.
const WIDE = [
  "| Change | Who made it and where they work | Why it matters for your cluster |",
  "| --- | --- | --- |",
  "| Redundant ring support for every transport | Steven Dake and Angus Salkeld (Red Hat) | A second network keeps the membership alive when one fails |",
].join("\n");
// 77 columns laid out: it fits 78 on its own, but not behind a frame's two.
const SEVENTY_SEVEN = ["| Plugin | Board |", "| --- | --- |", `| external/ipmi-${"x".repeat(26)} | HP iLO3 on the ProLiant DL G7 and G8 |`].join("\n");
const BODY = `Before the block.

:::release{component="corosync" version="1.4.0" status="planned"}
Corosync 1.4.0 brings these changes:

${WIDE}

${SEVENTY_SEVEN}
:::

- In a list:

  ${WIDE.split("\n").join("\n  ")}
`;

let site: TempDir;
let text: string;

beforeAll(async () => {
  site = tempSite({ "gekkan.config.json": CONFIG, "content/issues/2011/2011-05.md": issue({ title: "May", issue: 1, date: "2011-05-01", lang: "en" }, BODY) });
  text = (await generateSite(site.path)).output.text("issues/2011-05/email.txt") ?? "";
});
afterAll(() => site.remove());

describe("a table in a typed block or a list item, in English", () => {
  it("wraps its records to 72 columns with the frame or the item's indent included, as the text around it", () => {
    const lines = text.split("\n").filter((line) => !/https?:\/\//.test(line));
    const records = lines.filter((line) => /Who made it|membership|Angus|alive when/.test(line));
    // Two tables' worth: the block's and the list's.
    expect(records.length).toBeGreaterThanOrEqual(4);
    expect(records.filter((line) => line.startsWith("| ")).length).toBeGreaterThanOrEqual(2);
    expect(lines.filter((line) => columns(line) > 72)).toEqual([]);
  });

  it("gives a table as records when its columns fit 78 only without the frame", () => {
    expect(text).toMatch(/^\| Plugin: external\/ipmi-x+$/m);
    expect(text).toMatch(/^\| Board: HP iLO3 on the ProLiant DL G7 and G8$/m);
  });
});

/**
 * Japanese text is not wrapped, and its tables were given the whole 78
 * columns wherever they stood: one in a typed block, framed with "| ",
 * reached 80. Two columns of 19 kanji/kana are 38 + 2 + 38 = 78 columns.
 */
describe("a Japanese table in a typed block or a list item", () => {
  const JA_CONFIG = JSON.stringify({ title: "月刊テスト", url: "https://example.org/", lang: "ja", authors: ["編集部"] });
  const [left, right] = ["管理ボードの機種名とその世代を書いた欄", "使うプラグインとその設定を書いておく欄"];
  const TABLE = ["| 機種 | 備考 |", "| --- | --- |", `| ${left} | ${right} |`].join("\n");
  const JA_BODY = `前置きです。\n\n:::stonith{device="IBM IMM" plugin="ipmi" vendor="IBM"}\n表です。\n\n${TABLE}\n:::\n\n- 箇条書きの中：\n\n  ${TABLE.split("\n").join("\n  ")}\n`;
  let jaSite: TempDir;
  let ja: string;
  beforeAll(async () => {
    jaSite = tempSite({ "gekkan.config.json": JA_CONFIG, "content/issues/2011/2011-05.md": issue({ title: "五月号", issue: 1, date: "2011-05-01" }, JA_BODY) });
    ja = (await generateSite(jaSite.path)).output.text("issues/2011-05/email.txt") ?? "";
  });
  afterAll(() => jaSite.remove());

  it("keeps every line of the table within 78 columns, the frame or the item's indent included", () => {
    expect(columns(`${left}  ${right}`)).toBe(78);
    const rows = ja.split("\n").filter((line) => line.includes(left) || line.includes(right) || /^[| ]*-{10,}/.test(line));
    // The block's and the list's: the cells are there, twice each.
    expect(rows.filter((line) => line.includes(left)).length).toBe(2);
    expect(rows.filter((line) => line.includes(right)).length).toBe(2);
    expect(rows.filter((line) => columns(line) > 78)).toEqual([]);
  });

  it("gives it as records in the frame, as the English one", () => {
    expect(ja).toContain(`| 機種: ${left}\n| 備考: ${right}`);
  });
});
