/**
 * issueRouteParts takes apart what languageRoutes(prefix).issue(slug) makes:
 * the language folder and the slug, for every slug the front matter allows
 * (lowercase letters, digits, single hyphens), "issues" itself included, and
 * every language folder. The oracle is the route maker: taking its route
 * apart must give back what it was made from.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { issueRouteParts, languageRoutes } from "../../src/site/urls.js";

const word = fc.stringMatching(/^[a-z0-9]{1,8}$/);
const slug = fc.oneof(fc.constantFrom("issues", "2011-04", "issues-2", "a"), fc.array(word, { minLength: 1, maxLength: 4 }).map((parts) => parts.join("-")));
const folder = fc.constantFrom("", "en/", "ja/", "zh-hant/", "issues/");

describe("issueRouteParts", () => {
  it("gives back the folder and slug an issue route was made of", () => {
    fc.assert(fc.property(folder, slug, (prefix, name) => {
      expect(issueRouteParts(languageRoutes(prefix).issue(name))).toEqual({ folder: prefix, slug: name });
    }), { numRuns: 2000 });
  });

  it("reads the routes the site has as they are written", () => {
    expect(issueRouteParts("issues/2011-04/")).toEqual({ folder: "", slug: "2011-04" });
    expect(issueRouteParts("en/issues/sokan/")).toEqual({ folder: "en/", slug: "sokan" });
    expect(issueRouteParts("issues/issues/")).toEqual({ folder: "", slug: "issues" });
  });
});
