import { symlinkSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildInProcess } from "../helpers/io.js";
import { issue, readTree, tempSite, type TempDir } from "../helpers/temp-site.js";

/**
 * Authors build with the editor still open: beside the file being edited lie
 * the editor's backup, auto-save and lock, and a Mac's .DS_Store and ._ files.
 * None of them is part of the site.
 */
const APRIL = issue({ title: "4月号", issue: 1, date: "2011-04-01" });
const CSS = "body { color: #333; }\n";

let site: TempDir | undefined;
afterEach(() => {
  site?.remove();
  site = undefined;
});

/** Emacs's lock: a symbolic link to user@host.pid, which leads nowhere. */
function emacsLock(root: string, file: string): void {
  const slash = file.lastIndexOf("/");
  symlinkSync("author@laptop.4242:1733400000", join(root, file.slice(0, slash), `.#${file.slice(slash + 1)}`));
}

describe("editor leftovers in a site", () => {
  it("are neither read nor published, and no error or warning names them", async () => {
    site = tempSite({
      "content/issues/2011/2011-04.md": APRIL,
      "content/issues/2011/2011-04.md~": APRIL,
      "content/issues/2011/#2011-04.md#": APRIL,
      "templates/partials/footer-note.liquid": "<p>note</p>\n",
      "templates/partials/footer-note.liquid~": "<p>old note</p>\n",
      "templates/assets/extra.css": CSS,
      "templates/assets/extra.css~": CSS,
      "public/css/site.css": CSS,
      "public/css/site.css~": CSS,
      "public/css/#site.css#": CSS,
      "public/css/._site.css": "\u0000\u0005\u0016\u0007",
      "public/css/.site.css.swp": "b0VIM 9.0",
      "public/css/.site.css.kate-swp": "Kate Swap File 2.0",
      "public/css/site.css___jb_old___": CSS,
      "public/.DS_Store": "\u0000\u0000\u0000\u0001Bud1",
      "public/.well-known/security.txt": "Contact: mailto:security@example.org\n",
    });
    emacsLock(site.path, "content/issues/2011/2011-04.md");
    emacsLock(site.path, "templates/partials/footer-note.liquid");
    emacsLock(site.path, "public/css/site.css");

    const run = await buildInProcess(site.path);

    expect(run.stderr.join("\n")).toBe("");
    expect(run.code).toBe(0);
    const published = [...readTree(join(site.path, "dist")).keys()];
    expect(published).toContain("css/site.css");
    expect(published).toContain("assets/extra.css");
    // A dot is not a leftover by itself: a host's .well-known/ is published.
    expect(published).toContain(".well-known/security.txt");
    const leftovers = published.filter((path) => /~$|#|\.swp$|kate-swp|___jb_|\.DS_Store|\/\._|^\._/.test(path));
    expect(leftovers).toEqual([]);
  });
});

describe("version control's files in a site", () => {
  it("are not published: a theme's assets cloned into public/ publish no history", async () => {
    site = tempSite({
      "content/issues/2011/2011-04.md": APRIL,
      "public/theme/style.css": CSS,
      "public/theme/.git/config": "[remote \"origin\"]\n\turl = https://author:token@git.example.org/theme.git\n",
      "public/theme/.git/HEAD": "ref: refs/heads/main\n",
      "public/theme/.gitignore": "node_modules/\n",
      "public/theme/.gitattributes": "* text=auto\n",
      "public/images/.gitkeep": "",
      "public/vendor/.hg/hgrc": "[paths]\n",
      "public/vendor/.svn/entries": "12\n",
      "templates/assets/.gitkeep": "",
    });

    const run = await buildInProcess(site.path);

    expect(run.stderr.join("\n")).toBe("");
    expect(run.code).toBe(0);
    const published = [...readTree(join(site.path, "dist")).keys()];
    expect(published).toContain("theme/style.css");
    expect(published.filter((path) => /(^|\/)\.(git|hg|svn)/.test(path))).toEqual([]);
  });
});
