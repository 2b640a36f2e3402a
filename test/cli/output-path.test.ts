import fc from "fast-check";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { safeOutputPath } from "../../src/write/safe-path.js";
import { normalizeOutputPath, OutputSet } from "../../src/write/output.js";

const OUT = resolve("/tmp/gekkan-out");

function inside(dir: string, target: string): boolean {
  const rel = relative(dir, target);
  return rel !== "" && !rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel);
}

describe("normalizeOutputPath", () => {
  it("normalises slashes, dots and leading slashes", () => {
    expect(normalizeOutputPath("issues/2011-04/index.html")).toBe("issues/2011-04/index.html");
    expect(normalizeOutputPath("/issues//./2011-04/index.html")).toBe("issues/2011-04/index.html");
    expect(normalizeOutputPath("data\\releases.json")).toBe("data/releases.json");
  });

  it.each(["../x", "a/../../x", "..", "a/..", "a\\..\\..\\x", "x\0y", "", "/", "./."])("refuses %j", (path) => {
    expect(() => normalizeOutputPath(path)).toThrow();
  });

  it("turns an absolute path into a path under the output dir", () => {
    expect(normalizeOutputPath("/etc/passwd")).toBe("etc/passwd");
  });

  it("OutputSet refuses an escaping path instead of storing it", () => {
    const set = new OutputSet();
    expect(() => set.add("../escape.html", "x")).toThrow(/outside the output directory/);
    expect(set.size).toBe(0);
  });

  it("property: for any string, it throws or returns a path that resolves inside the out dir", () => {
    const segment = fc.oneof(fc.constantFrom("..", ".", "", "a", "/", "\\", "\0", "C:", "~", "%2e%2e"), fc.string({ maxLength: 4 }));
    const path = fc.oneof(fc.string(), fc.array(segment, { maxLength: 6 }).map((parts) => parts.join("/")), fc.array(segment, { maxLength: 6 }).map((parts) => parts.join("\\")));
    fc.assert(
      fc.property(path, (input) => {
        let normal: string;
        try {
          normal = normalizeOutputPath(input);
        } catch {
          return;
        }
        expect(normal).not.toContain("\0");
        expect(inside(OUT, resolve(OUT, normal))).toBe(true);
        expect(safeOutputPath(OUT, normal)).toBe(resolve(OUT, normal));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("safeOutputPath", () => {
  it("resolves a relative path under the out dir", () => {
    expect(safeOutputPath(OUT, "issues/2011-04/index.html")).toBe(resolve(OUT, "issues/2011-04/index.html"));
  });

  it.each(["../x", "a/../../x", "/etc/passwd", "", ".", "x\0y", `${OUT}/../elsewhere`])("refuses %j", (path) => {
    expect(() => safeOutputPath(OUT, path)).toThrow(/outside the output directory/);
  });

  it("allows a path that climbs and comes back inside", () => {
    expect(safeOutputPath(OUT, "a/../b.html")).toBe(resolve(OUT, "b.html"));
  });
});
