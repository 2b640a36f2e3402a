import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, vi } from "vitest";
import { main } from "../../src/cli.js";
import { captureIo } from "./io.js";
import { child, children, parseXml, text } from "./xml.js";

/**
 * Builds the site at `root` (no cache, no search, a fixed clock) and returns
 * the sitemap's `lastmod` of a page by its address under `site`, read back
 * by a strict XML parse ("" for a page the sitemap lacks). The caller
 * unstubs the environment (vi.unstubAllEnvs) after the test.
 */
export async function sitemapDates(root: string, site: string): Promise<(route: string) => string> {
  vi.stubEnv("SOURCE_DATE_EPOCH", "1325376000");
  expect(await main(["build", "--root", root, "--no-cache", "--no-search"], captureIo())).toBe(0);
  const sitemap = parseXml(readFileSync(join(root, "dist/sitemap.xml"), "utf8"));
  return (route) => text(child(children(sitemap, "url").find((url) => text(child(url, "loc")) === site + route) ?? {}, "lastmod"));
}
