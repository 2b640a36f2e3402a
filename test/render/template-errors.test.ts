import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { captureIo } from "../helpers/io.js";
import { issue, linkBeside, tempSite, type TempDir } from "../helpers/temp-site.js";

let site: TempDir | undefined;
// A link beside the site, made by the --root test: outside the site, so removed on its own.
let link: TempDir | undefined;
afterEach(() => {
  link?.remove();
  link = undefined;
  site?.remove();
});

const ISSUE = { "content/issues/2011/2011-05.md": issue({ title: "5月号", issue: 1, date: "2011-05-01" }) };

/** `gekkan build` of a site whose own issue template is `template`; its stderr lines. */
async function buildWith(template: string, root?: (site: TempDir) => string): Promise<{ code: number; lines: string[] }> {
  site = tempSite({ ...ISSUE, "templates/issue.liquid": template });
  const io = captureIo();
  const dir = root?.(site) ?? site.path;
  const code = await main(["build", "--root", dir, "--no-cache", "--no-search", "--out", join(site.path, "out")], io);
  return { code, lines: io.stderr.join("\n").split("\n") };
}

describe("a mistake in a site's own template is reported like every other author error", () => {
  it("names the template from the site root, at the line and column, without LiquidJS's repeated absolute path", async () => {
    const run = await buildWith("<!DOCTYPE html>\n<title>x</title>\n<p>{{ page.title | nosuchfilter }}</p>\n");
    expect(run.code).toBe(1);
    // Line 3, column 4: where "{{" starts on the third line of the template above.
    expect(run.lines[0]).toBe("templates/issue.liquid:3:4  template error: undefined filter: nosuchfilter");
    expect(run.lines.at(-1)).toBe("1 problem found; nothing was written.");
  });

  it.each([
    ["upcasee", "upcase"],
    ["Date", "date"],
    ["urll", "url"],
    ["strip_htm", "strip_html"],
  ])("a mistyped filter, %s, gets the nearest one: %s", async (typed, meant) => {
    const run = await buildWith(`<p>{{ page.title | ${typed} }}</p>\n`);
    expect(run.code).toBe(1);
    expect(run.lines[0]).toBe(`templates/issue.liquid:1:4  template error: undefined filter: ${typed} — did you mean "${meant}"?`);
  });

  it("an unclosed tag: the same form", async () => {
    const run = await buildWith("<!DOCTYPE html>\n<title>x</title>\n{% if page %}\n");
    expect(run.code).toBe(1);
    expect(run.lines[0]).toBe("templates/issue.liquid:3:1  template error: tag {% if page %} not closed");
    expect(run.lines.at(-1)).toBe("1 problem found; nothing was written.");
  });

  it("every syntax error of one template in one build, not the first alone", async () => {
    const run = await buildWith("<!DOCTYPE html>\n<title>{{ page.title | upcasee }}</title>\n{% for x in page.tags %}{% if x %}\n{% endfor %}\n<p>{% bogus %}</p>\n");
    expect(run.code).toBe(1);
    expect(run.lines.slice(0, 3)).toEqual([
      'templates/issue.liquid:2:8  template error: undefined filter: upcasee — did you mean "upcase"?',
      "templates/issue.liquid:3:25  template error: tag {% if x %} not closed: add {% endif %} before the {% endfor %} on line 4",
      'templates/issue.liquid:5:4  template error: tag "bogus" not found',
    ]);
    expect(run.lines.at(-1)).toBe("3 problems found; nothing was written.");
  });

  it("a --root reached through a symbolic link still gets the path from the site root", async () => {
    const run = await buildWith("<p>{{ page.title | nosuchfilter }}</p>\n", (dir) => {
      link = linkBeside(dir);
      return link.path;
    });
    expect(run.lines[0]).toBe("templates/issue.liquid:1:4  template error: undefined filter: nosuchfilter");
    expect(run.lines.at(-1)).toBe("1 problem found; nothing was written.");
  });
});
