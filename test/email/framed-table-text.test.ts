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
