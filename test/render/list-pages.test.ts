/**
 * A reference row is one object per entry in an edition: /releases/ and a
 * component page show the same release row, /compat/ and every component page
 * of a question the same Q&A row, so each row is made, and its digest taken
 * (page keys, fragment keys), once per run.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pageSpecs, type PageSpec } from "../../src/render/pages.js";
import { generateSite } from "../helpers/fixtures.js";

const ROOT = join(import.meta.dirname, "..", "..");

function rowsOf(spec: PageSpec | undefined, field: string): unknown[] {
  const rows = spec?.data[field];
  if (!Array.isArray(rows)) throw new Error(`${spec?.route ?? "no page"} has no ${field}`);
  return rows;
}

describe("reference rows shared between pages", () => {
  it("a component page shows the very rows /releases/ and /compat/ show, in every language", async () => {
    const { site, renderer } = await generateSite(ROOT, { drafts: true, future: true });
    const specs = pageSpecs(site, renderer.env, new Map());
    let shared = 0;
    for (const lang of new Set(specs.map((s) => s.lang))) {
      const pages = specs.filter((s) => s.lang === lang);
      const releases = new Set(rowsOf(pages.find((s) => s.template === "releases"), "rows"));
      const compat = new Set(rowsOf(pages.find((s) => s.template === "compat"), "entries"));
      for (const component of pages.filter((s) => s.template === "component")) {
        for (const row of rowsOf(component, "releases")) expect(releases.has(row), `${component.route} release row`).toBe(true);
        for (const row of rowsOf(component, "qa")) expect(compat.has(row), `${component.route} Q&A row`).toBe(true);
        shared += rowsOf(component, "releases").length + rowsOf(component, "qa").length;
      }
    }
    expect(shared).toBeGreaterThan(0);
  });
});
