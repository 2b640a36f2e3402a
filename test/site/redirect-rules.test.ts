/**
 * How a `_redirects` rule matches an address and where it sends it, against
 * the hosts' own documented examples (Netlify: docs.netlify.com/routing/
 * redirects/redirect-options/, splats and placeholders; Cloudflare Pages:
 * developers.cloudflare.com/pages/configuration/redirects/), not against
 * gekkan's own reading.
 */
import { describe, expect, it } from "vitest";
import { ruleTarget } from "../../src/site/redirect-rules.js";

describe("ruleTarget", () => {
  it("a splat takes the rest of the path, and :splat gives it back (Netlify's and Cloudflare's example)", () => {
    expect(ruleTarget({ from: "/news/*", to: "/blog/:splat" }, "/news/2004/01/10/my-story")).toBe("/blog/2004/01/10/my-story");
    expect(ruleTarget({ from: "/news/*", to: "/blog/:splat" }, "/blog/2004/")).toBeUndefined();
  });

  it("a placeholder takes one segment, by its name (Netlify's example)", () => {
    const rule = { from: "/news/:year/:month/:date/:slug", to: "/blog/:year/:month/:date/:slug" };
    expect(ruleTarget(rule, "/news/2004/02/12/my-story")).toBe("/blog/2004/02/12/my-story");
    // One segment each: a fifth one is not matched.
    expect(ruleTarget(rule, "/news/2004/02/12/my-story/more")).toBeUndefined();
  });

  it("an exact address matches itself, with or without its trailing slash, and nothing longer", () => {
    const rule = { from: "/home", to: "/" };
    expect(ruleTarget(rule, "/home")).toBe("/");
    expect(ruleTarget(rule, "/home/")).toBe("/");
    expect(ruleTarget(rule, "/homes")).toBeUndefined();
    // Characters a pattern would read otherwise are matched as written.
    expect(ruleTarget({ from: "/a.b(c)+", to: "/x" }, "/a.b(c)+")).toBe("/x");
    expect(ruleTarget({ from: "/a.b", to: "/x" }, "/aXb")).toBeUndefined();
  });

  it(":splat is not read as a shorter placeholder's name", () => {
    expect(ruleTarget({ from: "/:s/*", to: "/x/:splat/:s" }, "/one/two/three")).toBe("/x/two/three/one");
  });
});
