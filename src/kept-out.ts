/**
 * Names kept out of every folder of the site: files editors, the system and
 * version control keep beside the author's own, never part of the site.
 * Editors and the system leave beside the file being edited:
 * - `x~`: the backup vim and Emacs keep of the last saved version;
 * - `#x#`: Emacs's auto-save of unsaved changes;
 * - `.#x`: Emacs's lock, a symbolic link to `user@host.pid` that leads nowhere;
 * - `.x.swp` (`.swo`, … `.swa`): vim's swap file; `.x.kate-swp`: Kate's, rewritten every
 *   few seconds while the file has unsaved changes;
 * - `4913`: the file vim makes and deletes to test whether it may write a folder;
 * - `.~lock.x#`: LibreOffice's lock, kept for as long as it has the file open (a
 *   spreadsheet or document in public/ would otherwise be published with it, with a warning);
 * - `x___jb_tmp___`, `x___jb_old___`: JetBrains editors' safe write;
 * - `.DS_Store`, `._x`: the Finder's folder settings and a Mac's AppleDouble files
 *   (on a USB stick or a network share).
 * Version control's own: `.git` (a folder, or a file in a submodule or a worktree), `.gitkeep`,
 * `.gitignore`, `.gitattributes`, `.gitmodules`, `.hg`, `.svn`: a theme's assets cloned into
 * public/ would otherwise publish its `.git/config` and whole history at /.git/.
 *
 * One rule for every reader of the site's folders (issues, templates, public/,
 * the cache key and `gekkan dev`'s watcher), so that such a file is never
 * published, never an error, and a save that makes one rebuilds no more than
 * the save itself.
 */
const KEPT_OUT = /~$|^#.*#$|^\.#|^\..*\.(?:sw[a-p]|kate-swp)$|^4913$|^\.~lock\..*#$|___jb_(?:tmp|old|bak)___$|^\.DS_Store$|^\._|^\.git(?:keep|ignore|attributes|modules)?$|^\.(?:hg|svn)$/;

/** True when `name` (one path part, not a path) is an editor's, the system's or version control's. */
export function isKeptOut(name: string): boolean {
  return KEPT_OUT.test(name);
}
