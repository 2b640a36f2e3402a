import { describe, expect, it } from "vitest";
import { bodyOutcome as outcome } from "../helpers/body-outcome.js";

const leaf = (name: string) => `"::${name}" must be written as a container: ":::${name}{…}" on its own line, its text, then ":::"`;

describe("the leaf form ::name is text, but a block written that way is reported", () => {
  it("reports ::release{…} alone on a line, at its file position, wherever the paragraph sits", () => {
    expect(outcome('::release{component="pacemaker" status="planned"}')).toEqual([`6:1 ${leaf("release")}`]);
    expect(outcome("text\n  ::qa\nmore")).toEqual([`7:3 ${leaf("qa")}`]);
    expect(outcome("- item\n  ::stonith[x]{device=\"D\"}")).toEqual([`7:3 ${leaf("stonith")}`]);
    expect(outcome("> ::release{}\r\n> more")).toEqual([`6:3 ${leaf("release")}`]);
  });

  it("reports a misspelt block name written with attributes as an unknown block", () => {
    expect(outcome("::relase{component=\"x\"}")).toEqual(['6:1 unknown block ":::relase" — did you mean :::release?']);
  });

  it("leaves other text alone: escaped, in code, not alone on its line, unknown names", () => {
    expect(outcome("\\::release{}")).toBe("<p>::release{}</p>");
    expect(outcome("`::release{}`")).toBe("<p><code>::release{}</code></p>");
    expect(outcome("```\n::release{}\n```")).toBe("<pre><code>::release{}\n</code></pre>");
    expect(outcome("::release の書き方は古い")).toBe("<p>::release の書き方は古い</p>");
    expect(outcome("::note{x}")).toBe("<p>::note{x}</p>");
    expect(outcome("時刻 12::30")).toBe("<p>時刻 12::30</p>");
  });

  it("a container block still works, and its content is searched too", () => {
    expect(outcome(':::stonith{device="D" plugin="ipmi"}\n::release{}\n:::')).toEqual([`7:1 ${leaf("release")}`]);
  });
});
