import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { memoOver } from "../../src/incremental/memo.js";
import { loadInputs } from "../../src/pipeline/load-inputs.js";
import { renderEnv } from "../../src/pipeline/generate.js";
import { PageRenderer } from "../../src/pipeline/render-pages.js";
import type { PageSpec } from "../../src/render/pages.js";
import { ROUTES } from "../../src/site/urls.js";
import { OutputSet } from "../../src/write/output.js";
import { repo } from "../helpers/site-copy.js";
import { MemoryStore } from "../helpers/memo-store.js";

/**
 * A page whose data its JSON cannot name exactly (exact-json.ts) has no memo
 * key: it must be rendered every time, through Liquid as any page, and never
 * stored, so a look-alike (NaN written as null) can never be served for it.
 */
describe("a page with data JSON cannot name", () => {
  it("is rendered on every run, never stored, and named by its HTML", async () => {
    const inputs = await loadInputs({ root: repo });
    const env = renderEnv(inputs, new OutputSet());
    const store = new MemoryStore();
    const renderer = new PageRenderer(env, "fp", memoOver(store), new Map());
    const spec = (odd: unknown): PageSpec => ({ route: ROUTES.notFound, template: "404", lang: env.config.lang, contentLang: env.config.lang, title: "t", description: "d", type: "website", image: "", alternates: [], homes: [], data: { odd, editions: [] } });
    const first = await renderer.render([spec(Number.NaN)]);
    const second = await renderer.render([spec(Number.NaN)]);
    expect(renderer.stats).toEqual({ rendered: 2, reused: 0 });
    expect(store.values.size).toBe(0);
    const html = first[0]?.html as Uint8Array;
    expect(Buffer.from(second[0]?.html as Uint8Array).equals(Buffer.from(html))).toBe(true);
    expect(Buffer.from(html).toString("utf8")).toContain("<h1>");
    // Named by its content, so the write still knows an unchanged file when it sees one.
    expect(first[0]?.key).toBe(createHash("sha256").update("gekkan-page-html-1").update("\0").update(html).update("\0").digest("hex"));
    // The same page with data JSON can name is memoised as usual.
    await renderer.render([spec(null)]);
    expect(store.values.size).toBe(1);
  });
});
