/**
 * A broken link in a file of public/ was reported at the built page, with
 * the address as the page had it and "check the templates or public/",
 * though the page is that file, copied as it is: it is now reported at the
 * file, at the same line and column, the address quoted as written there.
 * One in a page built from the templates stays at the built page, quoting
 * what that page holds (in the template it may be `{{ "/x/" | url }}`).
 * Oracle: the line and column of each tag counted by hand in the files
 * below, and the site's address, https://example.org/newsletter/.
 */
import { afterEach, describe, expect, it } from "vitest";
import { checkInProcess } from "../helpers/io.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

const CONFIG = `${JSON.stringify({ title: "Newsletter", url: "https://example.org/newsletter/", lang: "en", authors: ["me"] })}\n`;
const APRIL = issue({ title: "April", issue: 1, date: "2011-04-01" }, "## GUI\n\nText.\n");
// Line 3 links a month with no issue from the site root, line 4 one relative to the file (/newsletter/issues/2011-13/).
const ABOUT = '<!doctype html>\n<html lang="en"><title>About</title>\n<p><a href="/newsletter/issues/2011-03/">March</a></p>\n<p><a href="issues/2011-13/">Thirteen</a></p>\n</html>\n';
const STYLE = "body {\n  background: url(/newsletter/images/paper.png);\n}\n";
// gekkan's 404 page as the site's own: line 4 links /issuez/ through the url filter, /newsletter/issuez/ on the page.
const NOT_FOUND = '<!DOCTYPE html>\n<html lang="en"><title>Not found</title>\n<p>Not here.</p>\n<p><a href="{{ "/issuez/" | url }}">issues</a></p>\n</html>\n';

let site: TempDir | undefined;
afterEach(() => site?.remove());

async function lines(files: Record<string, string>): Promise<string[]> {
  site = tempSite({ "gekkan.config.json": CONFIG, "content/issues/2011/2011-04.md": APRIL, ...files });
  const run = await checkInProcess(site.path);
  expect(run.code).toBe(1);
  return run.lines.filter((line) => /broken/.test(line));
}

describe("a broken link in a file of public/ is reported at that file, as written there", () => {
  it("an HTML page: at public/about.html's line and column, the suggestion in the form written there", async () => {
    expect(await lines({ "public/about.html": ABOUT })).toEqual([
      'public/about.html:3:4  broken link "/newsletter/issues/2011-03/": nothing is published at /newsletter/issues/2011-03/ — did you mean "/newsletter/issues/2011-04/"? (a[href] in a file of public/, which is published as it is)',
      'public/about.html:4:4  broken link "issues/2011-13/": nothing is published at /newsletter/issues/2011-13/ — did you mean "issues/2011-04/"? (a[href] in a file of public/, which is published as it is)',
    ]);
  });

  it("a stylesheet: at public/style.css's line and column", async () => {
    expect(await lines({ "public/style.css": STYLE })).toEqual([
      "public/style.css:2:15  broken reference \"/newsletter/images/paper.png\": nothing is published at /newsletter/images/paper.png (css url() in a file of public/, which is published as it is)",
    ]);
  });
});

describe("a broken link in a page built from the templates stays at the built page", () => {
  it("quoting the address the page has, which its line and column point at", async () => {
    expect(await lines({ "templates/404.liquid": NOT_FOUND })).toEqual([
      '/newsletter/404.html:4:4  broken link "/newsletter/issuez/": nothing is published at /newsletter/issuez/ (a[href] in the built page: check the templates)',
    ]);
  });
});
