import { readFileSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { Liquid, LiquidError, type Variable } from "liquidjs";
import type { VFileMessage } from "vfile-message";
import { siteFile, warning } from "../diagnostics.js";
import { isFile } from "../file-tree.js";
import { READER_NOTES, type ReaderNote } from "../render/reader-notes.js";
import { BUILTIN_TEMPLATES } from "../render/template-dirs.js";

/**
 * A `template-note-missing` warning for each note of READER_NOTES that the
 * site's own version of its template never reads the data of: gekkan added
 * it after the site copied the template, and its readers never see it.
 * Read by LiquidJS's own analysis of the template, following the partials
 * it renders or includes and its layout (the site's own or gekkan's, as
 * pages render them), so a note shown through a partial counts. Most sites
 * override nothing: for them this is one lookup per listed template.
 *
 * A note only a site with translations shows (`editions`) is warned only
 * when the config has `languages`: a site in one language never shows it,
 * and the build that adds a language warns, before any translation is out.
 */
export function templateNoteWarnings(dirs: readonly string[], root: string, editions: boolean): VFileMessage[] {
  const own = dirs.length > 1 ? dirs[0] : undefined;
  if (own === undefined) return [];
  const overridden = Object.keys(READER_NOTES).filter((name) => isFile(join(own, name)));
  if (overridden.length === 0) return [];
  const liquid = analysingLiquid(dirs);
  return overridden.flatMap((name) => {
    const notes = (READER_NOTES[name] ?? []).filter((note) => editions || !note.editions);
    if (notes.length === 0) return [];
    const file = join(own, name);
    const read = readVariables(liquid, name);
    // A template Liquid cannot read is already an error of the build (template-check.ts).
    if (read === undefined) return [];
    return notes.filter((note) => !read.some((variable) => covers(variable, note.path))).map((note) => missing(note, name, file, read, root));
  });
}

/**
 * Liquid as pages use it, for reading templates only. LiquidJS's analysis
 * loads a `{% layout %}` as a partial, so layouts/ is searched for partials
 * too, after the templates themselves. gekkan's memoising `render` tag (partial-memo.ts)
 * has no analysis of its own, so this Liquid keeps LiquidJS's, which follows partials.
 */
function analysingLiquid(dirs: readonly string[]): Liquid {
  const layouts = dirs.map((dir) => join(dir, "layouts"));
  return new Liquid({ root: [...dirs], partials: [...dirs, ...layouts], layouts, extname: ".liquid" });
}

/** Every variable `name` reads from its page's data (through its partials and layout), with its place; undefined when it cannot be read. */
function readVariables(liquid: Liquid, name: string): Variable[] | undefined {
  try {
    const analysis = liquid.analyzeSync(liquid.parseFileSync(name), { partials: true });
    return Object.values(analysis.globals).flat();
  } catch (error) {
    if (LiquidError.is(error) || (error instanceof Error && "code" in error)) return undefined;
    throw error;
  }
}

/** `correction.text` reads the note's `correction`; so does `issue` passed whole to a partial for `issue.updated`. */
function covers(variable: Variable, path: readonly string[]): boolean {
  const segments = variable.toArray();
  const common = Math.min(segments.length, path.length);
  return segments.slice(0, common).every((segment, i) => segment === path[i]);
}

function missing(note: ReaderNote, name: string, file: string, read: readonly Variable[], root: string): VFileMessage {
  const gekkans = join(BUILTIN_TEMPLATES, name);
  const text = readFileSync(gekkans, "utf8");
  const first = text.slice(0, Math.max(0, text.indexOf(note.markup))).split("\n").length;
  const last = first + note.markup.split("\n").length - 1;
  const lines = first === last ? `line ${first}` : `lines ${first}-${last}`;
  const after = note.after;
  const place = after === undefined ? undefined : read.find((variable) => variable.location.file === file && covers(variable, after) && variable.toArray().length >= after.length);
  // Named from the site when gekkan is installed in it (node_modules/gekkan/…); a path elsewhere would differ from machine to machine.
  const shown = siteFile(root, gekkans);
  const current = isAbsolute(shown) ? "" : ` (${shown})`;
  const where = place === undefined || after === undefined ? "" : ` after this line's ${after.join(".")}`;
  const reason = `this template, your own in place of gekkan's, never shows ${note.what} (${note.path.join(".")}), which gekkan's shows ${note.why}; add ${lines} of gekkan's templates/${name}${current}${where}: ${note.markup.replaceAll("\n", " ")}`;
  return warning(siteFile(root, file), reason, place === undefined ? { line: 1, column: 1 } : { line: place.location.row, column: 1 }, "template-note-missing");
}
