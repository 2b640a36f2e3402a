import { describe, expect, it } from "vitest";
import type { OutputSet } from "../../src/write/output.js";
import { generateFixture } from "../helpers/fixtures.js";

/** Every text file of the output, for "does not appear anywhere" checks. */
function textFiles(output: OutputSet): Array<[string, string]> {
  return output.paths().filter((p) => /\.(html|xml|json|txt)$/.test(p)).map((p) => [p, output.text(p) ?? ""]);
}

function filesMentioning(output: OutputSet, needle: string): string[] {
  return textFiles(output).filter(([, text]) => text.includes(needle)).map(([path]) => path);
}

// drafts-future: #1 published, #2 draft (DRAFTMARK, issues/2011-05/), #3 dated 2026-02-01 > NOW (FUTUREMARK).
const DRAFT = ["DRAFTMARK", "issues/2011-05/", "9.9.9-draft", "draftplugin", "Draft Device"];
const FUTURE = ["FUTUREMARK", "issues/2026-02/", "archive/2026/"];

describe("drafts and future issues", () => {
  it("are absent from every page, feed, sitemap and data file by default", async () => {
    const { output, site } = await generateFixture("drafts-future");
    expect(site.issues.map((i) => i.issue.number)).toEqual([1]);
    for (const needle of [...DRAFT, ...FUTURE]) expect(filesMentioning(output, needle), needle).toEqual([]);
    expect(output.has("issues/2011-05/index.html")).toBe(false);
    expect(output.has("issues/2026-02/index.html")).toBe(false);
    // What only the hidden issues tagged gets no component page either.
    expect(output.has("components/corosync/index.html")).toBe(false);
    expect(output.has("components/hawk/index.html")).toBe(false);
    // The published issue is there, so the checks above can fail.
    expect(filesMentioning(output, "issues/2011-04/")).toEqual(expect.arrayContaining(["index.html", "feed.xml", "rss.xml", "feed.json", "sitemap.xml", "data/releases.json"]));
  });

  it("--drafts brings drafts in everywhere, but not future issues", async () => {
    const { output } = await generateFixture("drafts-future", { drafts: true });
    for (const path of ["issues/2011-05/index.html", "feed.xml", "sitemap.xml", "data/releases.json", "data/stonith.json"]) {
      expect(output.text(path), path).toContain(path === "sitemap.xml" ? "issues/2011-05/" : path.startsWith("data/") ? "2011-05" : "DRAFTMARK");
    }
    for (const needle of FUTURE) expect(filesMentioning(output, needle), needle).toEqual([]);
  });

  it("--future brings future issues in everywhere, but not drafts", async () => {
    const { output } = await generateFixture("drafts-future", { future: true });
    for (const path of ["issues/2026-02/index.html", "feed.xml", "feed.json", "archive/2026/index.html", "data/compat.json"]) {
      expect(output.text(path), path).toContain(path.startsWith("archive/") ? "issues/2026-02/" : "FUTUREMARK");
    }
    expect(output.text("sitemap.xml")).toContain("https://example.org/issues/2026-02/");
    for (const needle of DRAFT) expect(filesMentioning(output, needle), needle).toEqual([]);
  });

  it("both flags together publish all three issues, newest number first", async () => {
    const { site } = await generateFixture("drafts-future", { drafts: true, future: true });
    expect(site.issues.map((i) => i.issue.number)).toEqual([3, 2, 1]);
  });
});
