/**
 * Every syntax error of one template in one build: Liquid stops at a file's
 * first, so the author fixed it, built again, and only then met the next.
 * After an error the parse goes on (template-syntax.ts); it must find the
 * later mistakes without inventing any, and never on a valid template.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Liquid } from "liquidjs";
import { describe, expect, it } from "vitest";
import { memoisePartials } from "../../src/pipeline/partial-memo.js";
import { templateDiagnostic } from "../../src/pipeline/template-error.js";
import { syntaxErrors } from "../../src/pipeline/template-syntax.js";
import { createLiquid } from "../../src/render/liquid.js";
import { effectiveTemplates } from "../../src/render/template-dirs.js";

const ROOT = join(import.meta.dirname, "..", "..");
const SITE = "/site";

/** Liquid as a build has it: gekkan's filters, and its memoised `render` and `for` tags. */
function buildLiquid(): Liquid {
  const liquid = createLiquid([join(ROOT, "templates")], "/");
  memoisePartials(liquid, "fingerprint", undefined, new Map());
  return liquid;
}

/** `line:column  reason` of each syntax error of `text`, as the build prints them. */
function errorsOf(text: string): string[] {
  return syntaxErrors(buildLiquid(), text, `${SITE}/templates/page.liquid`).map((error) => {
    const message = templateDiagnostic(error, SITE);
    return `${message?.line ?? "?"}:${message?.column ?? "?"}  ${message?.reason ?? String(error)}`;
  });
}

describe("a template's syntax errors, all in one build", () => {
  it("two in one file: both, in the file's order, each at its own place (Liquid alone stops at the first)", () => {
    const text = "<h1>{{ page.title | upcasee }}</h1>\n<p>{{ page.author }</p>\n{% endfor %}\n";
    expect(() => buildLiquid().parse(text)).toThrow();
    expect(errorsOf(text)).toEqual([
      '1:5  template error: undefined filter: upcasee — did you mean "upcase"?',
      '2:4  template error: output "{{ page.author }</p>\\n{% endfo..." not closed',
      '3:1  template error: tag "endfor" not found — a tag opened before this line ({% for %}, {% if %}, {% unless %}, {% case %}, {% capture %}) is probably missing its end tag',
    ]);
  });

  it("a misspelt tag gets the tag it most likely is, and the end tag it leaves alone is not called a stray", () => {
    const text = "{% fro x in items %}{{ x }}{% endfor %}\n{% iff a %}b{% endif %}\n{% for x in items %}{% fro y in x %}{% endfor %}{% endfor %}\n{% asign y = 1 %}\n{% if a %}{% endif %}{% endif %}\n";
    expect(errorsOf(text)).toEqual([
      '1:1  template error: tag "fro" not found — did you mean "for"?',
      '2:1  template error: tag "iff" not found — did you mean "if"?',
      '3:21  template error: tag "fro" not found — did you mean "for"?',
      '4:1  template error: tag "asign" not found — did you mean "assign"?',
      // A stray end tag of its own, after the misspellings' own ones were accounted for: still one.
      '5:22  template error: tag "endif" not found — a tag opened before this line ({% for %}, {% if %}, {% unless %}, {% case %}, {% capture %}) is probably missing its end tag',
    ]);
  });

  it("a misspelt end tag gets the end tag it most likely is", () => {
    expect(errorsOf("{% endiff %}\n")).toEqual(['1:1  template error: tag "endiff" not found — did you mean "endif"?']);
  });

  it("a block whose own tag fails: its body is still read, its else is its own and its end tag is no stray one", () => {
    expect(errorsOf("{% for x y %}\n{% else %}\n{% bogus %}{% endfor %}\n{% if a %}{{ a | nope }}{% endif %}\n")).toEqual([
      "1:1  template error: illegal tag: {% for x y %}",
      '3:1  template error: tag "bogus" not found',
      "4:11  template error: undefined filter: nope",
    ]);
  });

  it("an end tag that closes a block further out: the block left open inside is named, with the end tag it needs, and nothing else", () => {
    const text = '{% layout "base" %}\n{% block content %}\n{% for entry in years %}\n<h2>{{ entry.year }}</h2>\n{% endblock %}\n{{ entry | nope }}\n';
    expect(errorsOf(text)).toEqual([
      "3:1  template error: tag {% for entry in years %} not closed: add {% endfor %} before the {% endblock %} on line 5",
      "6:1  template error: undefined filter: nope",
    ]);
    expect(errorsOf("{% for x in y %}{% unless a %}{% if b %}\n{% endfor %}\n{% bogus %}")).toEqual([
      "1:17  template error: tag {% unless a %} not closed: add {% endunless %} before the {% endfor %} on line 2",
      "1:31  template error: tag {% if b %} not closed: add {% endif %} before the {% endfor %} on line 2",
      '3:1  template error: tag "bogus" not found',
    ]);
  });

  it("an output left open: the rest of the file is still read", () => {
    expect(errorsOf("<h1>{{ page.title\n{% bogus %}\n")).toEqual([
      '1:5  template error: output "{{ page.title\\n{% bogus %}\\n" not closed',
      '2:1  template error: tag "bogus" not found',
    ]);
  });

  it("a tag left open: the outputs after it are read, and the blocks it may have closed are not called unclosed", () => {
    expect(errorsOf("{% if a %}\n{% for x in y %}\n{{ x | nope }}\n{% endfor\n{{ y | upcasee }}\n")).toEqual([
      "3:1  template error: undefined filter: nope",
      '4:1  template error: tag "{% endfor\\n{{ y | upcasee }}\\n" not closed',
      '5:1  template error: undefined filter: upcasee — did you mean "upcase"?',
    ]);
  });

  it("a {% liquid %} tag's lines are checked one by one", () => {
    expect(errorsOf("{% liquid\n  if a\n    echo b | nope\n  endif\n  bogus\n%}\n{% bogus2 %}")).toEqual([
      "3:5  template error: undefined filter: nope",
      '5:3  template error: tag "bogus" not found',
      '7:1  template error: tag "bogus2" not found',
    ]);
  });
});

