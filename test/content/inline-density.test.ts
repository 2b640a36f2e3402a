import { describe, expect, it } from "vitest";
import { excessiveMarkers } from "../../src/content/inline-density.js";

const paragraph = (markers: number) => `${"*a* ".repeat(markers / 2)}\n`;

describe("emphasis and link markers per paragraph", () => {
  it("a paragraph at the limit passes, one marker more is refused where it starts", () => {
    expect(excessiveMarkers(`intro\n\n${paragraph(2000)}`, 2000)).toBeUndefined();
    expect(excessiveMarkers(`intro\n\n${paragraph(2002)}`, 2000)).toEqual({ markers: 2002, single: true, line: 3 });
  });

  it("the whole issue may hold the work of two paragraphs at the limit, not three", () => {
    const two = `${paragraph(2000)}\n${paragraph(2000)}`;
    expect(excessiveMarkers(two, 2000)).toBeUndefined();
    expect(excessiveMarkers(`${two}\n${paragraph(400)}`, 2000)).toEqual({ markers: 400, single: false, line: 5 });
  });

  it("counts * ~ [ ] and word-boundary _, not the _ inside snake_case names", () => {
    expect(excessiveMarkers("crm_resource no_quorum_policy stonith_enabled\n", 0)).toBeUndefined();
    expect(excessiveMarkers("_a_ *b* ~c~ [d]\n", 7)).toEqual({ markers: 8, single: true, line: 1 });
  });

  it("a blank line ends a paragraph: ordinary issues with many short paragraphs pass", () => {
    expect(excessiveMarkers(`${"**太字** と [リンク](/x/)。\n\n".repeat(1000)}`, 2000)).toBeUndefined();
  });
});
