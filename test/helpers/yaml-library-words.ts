import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { repo } from "./site-copy.js";

/**
 * The yaml library's own error messages, read from its code as installed
 * (not from gekkan's list of what it explains): each sentence a string or
 * template literal in its compose and parse code that starts with a capital
 * and runs to three words or more ("Implicit keys need to be on a single
 * line", `Unexpected ${type} at node end`), as a pattern with `.+` for each
 * placeholder. An author never acts on these words, so gekkan never prints them.
 */
export function yamlLibraryMessages(): RegExp[] {
  const dist = join(repo, "node_modules", "yaml", "dist");
  const files = readdirSync(dist, { recursive: true, encoding: "utf8" }).filter((name) => /^(compose|parse|doc|schema)[\\/].*\.js$|^(public-api|errors)\.js$/.test(name));
  const found = new Set<string>();
  for (const name of files) {
    for (const literal of readFileSync(join(dist, name), "utf8").matchAll(/'([^'\n]*)'|"([^"\n]*)"|`([^`]*)`/g)) {
      const text = literal[1] ?? literal[2] ?? literal[3] ?? "";
      if (/^[A-Z][a-z]+,? [^\n]*\S [^\n]*\S/.test(text) && text.split(" ").length >= 3) found.add(text);
    }
  }
  return [...found].sort().map((text) => new RegExp(text.split(/\$\{[^}]*\}/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".+")));
}
