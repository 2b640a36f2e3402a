#!/usr/bin/env node
// The floor the parser sets: every issue body of DIR parsed to mdast by remark-parse with
// remark-gfm and gekkan's container directives, in one thread, nothing else (no front-matter
// validation, no HTML, no pages). `npm run compile` first.
//
//   node bench/bare-parse.mjs DIR
//
// The bench times this as a whole process beside `gekkan build`, so both include Node start-up.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { unified } from "unified";
import remarkParse from "remark-parse";
import remarkGfm from "remark-gfm";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { remarkContainerDirective } = await import(join(ROOT, "lib/markdown/plugins/remark-container-directive.js"));
const dir = process.argv[2];
if (!dir) {
  console.error("usage: node bench/bare-parse.mjs SITE_DIR");
  process.exit(2);
}
// The same GFM option as the build (src/markdown/processor.ts).
const processor = unified().use(remarkParse).use(remarkGfm, { singleTilde: false }).use(remarkContainerDirective).freeze();
const files = readdirSync(join(dir, "content", "issues"), { recursive: true }).map(String).filter((f) => f.endsWith(".md")).sort();
let nodes = 0;
for (const file of files) {
  const text = readFileSync(join(dir, "content", "issues", file), "utf8");
  // The body after the closing front-matter fence, as gekkan hands it to the parser.
  const close = text.indexOf("\n---", 4);
  const tree = processor.parse(text.slice(close === -1 ? 0 : text.indexOf("\n", close + 1) + 1));
  nodes += tree.children.length;
}
console.log(`parsed ${files.length} issues (${nodes} top-level nodes)`);
