/**
 * fileRoute is routeFile the other way: the route an output file is served
 * at. The oracle is routeFile, the maker of every page's file: taking its
 * file back must give the route it was made from, and a file that is no
 * folder's index (a feed, an email, `index.html.bak`, `myindex.html`) is
 * served at its own name.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fileRoute, routeFile } from "../../src/site/urls.js";

const segment = fc.oneof(fc.constantFrom("issues", "en", "index.html", "index", "archive", "月刊"), fc.stringMatching(/^[a-z0-9.-]{1,8}$/));
const folderRoute = fc.array(segment, { maxLength: 4 }).map((parts) => parts.map((part) => `${part}/`).join(""));

describe("fileRoute", () => {
  it("gives back the route a page's file was made from", () => {
    fc.assert(fc.property(folderRoute, (route) => {
      expect(fileRoute(routeFile(route))).toBe(route);
    }), { numRuns: 2000 });
  });

  it("serves a file that is no folder's index at its own name", () => {
    fc.assert(fc.property(folderRoute, segment, (folder, name) => {
      fc.pre(name !== "index.html");
      expect(fileRoute(`${folder}${name}`)).toBe(`${folder}${name}`);
    }), { numRuns: 2000 });
    expect(fileRoute("myindex.html")).toBe("myindex.html");
    expect(fileRoute("issues/x/index.html.bak")).toBe("issues/x/index.html.bak");
  });
});
