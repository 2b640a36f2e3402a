#!/usr/bin/env node
// Hostile shapes: how an issue's cost grows with its size (`npm run compile` first).
//
//   node bench/shapes.mjs [--size 40000] [--only NAME[,NAME]] [--out FILE]
//
// Each shape is one issue body written at about `size` characters and at four times that,
// rendered in this process through the very function a build uses for one issue
// (createIssueRenderer: front matter, the Markdown stage, blocks, every check), and the
// body's HTML through the plain-text email. The ratio of the two times is ~4 when the work
// grows with the input and ~16 when it grows with its square. Times are a wall clock on
// whatever machine runs this: compare ratios, and shapes within one run.
//
// The tests check what these shapes produce and, for the patched libraries, count the work
// (test/helpers/touch-count.ts); they never time it. This is where the time is measured.
import { writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { createIssueRenderer } = await import(join(ROOT, "lib/content/render-issue.js"));
const { emailText } = await import(join(ROOT, "lib/email/email-text.js"));
const { DEFAULT_COMPONENTS } = await import(join(ROOT, "lib/config.js"));

/** `piece` repeated to about `size` characters. */
const repeat = (piece, size) => piece.repeat(Math.max(1, Math.floor(size / piece.length)));

/** name, what it stands for, body of about `size` characters. */
export const SHAPES = [
  ["japanese-prose", "a long Japanese paragraph (ordinary)", (n) => repeat("日本語の文章です。", n)],
  ["table-rows", "a table with many rows (ordinary)", (n) => `|a|b|\n|-|-|\n${repeat("|x|y|\n", n)}`],
  ["fenced-code", "one long fenced code block (ordinary)", (n) => `\`\`\`js\n${repeat("var a = 1;\n", n)}\`\`\`\n`],
  ["prose-code-spans", "prose with a code span every few words (patched: micromark text merge)", (n) => repeat("word `b` ", n)],
  ["failed-starts", "`<`, `&`, `!` and address starts that fail (patched: micromark text merge)", (n) => repeat("&a <http://a !a ", n)],
  ["setext-headings", "headings underlined with --- (patched: micromark-util-edit-map)", (n) => repeat("見出し\n---\n\n", n)],
  ["list-items", "one long list (patched: mdast-util-to-hast)", (n) => repeat("- a\n", n)],
  ["lines-with-html", "a paragraph of lines each with raw HTML (gekkan: insideAny)", (n) => repeat("a<br>\n", n)],
  ["atx-headings", "many headings, each an anchor link in the email (gekkan: email link numbers)", (n) => repeat("## a\n\n", n)],
  ["unmatched-bracket", "one `[` before a long paragraph of words (patched: gfm-autolink-literal)", (n) => `[${repeat("word ", n)}`],
  ["unclosed-comments", "unclosed inline `<!--` openers in one paragraph (patched: micromark-core-commonmark)", (n) => repeat("a <!-- ", n)],
  ["lazy-quote-lines", "a quote whose paragraph continues on lazy lines (patched: micromark)", (n) => `> a\n${repeat("b\n", n)}`],
];

function parseArgs(argv) {
  const args = { size: 40_000, only: undefined, out: undefined };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--size") args.size = Number(argv[++i]);
    else if (argv[i] === "--only") args.only = new Set(String(argv[++i]).split(","));
    else if (argv[i] === "--out") args.out = argv[++i];
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return args;
}

const render = createIssueRenderer({ components: DEFAULT_COMPONENTS, languages: ["ja", "en"], defaultLang: "ja", basePath: "/" });
const source = (body) => Buffer.from(`---\ntitle: "shape"\nissue: 1\ndate: 2011-04-01\n---\n\n${body}\n`);

/** One issue through the build's renderer and the email's text: ms for each, and what came out. */
function measure(body) {
  let start = performance.now();
  const result = render("content/issues/2011/2011-04.md", source(body));
  const issueMs = performance.now() - start;
  if (!result.ok) return { issueMs, emailMs: 0, outcome: `refused: ${String(result.messages[0]?.reason ?? "").slice(0, 60)}` };
  start = performance.now();
  emailText(result.value.body.html, "ja", "リンク");
  return { issueMs, emailMs: performance.now() - start, outcome: `${result.value.body.html.length.toLocaleString("en")} chars of HTML` };
}

function row(name, what, make, size) {
  const [small, large] = [measure(make(size)), measure(make(size * 4))];
  const total = (m) => m.issueMs + m.emailMs;
  const ms = (m) => `${m.issueMs.toFixed(0)} + ${m.emailMs.toFixed(0)}`;
  return `| ${name} | ${what} | ${ms(small)} | ${ms(large)} | ${(total(large) / total(small)).toFixed(1)} | ${large.outcome} |`;
}

const args = parseArgs(process.argv.slice(2));
measure(repeat("warm *up* [a](/b) `c` ", 2_000));
const lines = [
  `Hostile shapes at ${args.size.toLocaleString("en")} and ${(args.size * 4).toLocaleString("en")} characters, ms (issue + email text); Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`,
  "A ratio near 4 is work that grows with the input; near 16, with its square.",
  "",
  "| shape | what | small | 4× | ratio | the 4× issue |",
  "| --- | --- | ---: | ---: | ---: | --- |",
];
console.log(lines.join("\n"));
for (const [name, what, make] of SHAPES) {
  if (args.only !== undefined && !args.only.has(name)) continue;
  const line = row(name, what, make, args.size);
  lines.push(line);
  console.log(line);
}
if (args.out !== undefined) writeFileSync(args.out, `${lines.join("\n")}\n`);
