import { beforeAll, describe, expect, it } from "vitest";
import type { Generated } from "../../src/pipeline/generate.js";
import { generateFixture, selectElement } from "../helpers/fixtures.js";

/** The sanitize fixture: hostile title/summary/author/body/block attributes next to harmless HTML. */
describe("raw HTML and hostile text in an issue", () => {
  let built: Generated;
  let article: string;
  beforeAll(async () => {
    built = await generateFixture("sanitize");
    article = selectElement(built.output.text("issues/2011-04/index.html") ?? "", "article");
  });

  it("strips script elements, event handlers, iframes and javascript: URLs from the body", () => {
    expect(article).not.toMatch(/<script/i);
    expect(article).not.toMatch(/<[^>]*\son[a-z]+=/i);
    expect(article).not.toMatch(/<iframe/i);
    expect(article).not.toMatch(/<style|display: none/);
    expect(article).not.toMatch(/javascript:/i);
    expect(article).not.toContain("alert(\"body\")");
    expect(article).not.toContain("alert('inside')");
  });

  // A Markdown link to javascript: is refused before it gets here (test/reliability/link-schemes.test.ts).
  it("keeps the link text of a removed javascript: link, without an href", () => {
    expect(article).toContain("<a>raw HTML の javascript リンク</a>");
    expect(article).toContain('<a href="https://example.org/">onclick</a>');
  });

  it("keeps what GitHub's rules keep (kbd, sup, details, img src/alt) and drops what they drop (abbr)", () => {
    expect(article).toContain("<kbd>Ctrl</kbd>+<kbd>C</kbd>");
    expect(article).toContain("x<sup>2</sup>");
    expect(article).toContain("<details><summary>詳細</summary>");
    expect(article).toContain('<img src="/images/ok.png" alt="ok">');
    expect(article).not.toContain("<abbr");
    expect(article).toContain("、HA。");
  });

  it("prefixes author-written ids so they cannot clobber the page's own (#main)", () => {
    expect(article).toContain('<h2 id="user-content-main">');
    expect(built.output.text("issues/2011-04/index.html")?.match(/id="main"/g)).toHaveLength(1);
  });

  it("an author's data-gekkan-block div or placeholder comment cannot spoof a block", () => {
    expect(article.match(/<section class="block /g)).toHaveLength(1);
    expect(article).toContain("<div>ブロックの偽物</div>");
    expect(article).toContain("<div>トークン付きの偽物</div>");
    expect(article).not.toContain("data-gekkan");
    expect(article).not.toContain("gekkan-block:");
    expect(built.site.issues[0]?.body.blocks).toHaveLength(1);
  });

  it("escapes title, summary, author and block attributes as text, in the page and its head", () => {
    const page = built.output.text("issues/2011-04/index.html") ?? "";
    expect(page).toContain("<h1>&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; &amp; &lt;b&gt;太字&lt;/b&gt;</h1>");
    expect(page).toContain("<title>&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; &amp; &lt;b&gt;太字&lt;/b&gt; (2011年4月号) | テスト月刊</title>");
    expect(page).toContain('<meta name="description" content="&#34;&gt;&lt;img src=x onerror=alert(&#39;summary&#39;)&gt;">');
    expect(page).toContain("&lt;i&gt;著者&lt;/i&gt;");
    expect(article).toContain("<a href=\"#release-pacemaker-1-0-11\">&lt;script&gt;alert(&#39;attr&#39;)&lt;/script&gt;</a>");
    expect(page).not.toMatch(/<script|<img src=x|<i>著者/);
  });

  it("the index and archive pages escape the hostile title too", () => {
    for (const path of ["index.html", "archive/index.html", "archive/2011/index.html", "components/pacemaker/index.html"]) {
      const page = built.output.text(path) ?? "";
      expect(page, path).toContain("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;");
      expect(page, path).not.toMatch(/<script|onerror=alert\('summary'\)>/);
    }
  });

  // Atom declares title and summary type="html": the plain-text title must arrive escaped,
  // or feed readers render the author's "<b>" (and worse) as markup.
  it("feeds carry the title and summary as text, not as markup", () => {
    const atom = built.output.text("feed.xml") ?? "";
    const entry = atom.slice(atom.indexOf("<entry>"));
    expect(entry).not.toContain("<script>alert('title')</script>");
    expect(entry).not.toContain("<img src=x onerror");
  });
});
