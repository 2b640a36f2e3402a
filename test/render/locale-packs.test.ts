import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ContentError, formatDiagnostic } from "../../src/diagnostics.js";
import { generate } from "../../src/pipeline/generate.js";
import { packageRoot } from "../../src/package-root.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

let site: TempDir | undefined;
afterEach(() => site?.remove());

const BUILTIN = join(packageRoot(), "templates", "locales");
const ISSUE = { "content/issues/2011/2011-05.md": issue({ title: "5月号", issue: 1, date: "2011-05-01" }, "本文です[^1]。\n\n[^1]: 注です。\n") };

/** gekkan's own pack for `code`, as JSON, with `change` applied. */
function builtinPack(code: string, change: (pack: { strings: Record<string, string> } & Record<string, unknown>) => void): string {
  const pack = JSON.parse(readFileSync(join(BUILTIN, `${code}.json`), "utf8")) as { strings: Record<string, string> } & Record<string, unknown>;
  change(pack);
  return `${JSON.stringify(pack, null, 2)}\n`;
}

describe("a site's own locale pack", () => {
  it("written for an earlier gekkan (strings added since are missing) still builds: its own wording, gekkan's for the rest", async () => {
    const older = builtinPack("ja", (pack) => {
      delete pack.strings.footnotes;
      delete pack.strings.footnoteBack;
      pack.strings.noEntries = "まだ何もありません（サイト独自の文言）。";
    });
    site = tempSite({ ...ISSUE, "templates/locales/ja.json": older });
    const built = await generate({ root: site.path, search: false });
    const page = built.output.text("issues/2011-05/index.html") ?? "";
    // Oracle: gekkan's own ja.json holds 脚注 for the footnotes heading.
    expect(JSON.parse(readFileSync(join(BUILTIN, "ja.json"), "utf8")).strings.footnotes).toBe("脚注");
    expect(page).toContain("脚注");
    expect(built.output.text("stonith/index.html") ?? "").toContain("まだ何もありません（サイト独自の文言）。");
  });

  /**
   * A pack for a language gekkan does not ship, written before gekkan added
   * a string: every upgrade that added a label stopped the site's build
   * ("missing required locale field") until the author translated it. The
   * string is now lent from gekkan's English, with a warning at the pack.
   */
  it("for a language gekkan does not ship, a string added since is lent from English, with a warning naming the pack, the key and the words", async () => {
    const french = builtinPack("en", (pack) => {
      pack.intl = "fr";
      pack.name = "Français";
      delete pack.strings.footnotes;
    });
    site = tempSite({
      ...ISSUE,
      "templates/locales/fr.json": french,
      "content/issues/2011/2011-05.fr.md": issue({ title: "Numéro de mai", issue: 1, date: "2011-05-01", lang: "fr" }, "Le texte[^1].\n\n[^1]: Une note.\n"),
    });
    const built = await generate({ root: site.path, search: false });
    // Oracle: gekkan's en.json, read here, and where "strings" is in the file written above.
    const english = (JSON.parse(readFileSync(join(BUILTIN, "en.json"), "utf8")) as { strings: Record<string, string> }).strings;
    const line = french.split("\n").findIndex((text) => text.startsWith('  "strings"')) + 1;
    expect(built.warnings.filter((w) => w.ruleId === "locale-fallback").map(formatDiagnostic)).toEqual([
      `templates/locales/fr.json:${line}:3  warning: this pack has no words for strings.footnotes (${JSON.stringify(english.footnotes)}), which gekkan added after the pack was written: the fr pages show gekkan's English for it until you add it here`,
    ]);
    expect(built.output.text("fr/issues/2011-05/index.html") ?? "").toContain(`>${english.footnotes}<`);
  });

  it("a pack with no strings at all is an error naming the pack from the site root", async () => {
    const french = builtinPack("en", (pack) => {
      pack.intl = "fr";
      delete (pack as Record<string, unknown>).strings;
    });
    site = tempSite({ ...ISSUE, "templates/locales/fr.json": french });
    const failure = await generate({ root: site.path, search: false }).then(() => undefined, (error: unknown) => error);
    expect(failure).toBeInstanceOf(ContentError);
    expect((failure as ContentError).messages.map(formatDiagnostic)).toEqual([expect.stringMatching(/^templates\/locales\/fr\.json:1:1 {2}missing required locale field "strings"/)]);
  });

  it("an empty string says in words what goes there, with gekkan's English for it, not zod's wording", async () => {
    const french = builtinPack("en", (pack) => {
      pack.intl = "fr";
      delete pack.strings.footnotes;
      pack.strings.archive = "";
    });
    site = tempSite({ ...ISSUE, "templates/locales/fr.json": french });
    const failure = await generate({ root: site.path, search: false }).then(() => undefined, (error: unknown) => error);
    expect(failure).toBeInstanceOf(ContentError);
    const lines = (failure as ContentError).messages.map(formatDiagnostic);
    // Oracle: gekkan's en.json, which the author translates from.
    const english = (JSON.parse(readFileSync(join(BUILTIN, "en.json"), "utf8")) as { strings: Record<string, string> }).strings;
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^templates/locales/fr\\.json:\\d+:\\d+ {2}invalid locale field "strings\\.archive": expected this language's words for what gekkan's en\\.json says as "${english.archive}", found an empty string$`)),
    ]);
    expect(lines.join("\n")).not.toMatch(/Invalid input|received undefined/);
  });
});

/**
 * A pack meant to change a few of gekkan's English strings, saved as EN.json:
 * it was read as a language "EN" of its own, and the build failed on every
 * string it leaves out, without a word about the name.
 */
describe("a site's locale pack named like another but for case", () => {
  it("beside gekkan's own (EN.json for en.json) is one error at the pack naming the file to rename it to", async () => {
    site = tempSite({ ...ISSUE, "templates/locales/EN.json": `${JSON.stringify({ strings: { archive: "Back issues" } }, null, 2)}\n` });
    // Oracle: gekkan ships en.json, in lower case.
    expect(readFileSync(join(BUILTIN, "en.json"), "utf8").length).toBeGreaterThan(0);
    const failed = await generate({ root: site.path, search: false }).then(() => undefined, (error: unknown) => error);
    expect(failed).toBeInstanceOf(ContentError);
    expect((failed as ContentError).messages.map(formatDiagnostic)).toEqual([
      "templates/locales/EN.json:1:1  gekkan's own pack for this language is en.json, and this name differs from it only in case: it is read as a language of its own, not over en.json; rename it to en.json with git mv",
    ]);
  });

  it("beside another of the site's own (pt-BR.json, pt-br.json) is an error at the second", async () => {
    const portuguese = builtinPack("en", (pack) => {
      pack.intl = "pt-BR";
      pack.name = "Português";
    });
    site = tempSite({ ...ISSUE, "templates/locales/pt-BR.json": portuguese, "templates/locales/pt-br.json": portuguese });
    const failed = await generate({ root: site.path, search: false }).then(() => undefined, (error: unknown) => error);
    expect((failed as ContentError).messages.map(formatDiagnostic)).toEqual([
      "templates/locales/pt-br.json:1:1  this name differs from the site's pt-BR.json only in case: they are read as two languages, and macOS and Windows hold only one of them; keep one, with the strings of both",
    ]);
  });

  it("named as gekkan's (en.json) is read over gekkan's English, string by string", async () => {
    site = tempSite({ ...ISSUE, "content/issues/2011/2011-05.en.md": issue({ title: "May", issue: 1, date: "2011-05-01", lang: "en" }, "Text.\n"), "templates/locales/en.json": `${JSON.stringify({ strings: { archive: "Back issues" } }, null, 2)}\n` });
    const built = await generate({ root: site.path, search: false });
    expect(built.output.text("en/index.html") ?? "").toContain("Back issues");
  });
});
