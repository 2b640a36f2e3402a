/**
 * `gekkan new --translate` of an original that sets `slug` and `aliases`
 * copied both into the translation, where they became its own: when the
 * editor later moved the original again (a new slug, the old one kept as an
 * alias), the English edition stayed at the old slug, as a page of its own,
 * and the two editions of one issue lived at different addresses. A
 * translation that sets no slug takes its original's address and aliases
 * (README "Translations"), so the copy leaves them out, and the translation
 * follows the original. The compiled CLI, on a site written here; the oracle
 * is the addresses written out by hand.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliSites } from "../helpers/cli-sites.js";
import { runCli } from "../helpers/run-cli.js";
import { attr, links, parseHtml } from "../helpers/html.js";

const sites = cliSites();
const CONFIG = `${JSON.stringify({ title: "テスト月刊", url: "https://example.org/", lang: "ja", languages: { en: { title: "Test Monthly" } } })}\n`;
const APRIL = "content/issues/2011/2011-04.md";
const APRIL_EN = "content/issues/2011/2011-04.en.md";
// Its slug set after it came out, its month kept as an alias; in block-list form, as YAML also allows.
const original = (slug: string, aliases: readonly string[]) =>
  ["---", 'title: "創刊号"', "issue: 1", "date: 2011-04-01", `slug: ${slug}`, "aliases:", ...aliases.map((a) => `  - ${a}`), "lang: ja", "---", "", "## 見出し", "", "本文です。", ""].join("\n");
const ENV = { SOURCE_DATE_EPOCH: String(Date.UTC(2011, 5, 15) / 1000) };

describe("gekkan new --translate of an original that sets slug and aliases", () => {
  it("leaves them out of the copy, so the translation follows the original when its slug changes again", async () => {
    const site = sites.make({ "gekkan.config.json": CONFIG, [APRIL]: original("sokan", ["2011-04"]) });
    const made = await runCli(["new", "--translate", "1", "--lang", "en"], { cwd: site.path, env: ENV });
    expect(made.code, made.stderr).toBe(0);
    const copy = readFileSync(join(site.path, APRIL_EN), "utf8");
    // Translated in place, and published.
    writeFileSync(join(site.path, APRIL_EN), copy.replace('title: "創刊号"', 'title: "First issue"').replace("draft: true\n", "").replace("## 見出し", "## Heading").replace("本文です。", "The text."));
    const first = await runCli(["build"], { cwd: site.path, env: ENV });
    expect(first.code, first.stderr).toBe(0);
    expect(existsSync(join(site.path, "dist/en/issues/sokan/index.html"))).toBe(true);

    // The original moves again, its last slug kept as an alias.
    writeFileSync(join(site.path, APRIL), original("hajimari", ["2011-04", "sokan"]));
    const second = await runCli(["build"], { cwd: site.path, env: ENV });
    expect(second.code, second.stderr).toBe(0);
    const page = parseHtml(readFileSync(join(site.path, "dist/en/issues/hajimari/index.html"), "utf8"));
    expect(attr(links(page, "canonical")[0]!, "href")).toBe("https://example.org/en/issues/hajimari/");
    const ja = parseHtml(readFileSync(join(site.path, "dist/issues/hajimari/index.html"), "utf8"));
    expect(links(ja, "alternate").filter((l) => attr(l, "hreflang") === "en").map((l) => attr(l, "href"))).toEqual(["https://example.org/en/issues/hajimari/"]);
    // Both of the translation's old addresses lead on to it, as the original's do.
    for (const old of ["sokan", "2011-04"]) {
      expect(readFileSync(join(site.path, `dist/en/issues/${old}/index.html`), "utf8")).toContain('<meta http-equiv="refresh" content="0; url=/en/issues/hajimari/">');
    }
  });
});
