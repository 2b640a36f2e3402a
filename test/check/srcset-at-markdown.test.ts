/**
 * A srcset in an issue's raw HTML (a <picture>'s WebP source, the one srcset
 * the sanitiser keeps) naming a file that is not there was reported twice, at the built page and
 * at its email, as "check the templates or public/", though the author wrote
 * it in the Markdown. It is now one error at the element in the Markdown, as
 * a broken image, with where to put the file; the page's sharing image is
 * still the <img>'s own.
 * Oracle: the lines and columns of the body written here, counted by hand.
 */
import { afterEach, expect, it } from "vitest";
import { checkInProcess } from "../helpers/io.js";
import { generateSite } from "../helpers/fixtures.js";
import type { TempDir } from "../helpers/temp-site.js";
import { SECOND_ISSUE, twoIssueSite } from "../helpers/two-issue-site.js";
import { meta, parseHtml } from "../helpers/html.js";

let site: TempDir | undefined;
afterEach(() => site?.remove());

const PICTURE = '<picture><source srcset="/images/missing.webp 1x, /images/gone@2x.webp 2x" type="image/webp"><img src="/images/shown.png" alt="図"></picture>\n';

it("reports a srcset's missing files at the Markdown, once each, as images", async () => {
  site = twoIssueSite(PICTURE, { files: { "public/images/shown.png": "png" } });
  const run = await checkInProcess(site.path);
  const about = (name: string) => run.lines.filter((line) => line.includes(name));
  expect(about("missing.webp")).toEqual([`${SECOND_ISSUE}:7:10  broken image "/images/missing.webp": nothing is published at /images/missing.webp; put the file at public/images/missing.webp`]);
  expect(about("gone@2x.webp")).toEqual([`${SECOND_ISSUE}:7:10  broken image "/images/gone@2x.webp": nothing is published at /images/gone@2x.webp; put the file at public/images/gone@2x.webp`]);
  expect(run.lines.at(-1)).toMatch(/: 2 errors, 0 warnings$/);
});

it("keeps the <img> as the page's sharing image, not a source before it", async () => {
  site = twoIssueSite(PICTURE, { files: { "public/images/shown.png": "png", "public/images/missing.webp": "webp", "public/images/gone@2x.webp": "webp" } });
  const built = await generateSite(site.path);
  const page = [...built.output.paths()].find((path) => path.endsWith("index.html") && (built.output.text(path) ?? "").includes("<picture>")) ?? "";
  expect(meta(parseHtml(built.output.text(page) ?? ""), "og:image")).toMatch(/\/images\/shown\.png$/);
});
