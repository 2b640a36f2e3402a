/**
 * A guard for gekkan's own developers: every data field a default template
 * reads is classified, either as a reader note (READER_NOTES: a site's
 * outdated copy of the template is warned) or as the author's choice
 * (AUTHOR_FIELDS), so that a note added to a template later is not left off
 * the warning's list unnoticed. Oracle: LiquidJS's own static analysis of
 * each file under templates/ (each on its own, partials not followed: a
 * partial is read as a template of its own), fields cut to their first two
 * segments by hand here.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { Liquid, type Template, type Variable } from "liquidjs";
import { describe, expect, it } from "vitest";
import { AUTHOR_FIELDS, READER_NOTES } from "../../src/render/reader-notes.js";

const TEMPLATES = join(import.meta.dirname, "..", "..", "templates");
const NAMES = readdirSync(TEMPLATES, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".liquid")).sort();
const liquid = new Liquid({ root: [TEMPLATES], extname: ".liquid" });
const AUTHORS = new Set(Object.values(AUTHOR_FIELDS).flat());

/** `issue.updated`, `correction` for `correction.text`'s first two…: the field a read is of; `rows.size` and `components[0]` are reads of the list itself. */
function field(variable: Variable): string {
  const segments = variable.toArray().slice(0, 2).map(String);
  if (segments.length === 2 && /^(size|first|last|\d+)$/.test(segments[1] ?? "")) segments.pop();
  return segments.join(".");
}

function reads(templates: Template[]): Variable[] {
  return Object.values(liquid.analyzeSync(templates, { partials: false }).globals).flat();
}

/** The fields the notes of `name` are made of: each note's path, and what its markup reads (`issue.updatedLabel` beside `issue.updated`). */
function noteFields(name: string): { paths: string[]; markup: Set<string> } {
  const notes = READER_NOTES[name] ?? [];
  return { paths: notes.map((note) => note.path.join(".")), markup: new Set(notes.flatMap((note) => reads(liquid.parse(note.markup)).map(field))) };
}

function classified(name: string, key: string): boolean {
  const notes = noteFields(name);
  return AUTHORS.has(key) || notes.markup.has(key) || notes.paths.some((path) => key === path || key.startsWith(`${path}.`));
}

describe("the data fields gekkan's default templates read", () => {
  it("are each a reader note of their template or an author's choice", () => {
    expect(NAMES.length, "the default templates were found").toBeGreaterThan(20);
    const unclassified = NAMES.flatMap((name) =>
      reads(liquid.parseFileSync(name))
        .filter((variable) => !classified(name, field(variable)))
        .map((variable) => `templates/${name}:${variable.location.row}:${variable.location.col}  reads ${field(variable)}`),
    );
    expect(
      [...new Set(unclassified)],
      "classify each in src/render/reader-notes.ts: a note readers must not miss in READER_NOTES (a site's older copy of the template is then warned), any other field in AUTHOR_FIELDS, in the group it belongs to",
    ).toEqual([]);
  });

  it("every field listed as an author's choice is read by a default template, and none is a note", () => {
    const read = new Set(NAMES.flatMap((name) => reads(liquid.parseFileSync(name)).map(field)));
    expect([...AUTHORS].filter((key) => !read.has(key)), "no default template reads these any more: take them out of AUTHOR_FIELDS").toEqual([]);
    const notes = Object.keys(READER_NOTES).flatMap((name) => noteFields(name).paths);
    expect([...AUTHORS].filter((key) => notes.some((path) => key === path || key.startsWith(`${path}.`))), "a reader note cannot also be an author's choice").toEqual([]);
  });
});
