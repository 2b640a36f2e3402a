import { parseFragment, type DefaultTreeAdapterMap } from "parse5";
import { describe, expect, it } from "vitest";
import { DEFAULT_COMPONENTS } from "../../src/config.js";
import { createMarkdownRenderer } from "../../src/markdown/processor.js";

type Node = DefaultTreeAdapterMap["childNode"];

function attributes(nodes: readonly Node[], name: string): string[] {
  return nodes.flatMap((node) => [
    ...("attrs" in node ? node.attrs.filter((a) => a.name === name).map((a) => a.value) : []),
    ...attributes("childNodes" in node ? node.childNodes : [], name),
  ]);
}

/**
 * Under a base path, every root-relative URL the sanitiser lets through must
 * gain it, not only href and src: a <picture> source's srcset (which the
 * browser prefers over its <img>) and a quotation's cite.
 */
describe("base path: every URL attribute of an issue's HTML", () => {
  const render = createMarkdownRenderer({ components: DEFAULT_COMPONENTS, basePath: "/sub/" });
  const body = '<picture><source srcset="/images/a.png 2x, b.png 1x, /images/c.png" type="image/png"><img src="/images/a.png" alt="p"></picture>\n\n<blockquote cite="/issues/2011-04/">q</blockquote>\n';

  it("srcset candidates and cite that start at the site's root carry the base path; relative ones and descriptors stay", () => {
    const result = render({ file: "content/issues/x.md", body, bodyLine: 1 });
    if (!result.ok) throw new Error(result.messages.map(String).join("\n"));
    const nodes = parseFragment(result.body.html).childNodes;
    const candidates = attributes(nodes, "srcset").flatMap((srcset) => srcset.split(",").map((c) => c.trim().split(/\s+/)));
    expect(candidates).toEqual([["/sub/images/a.png", "2x"], ["b.png", "1x"], ["/sub/images/c.png"]]);
    expect(attributes(nodes, "cite")).toEqual(["/sub/issues/2011-04/"]);
    expect(attributes(nodes, "src")).toEqual(["/sub/images/a.png"]);
  });
});
