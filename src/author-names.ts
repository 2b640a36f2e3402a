import { z } from "zod";

/** A Japanese comma (、) or a full-width one (，), as an input method types them between names. */
export const JAPANESE_COMMA = /[、，]/;

/**
 * A list of authors' names, each one person or team: the feeds give each
 * its own <author> (Atom, JSON Feed) or <dc:creator> (RSS). Names parted by
 * a Japanese comma (`[山田、鈴木]`) are one item to YAML and JSON, which part
 * items only with an ASCII comma, so the feeds would name one author
 * "山田、鈴木": an error giving the list to write, `written` in the file's
 * own syntax. An ASCII comma inside a quoted name is left alone: it is how
 * a Western name is written ("Smith, Jr.", "Doe, Jane"). Several such items
 * are one error, at the first, naming the others: the list to write is the
 * same for all, and said once it is read once.
 */
export function authorList(syntax: "YAML" | "JSON", written: (names: readonly string[]) => string) {
  return z.array(z.string().trim().min(1)).superRefine((names, ctx) => {
    const joined = names.flatMap((name, at) => (namesIn(name).length < 2 ? [] : [at]));
    const [first, ...others] = joined;
    if (first === undefined) return;
    const how = syntax === "YAML" ? "an ASCII comma" : "an ASCII comma between quoted names";
    const hint = `; ${syntax} parts a list's items only with ${how}, so this is one name${alsoJoined(names, others)}: write the list ${written(names.flatMap(namesIn))}`;
    ctx.addIssue({ code: "custom", message: "", path: [first], params: { hint }, input: names[first] });
  });
}

/** The other joined items, by their place in the list as authors count (from 1) and as written: ", and so is item 3 ("佐藤，伊藤")". */
function alsoJoined(names: readonly string[], others: readonly number[]): string {
  if (others.length === 0) return "";
  const items = others.map((at) => `item ${at + 1} (${JSON.stringify(names[at])})`);
  return `, and so ${others.length === 1 ? "is" : "are"} ${items.slice(0, -1).join(", ")}${items.length > 1 ? " and " : ""}${items[items.length - 1]}`;
}

/** The names `name` holds, parted at its Japanese or full-width commas (itself when it has none). */
function namesIn(name: string): string[] {
  if (!JAPANESE_COMMA.test(name)) return [name];
  const parts = name.split(JAPANESE_COMMA).map((part) => part.trim()).filter((part) => part !== "");
  return parts.length > 0 ? parts : [name];
}
