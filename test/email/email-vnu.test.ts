/**
 * The Nu Html Checker on every email.html (sample site and fixture), CSS in
 * style="" included. Email HTML often uses the XHTML 1.0 Transitional
 * doctype, which vnu reports ("Almost standards mode doctype"); gekkan's
 * emails use the HTML5 doctype instead, so the doctype needs no allowance:
 * the test pins it, and every vnu error fails.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateFixture, generateSite } from "../helpers/fixtures.js";
import { tempDir, type TempDir } from "../helpers/temp-site.js";
import { REPO_ROOT } from "../helpers/sample-build.js";
import { formatVnuErrors, validateHtml } from "../helpers/vnu.js";
import { EMAIL_FIXTURE } from "../helpers/email.js";

/** vnu messages an email may cause: none. (An XHTML doctype would need /Almost standards mode doctype/ here.) */
const ALLOWED: readonly RegExp[] = [];

let dir: TempDir;
const files: string[] = [];

beforeAll(async () => {
  dir = tempDir("vnu ");
  for (const [name, generated] of [["sample", await generateSite(REPO_ROOT)], ["fixture", await generateFixture(EMAIL_FIXTURE, { drafts: true, future: true })]] as const) {
    for (const path of generated.output.paths().filter((p) => p.endsWith("/email.html"))) {
      const file = join(dir.path, `${name}-${path.replaceAll("/", "_")}`);
      await writeFile(file, generated.output.text(path) ?? "");
      files.push(file);
    }
  }
});

afterAll(() => dir?.remove());

describe("Nu Html Checker", () => {
  it("finds no error in any email.html, whose doctype is HTML5", async () => {
    // Sample: issues 1 and 2 and the English issue 1; fixture: issues 1–4 and the English issue 2.
    expect(files.length).toBe(8);
    const { readFile } = await import("node:fs/promises");
    for (const file of files) expect((await readFile(file, "utf8")).startsWith("<!DOCTYPE html>\n"), file).toBe(true);
    const results = await validateHtml(files);
    for (const list of results.values()) list.splice(0, list.length, ...list.filter((m) => !ALLOWED.some((a) => a.test(m.message))));
    expect(formatVnuErrors(results, dir.path)).toBe("");
  });
});
