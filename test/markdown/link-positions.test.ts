import { describe, expect, it } from "vitest";
import { DEFAULT_COMPONENTS } from "../../src/config.js";
import { createMarkdownRenderer } from "../../src/markdown/processor.js";
import { asWritten } from "../../src/markdown/plugins/rehype-base-path.js";

const render = createMarkdownRenderer({ components: DEFAULT_COMPONENTS, basePath: "/" });

function links(body: string) {
  const result = render({ file: "content/issues/x.md", body, bodyLine: 6 });
  if (!result.ok) throw new Error(result.messages.map(String).join("\n"));
  return result.body.links;
}

// `gekkan check` reports a broken link at these places; raw HTML is parsed in every document, and must keep them.
describe("links keep their file positions", () => {
  it("without raw HTML", () => {
    expect(links("段落\n\n前 [May](/issues/2011-05/) と ![図](/images/a.png)")).toEqual([
      { url: "/issues/2011-05/", kind: "link", line: 8, column: 3, written: "/issues/2011-05/" },
      { url: "/images/a.png", kind: "image", line: 8, column: 29, written: "/images/a.png" },
    ]);
  });

  it("with raw HTML, before and inside it", () => {
    expect(links("<kbd>C</kbd>\n\n前 [May](/issues/2011-05/)\n\n<p><a href=\"/issues/2011-06/\">June</a></p>")).toEqual([
      { url: "/issues/2011-05/", kind: "link", line: 8, column: 3, written: "/issues/2011-05/" },
      // Raw HTML's address as the HTML parse read it: gekkan check quotes it as written, and reports it at its href (3 columns past "<a ").
      { url: "/issues/2011-06/", kind: "link", line: 10, column: 4, written: "/issues/2011-06/", attribute: { line: 10, column: 7 } },
    ]);
  });

  it("raw HTML's address as written: without the base path the page adds, %-escapes as typed", () => {
    const under = createMarkdownRenderer({ components: DEFAULT_COMPONENTS, basePath: "/my%20news/" });
    const result = under({ file: "content/issues/x.md", body: '<a href="/issues/%E8%A8%AD/">a</a> <img src="図.png" alt="b">', bodyLine: 6 });
    if (!result.ok) throw new Error(result.messages.map(String).join("\n"));
    expect(result.body.links.map(({ url, written, line, column }) => [url, written, `${line}:${column}`])).toEqual([
      ["/my%20news/issues/%E8%A8%AD/", "/issues/%E8%A8%AD/", "6:1"],
      ["図.png", "図.png", "6:36"],
    ]);
  });

  // Oracle: CommonMark — an entity or a backslash escape in a destination is read as its character; the title and <…> are not the address.
  it("a Markdown address as the file's text has it, when Markdown reads it otherwise", () => {
    expect(links('[a](/x&amp;y "t") [b](</a\\_b/>) [c](/c/)\n\n[d][r]\n\n[r]: <#e&#95;f> \'u\'').map(({ written, inText }) => [written, inText])).toEqual([
      ["/x&y", "/x&amp;y"],
      ["/a_b/", "/a\\_b/"],
      ["/c/", undefined],
      ["#e_f", "#e&#95;f"],
    ]);
  });

  it("under a base path: as published (base path added) and as written (without it)", () => {
    const under = createMarkdownRenderer({ components: DEFAULT_COMPONENTS, basePath: "/my%20news/" });
    const result = under({ file: "content/issues/x.md", body: "[a](/issues/2011-05/) [b](../2011-04/) [c](/my%20news/x/) [d](//cdn.example/y)", bodyLine: 6 });
    if (!result.ok) throw new Error(result.messages.map(String).join("\n"));
    // As written: what `gekkan check` quotes, undoing exactly what the Markdown stage added.
    expect(result.body.links.map(({ url }) => [url, asWritten("/my%20news/", url)])).toEqual([
      ["/my%20news/issues/2011-05/", "/issues/2011-05/"],
      ["../2011-04/", "../2011-04/"],
      ["/my%20news/my%20news/x/", "/my%20news/x/"],
      ["//cdn.example/y", "//cdn.example/y"],
    ]);
  });

  it("as written: Japanese as typed, ASCII escapes as typed", () => {
    const result = render({ file: "content/issues/x.md", body: "[a](#設定れい) [b](/images/構成%20図.png) [c](/x/%E8%A8%AD/)", bodyLine: 6 });
    if (!result.ok) throw new Error(result.messages.map(String).join("\n"));
    expect(result.body.links.map(({ url }) => asWritten("/", url))).toEqual(["#設定れい", "/images/構成%20図.png", "/x/設/"]);
  });

  // Oracle: CommonMark — a reference takes its address from the first definition of its label, labels matched without case.
  it("a reference carries its definition's address, as written (not %-encoded), and where the definition is", () => {
    expect(links("[a][R] ![b][r]\n\n  [r]: #%E8%A6%8Bx\n[r]: /other/")).toEqual([
      { url: "#%E8%A6%8Bx", kind: "link", line: 6, column: 1, written: "#%E8%A6%8Bx", definition: { label: "r", line: 8, column: 3 } },
      { url: "#%E8%A6%8Bx", kind: "image", line: 6, column: 8, written: "#%E8%A6%8Bx", definition: { label: "r", line: 8, column: 3 } },
    ]);
    expect(links("[a](#設定) [b](#%E8%A8%AD%E5%AE%9A)").map(({ url, written }) => [url, written])).toEqual([
      ["#%E8%A8%AD%E5%AE%9A", "#設定"],
      ["#%E8%A8%AD%E5%AE%9A", "#%E8%A8%AD%E5%AE%9A"],
    ]);
  });
});
