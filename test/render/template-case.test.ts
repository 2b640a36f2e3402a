/**
 * A site template meant to replace one of gekkan's, named in other case
 * (templates/Index.liquid, templates/Partials/issue-card.liquid), or a
 * templates folder in other case (Templates/): macOS and Windows used it, so
 * the author saw their page, while Linux, where CI builds, used gekkan's own
 * without a word. It is now an error at the file or folder, with the name
 * to give it. The oracle is the message text and the built page.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildInProcess } from "../helpers/io.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

const GIT = "with git mv (git on macOS and Windows does not see a rename that changes only case)";
const APRIL = issue({ title: "四月号", issue: 1, date: "2011-04-01" });
// Inside the page's block: text outside it is not rendered.
const OWN = readFileSync(join(import.meta.dirname, "..", "..", "templates", "index.liquid"), "utf8").replace("{% block content %}", '{% block content %}<p id="own">the site\'s own</p>');

describe("site templates named in other case", () => {
  let dir: TempDir | undefined;
  afterEach(() => dir?.remove());

  it("a template named like one of gekkan's but for case is an error, every one at once", async () => {
    dir = tempSite({ "content/issues/2011/2011-04.md": APRIL, "templates/Index.liquid": OWN, "templates/Partials/issue-card.liquid": "{{ issue.title }}\n" });
    const run = await buildInProcess(dir.path);
    expect(run.code).toBe(1);
    expect(run.stderr.slice(0, 2)).toEqual([
      `templates/Index.liquid:1:1  gekkan's template of this name is templates/index.liquid, in lower case: macOS and Windows use this file for it, but Linux (where CI builds and most hosts run) does not, and builds the site with gekkan's own; rename it to templates/index.liquid ${GIT}`,
      `templates/Partials/issue-card.liquid:1:1  gekkan's template of this name is templates/partials/issue-card.liquid, in lower case: macOS and Windows use this file for it, but Linux (where CI builds and most hosts run) does not, and builds the site with gekkan's own; rename it to templates/partials/issue-card.liquid ${GIT}`,
    ]);
  });

  it("a templates folder in other case is an error at the folder", async () => {
    dir = tempSite({ "content/issues/2011/2011-04.md": APRIL, "Templates/index.liquid": OWN });
    const run = await buildInProcess(dir.path);
    expect(run.code).toBe(1);
    expect(run.stderr[0]).toBe(`Templates:1:1  gekkan reads templates/, in lower case, and this folder's name differs from it only in case: macOS and Windows open it all the same, but Linux (where CI builds and most hosts run) does not, and builds the site without your own templates, with gekkan's instead; rename it to templates ${GIT}`);
  });

  it("a template of its own name, and one spelled like gekkan's, are used as before", async () => {
    dir = tempSite({ "content/issues/2011/2011-04.md": APRIL, "templates/index.liquid": OWN, "templates/partials/My-Card.liquid": "x\n" });
    expect((await buildInProcess(dir.path)).code).toBe(0);
    expect(readFileSync(join(dir.path, "dist", "index.html"), "utf8")).toContain(`<p id="own">the site's own</p>`);
  });
});
