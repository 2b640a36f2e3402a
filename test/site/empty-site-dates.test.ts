import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureCompiled, runCli } from "../helpers/run-cli.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";
import { child, children, parseXml, text } from "../helpers/xml.js";

/**
 * A site with no published issue yet (just started, or only a draft) has
 * feeds and a sitemap all the same. They were dated 1970-01-01, which a feed
 * reader shows as a newsletter last updated in 1970; they are dated by the
 * build's day, which SOURCE_DATE_EPOCH sets, as it sets "today" everywhere.
 * The oracle is the day each SOURCE_DATE_EPOCH below names.
 */
describe("the dates of a site with no published issue", () => {
  let site: TempDir;
  const JAN_1 = "1767225600"; // 2026-01-01T00:00:00Z
  const JAN_2 = "1767312000"; // 2026-01-02T00:00:00Z
  beforeAll(() => {
    ensureCompiled();
    site = tempSite({ "content/issues/2026/2026-02.md": issue({ title: "創刊号", issue: 1, date: "2026-02-01", draft: true }) });
  }, 300_000);
  afterAll(() => site.remove());

  const build = (epoch: string) => runCli(["build", "--no-search"], { cwd: site.path, env: { SOURCE_DATE_EPOCH: epoch } });
  const xml = (path: string) => parseXml(readFileSync(join(site.path, "dist", path), "utf8"));
  const lastmod = (route: string) => text(child(children(xml("sitemap.xml"), "url").find((url) => text(child(url, "loc")) === `https://example.org${route}`) ?? { elements: [] }, "lastmod"));

  it("are the build's day: the feeds' updated dates and the list pages' lastmod", async () => {
    const result = await build(JAN_1);
    expect(result.code, result.stderr).toBe(0);
    expect(text(child(xml("feed.xml"), "updated"))).toBe("2026-01-01T00:00:00.000Z");
    expect(text(child(child(xml("rss.xml"), "channel") ?? { elements: [] }, "lastBuildDate"))).toBe("Thu, 01 Jan 2026 00:00:00 GMT");
    expect(readFileSync(join(site.path, "dist", "feed.json"), "utf8")).not.toContain("1970");
    expect(lastmod("/")).toBe("2026-01-01");
    expect(lastmod("/archive/")).toBe("2026-01-01");
  });

  it("are the same bytes when built again on that day, and the next day's on the next day (not \"up to date\")", async () => {
    const first = readFileSync(join(site.path, "dist", "feed.xml"));
    const again = await build(JAN_1);
    expect(again.stdout).toMatch(/up to date/);
    expect(readFileSync(join(site.path, "dist", "feed.xml"))).toEqual(first);
    const next = await build(JAN_2);
    expect(next.code, next.stderr).toBe(0);
    expect(next.stdout).not.toMatch(/up to date/);
    expect(text(child(xml("feed.xml"), "updated"))).toBe("2026-01-02T00:00:00.000Z");
    expect(lastmod("/")).toBe("2026-01-02");
  });
});
