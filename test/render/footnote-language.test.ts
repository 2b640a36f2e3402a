/**
 * A footnote's words are in its issue's language: remark-rehype writes
 * "Footnotes" and "Back to reference 1" for every issue, and a Japanese
 * issue showed them in its contents list, its plain-text email and its
 * feed entry, and read them to screen readers.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Generated } from "../../src/pipeline/generate.js";
import { generateSite } from "../helpers/fixtures.js";
import { tempSite, type TempDir } from "../helpers/temp-site.js";

// A heading of its own: an issue whose only heading is the footnotes' shows no contents list.
const body = (note: string) => `## Pacemaker\n\n本文[^a]と、もう一度[^a]。\n\n[^a]: ${note}\n`;
const front = (lang: string) => `---\ntitle: "創刊号"\nissue: 1\ndate: 2025-11-01\nlang: ${lang}\n---\n\n`;

describe("footnotes in the issue's language", () => {
  let site: TempDir;
  let built: Generated;
  beforeAll(async () => {
    site = tempSite({
      "content/issues/2025/2025-11.md": front("ja") + body("注です。"),
      "content/issues/2025/2025-11.en.md": front("en") + body("A note."),
    });
    built = await generateSite(site.path);
  }, 60_000);
  afterAll(() => site.remove());

  const text = (path: string) => built.output.text(path) ?? "";

  it("a Japanese issue's page, contents, email and feed say 脚注, not Footnotes", () => {
    const page = text("issues/2025-11/index.html");
    expect(page).toContain('<h2 class="sr-only" id="user-content-footnote-label"><a class="heading-link" href="#user-content-footnote-label">脚注</a></h2>');
    expect(page).toContain('<a href="#user-content-footnote-label">脚注</a>');
    expect(page).toContain('aria-label="本文の参照箇所 1 に戻る"');
    expect(page).toContain('aria-label="本文の参照箇所 1-2 に戻る"');
    for (const path of ["issues/2025-11/index.html", "issues/2025-11/email.txt", "issues/2025-11/email.html", "feed.xml"]) {
      expect(text(path), path).not.toMatch(/Footnotes|Back to reference/);
    }
    expect(text("issues/2025-11/email.txt")).toContain("脚注\n");
  });

  it("its English translation keeps the English words", () => {
    const page = text("en/issues/2025-11/index.html");
    expect(page).toContain('href="#user-content-footnote-label">Footnotes</a></h2>');
    expect(page).toContain('aria-label="Back to reference 1"');
    expect(page).not.toContain("脚注");
  });
});
