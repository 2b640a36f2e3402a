/**
 * Open Graph's locales on a site in three editions (Japanese, the site's;
 * English and French translations). A share preview reads `og:locale` for the
 * page's language and `og:locale:alternate` for the other languages it is
 * in (ogp.me: "language_TERRITORY", an array of the other locales); the
 * pages had `og:locale` only, so a translated page looked like a page in one
 * language. A bare pack tag (a site's own French pack, `"intl": "fr"`) gets
 * its likely territory, as Facebook takes only that form. The hreflang links
 * beside them (each version, itself included, and x-default) are checked on
 * the same pages. The compiled CLI builds a site written here; the oracle
 * is the tags written out by hand.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliSites } from "../helpers/cli-sites.js";
import { attr, byTag, links, meta, parseHtml, type Document } from "../helpers/html.js";
import { REPO, runCli } from "../helpers/run-cli.js";
import { issue } from "../helpers/temp-site.js";

const sites = cliSites();
const SITE = "https://example.org/";
const CONFIG = `${JSON.stringify({ title: "テスト月刊", url: SITE, lang: "ja", languages: { en: { title: "Test Monthly" }, fr: { title: "Le mensuel" } } })}\n`;

/** A French pack as the README says to make one: gekkan's en.json copied, its intl and name the language's own. */
function frenchPack(): string {
  const pack = JSON.parse(readFileSync(join(REPO, "templates/locales/en.json"), "utf8")) as Record<string, unknown>;
  return `${JSON.stringify({ ...pack, intl: "fr", name: "Français" }, null, 2)}\n`;
}

/** Issue 1 in three languages, issue 2 in Japanese only; built, each page's head read back by path under dist/. */
async function built(): Promise<(path: string) => Document> {
  const site = sites.make({
    "gekkan.config.json": CONFIG,
    "templates/locales/fr.json": frenchPack(),
    "content/issues/2011/2011-04.md": issue({ title: "創刊号", issue: 1, date: "2011-04-01" }),
    "content/issues/2011/2011-04.en.md": issue({ title: "First issue", issue: 1, date: "2011-04-01", lang: "en" }, "The text.\n"),
    "content/issues/2011/2011-04.fr.md": issue({ title: "Premier numéro", issue: 1, date: "2011-04-01", lang: "fr" }, "Le texte.\n"),
    "content/issues/2011/2011-05.md": issue({ title: "5月号", issue: 2, date: "2011-05-01" }),
  });
  const run = await runCli(["build", "--no-search"], { cwd: site.path });
  expect(run.code, run.stderr).toBe(0);
  return (path) => parseHtml(readFileSync(join(site.path, "dist", path), "utf8"));
}

/** A page's Open Graph locales: og:locale, then each og:locale:alternate in order. */
function ogLocales(doc: Document): { locale: string | undefined; alternates: Array<string | undefined> } {
  const alternates = byTag(doc, "meta").filter((el) => attr(el, "property") === "og:locale:alternate").map((el) => attr(el, "content"));
  return { locale: meta(doc, "og:locale"), alternates };
}

const hreflang = (doc: Document) => links(doc, "alternate").filter((l) => attr(l, "hreflang") !== undefined).map((l) => `${attr(l, "hreflang")} ${attr(l, "href")}`);

describe("og:locale and og:locale:alternate", () => {
  it("an issue in three languages names its own locale and the other two, in each edition", async () => {
    const page = await built();
    expect(ogLocales(page("issues/2011-04/index.html"))).toEqual({ locale: "ja_JP", alternates: ["en_US", "fr_FR"] });
    expect(ogLocales(page("en/issues/2011-04/index.html"))).toEqual({ locale: "en_US", alternates: ["ja_JP", "fr_FR"] });
    expect(ogLocales(page("fr/issues/2011-04/index.html"))).toEqual({ locale: "fr_FR", alternates: ["ja_JP", "en_US"] });
  });

  it("the editions' front pages name each other's locales; an issue in one language names none", async () => {
    const page = await built();
    expect(ogLocales(page("index.html"))).toEqual({ locale: "ja_JP", alternates: ["en_US", "fr_FR"] });
    expect(ogLocales(page("en/index.html"))).toEqual({ locale: "en_US", alternates: ["ja_JP", "fr_FR"] });
    expect(ogLocales(page("issues/2011-05/index.html"))).toEqual({ locale: "ja_JP", alternates: [] });
  });

  it("beside them, hreflang links each version, itself included, and x-default the original", async () => {
    const page = await built();
    const april = [`ja ${SITE}issues/2011-04/`, `en ${SITE}en/issues/2011-04/`, `fr ${SITE}fr/issues/2011-04/`, `x-default ${SITE}issues/2011-04/`];
    expect(hreflang(page("issues/2011-04/index.html"))).toEqual(april);
    expect(hreflang(page("en/issues/2011-04/index.html"))).toEqual(april);
    expect(hreflang(page("en/index.html"))).toEqual([`ja ${SITE}`, `en ${SITE}en/`, `fr ${SITE}fr/`, `x-default ${SITE}`]);
    expect(hreflang(page("issues/2011-05/index.html"))).toEqual([]);
  });
});