describe("what is not an error stays so", () => {
  it("gekkan's own templates, every one, give none", () => {
    const { files } = effectiveTemplates([join(ROOT, "templates")]);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) expect(syntaxErrors(buildLiquid(), readFileSync(file, "utf8"), file), file).toEqual([]);
  });

  it.each([
    ["raw blocks", "{% raw %}{% bogus %}{{ x | nope }}{{ open{% endraw %}<p>{{ a }}</p>{% raw %}{%{% endraw %}"],
    ["comments", "{% comment %}{% bogus %}{{ x | nope }}{% endcomment %}{% # an inline comment %}{%- comment -%} {% if x %} {%- endcomment -%}"],
    ["nested blocks", "{% for a in b %}{% if a %}{% for c in a %}{% unless c %}{% case c %}{% when 1, 2 %}x{% else %}y{% endcase %}{% endunless %}{% else %}{% break %}{% endfor %}{% elsif b %}{% capture z %}{{ a }}{% endcapture %}{% else %}{% endif %}{% else %}none{% endfor %}"],
    ["whitespace control", "{%- if a -%}\n  {{- a | upcase -}}\n{%- elsif b -%}{{- b -}}{%- endif -%}\n{%- for x in y -%}{{- x -}}{%- endfor -%}"],
    ["layouts and partials", '{% layout "base" %}{% block content %}{% render "partials/issue-card", card: c %}{% for row in rows %}{% render "partials/release-row", row: row %}{% endfor %}{% endblock %}'],
    ["liquid and tablerow", "{% liquid\n  assign x = 1\n  if x\n    echo x | plus: 1\n  endif\n%}{% tablerow r in rows cols: 2 %}{{ r }}{% endtablerow %}{% increment n %}{% cycle 'a', 'b' %}"],
  ])("%s", (_, text) => {
    expect(errorsOf(text)).toEqual([]);
  });

  it("an error inside {% raw %} is never read; after a raw block left open, nothing of the rest is", () => {
    expect(errorsOf("{% raw %}{% bogus %}{% endraw %}{% bogus2 %}")).toEqual(['1:33  template error: tag "bogus2" not found']);
    expect(errorsOf("{% bogus %}\n{% if a %}{% raw %}{% bogus3 %}{{ x | nope }}")).toEqual([
      '1:1  template error: tag "bogus" not found',
      '2:20  template error: raw "{% raw %}{% bogus3 %}{{ x | n..." not closed',
    ]);
  });
});
