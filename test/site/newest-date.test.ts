import { afterEach, describe, expect, it } from "vitest";
import { generate } from "../../src/pipeline/generate.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";
import { child, children, parseXml, text } from "../helpers/xml.js";

let site: TempDir | undefined;
afterEach(() => site?.remove());

/**
 * Issue numbers need not follow dates: gekkan new --date fills a gap with a
 * lower number dated later. Lists stay in number order, but a feed's last
 * update and the sitemap's lastmod of the pages listing them must be the
 * latest date any of them carries, never a day before an issue they show.
 * The oracle is the dates written in the front matter below.
 */
describe("the newest date of a site whose numbers do not follow its dates", () => {
  it("is the feeds' updated date and the list pages' lastmod", async () => {
    site = tempSite({
      "content/issues/2025/2025-09.md": issue({ title: "第4号", issue: 4, date: "2025-09-01" }),
      "content/issues/2026/2026-12.md": issue({ title: "第1号", issue: 1, date: "2026-12-01" }),
      "content/issues/2025/2025-08.md": issue({ title: "第3号", issue: 3, date: "2025-08-01" }),
    });
    const { output } = await generate({ root: site.path, search: false, now: new Date("2026-12-05T00:00:00Z") });
    const xml = (path: string) => parseXml(output.text(path) ?? "");
    expect(text(child(xml("feed.xml"), "updated"))).toMatch(/^2026-12-01T/);
    expect(text(child(child(xml("rss.xml"), "channel") ?? { elements: [] }, "lastBuildDate"))).toContain("01 Dec 2026");
    const lastmod = (route: string) => text(child(children(xml("sitemap.xml"), "url").find((url) => text(child(url, "loc")).endsWith(route)) ?? { elements: [] }, "lastmod"));
    expect(lastmod("/archive/2026/")).toBe("2026-12-01");
    expect(lastmod("/archive/")).toBe("2026-12-01");
    expect(lastmod("example.org/")).toBe("2026-12-01");
    expect(lastmod("/issues/2025-09/")).toBe("2025-09-01");
  });
});
