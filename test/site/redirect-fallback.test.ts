/**
 * A Netlify catch-all rewrite warns that it hides the site's 404.html only
 * when there is one to hide: the warning says readers "never see the site's
 * 404.html". Oracle: the output paths written here by hand, with and without
 * 404.html; the rule read by redirectRules as the build reads it.
 */
import { describe, expect, it } from "vitest";
import { fallbackWarnings } from "../../src/site/redirect-fallback.js";
import { redirectRules } from "../../src/site/redirect-rules.js";

describe("fallbackWarnings and the site's 404.html", () => {
  const rules = redirectRules("/* /index.html 200\n");

  it("warns of /* /index.html 200 on Netlify when the site publishes a 404.html", () => {
    const warnings = fallbackWarnings("public/_redirects", rules, ["index.html", "404.html"], "netlify");
    expect(warnings.map((w) => [w.line, w.column, w.ruleId])).toEqual([[1, 1, "redirects-fallback"]]);
    expect(warnings[0]?.reason).toContain("instead of the site's 404.html");
  });

  it("says nothing when the site has no 404.html to hide, nor on Cloudflare Pages (its own warnings tell of the rule)", () => {
    expect(fallbackWarnings("public/_redirects", rules, ["index.html", "issues/404.html"], "netlify")).toEqual([]);
    expect(fallbackWarnings("public/_redirects", rules, ["index.html", "404.html"], "cloudflare")).toEqual([]);
  });
});
