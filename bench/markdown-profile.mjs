#!/usr/bin/env node
// Per-stage profile of the Markdown stage (`npm run compile` first).
//
//   node bench/markdown-profile.mjs [--issues 200] [--rounds 5] [--seed S]
//
// Renders every issue of the deterministic bench corpus (bench/corpus.mjs) with the very
// processor gekkan uses (buildProcessor in src/markdown/processor.ts): each plugin's
// transformer is wrapped with a timer, and parsing and stringifying are timed around the
// processor's own parse() and stringify(). "parse, CommonMark only" parses the same bodies
// without GFM and directives, for reference. Prints ms per issue, median of the rounds after
// one warm-up round, and checks that the timed processor's HTML equals the renderer's.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { unified } from "unified";
import remarkParse from "remark-parse";
import { VFile } from "vfile";
import { ensureCorpus, DEFAULT_SEED } from "./corpus.mjs";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const { buildProcessor, createMarkdownRenderer } = await import(join(ROOT, "lib/markdown/processor.js"));
const { parseIssue } = await import(join(ROOT, "lib/content/issue.js"));
const { DEFAULT_COMPONENTS } = await import(join(ROOT, "lib/config.js"));

function parseArgs(argv) {
  const args = { issues: 200, rounds: 5, seed: DEFAULT_SEED };
  for (let i = 0; i < argv.length; i++) {
    const value = () => Number(argv[++i]);
    if (argv[i] === "--issues") args.issues = value();
    else if (argv[i] === "--rounds") args.rounds = value();
    else if (argv[i] === "--seed") args.seed = value();
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return args;
}

function loadBodies(dir) {
  const context = { components: DEFAULT_COMPONENTS, languages: ["ja", "en"], defaultLang: "ja" };
  const files = readdirSync(join(dir, "content/issues"), { recursive: true }).filter((f) => String(f).endsWith(".md")).sort();
  return files.map((f) => {
    const file = relative(dir, join(dir, "content/issues", String(f))).split("\\").join("/");
    const parsed = parseIssue(file, readFileSync(join(dir, file)), context);
    if (!parsed.ok) throw new Error(`${file}: ${parsed.messages.map(String).join("; ")}`);
    return { file, body: parsed.issue.body, bodyLine: parsed.issue.bodyLine };
  });
}

/** The processor's attachers again, each transformer wrapped with a timer named after its plugin. */
function timedProcessor(reference, times) {
  const timed = unified();
  for (const [plugin, ...parameters] of reference.attachers) {
    timed.use(function timedAttacher() {
      const transformer = plugin.apply(this, parameters);
      if (typeof transformer !== "function") return undefined;
      return (tree, file) => {
        const start = performance.now();
        const result = transformer(tree, file);
        times[plugin.name] = (times[plugin.name] ?? 0) + performance.now() - start;
        return result;
      };
    });
  }
  return timed.freeze();
}

function vfileFor(source) {
  return new VFile({ path: source.file, value: "\n".repeat(Math.max(0, source.bodyLine - 1)) + source.body });
}

function round(bodies, processor, commonmark, times) {
  const html = [];
  for (const source of bodies) {
    let start = performance.now();
    commonmark.parse(vfileFor(source));
    times["parse, CommonMark only (reference)"] = (times["parse, CommonMark only (reference)"] ?? 0) + performance.now() - start;
    const file = vfileFor(source);
    start = performance.now();
    const tree = processor.parse(file);
    times["parse (remark-parse + GFM + container directives)"] = (times["parse (remark-parse + GFM + container directives)"] ?? 0) + performance.now() - start;
    const hast = processor.runSync(tree, file);
    start = performance.now();
    html.push(String(processor.stringify(hast, file)).trim());
    times.rehypeStringify = (times.rehypeStringify ?? 0) + performance.now() - start;
  }
  return html;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const args = parseArgs(process.argv.slice(2));
const out = join(ROOT, "bench", ".work", `corpus-${args.issues}`);
ensureCorpus({ issues: args.issues, out, seed: args.seed });
const bodies = loadBodies(out);
const options = { components: DEFAULT_COMPONENTS, basePath: "/" };
const token = "0123456789abcdef";
const commonmark = unified().use(remarkParse).freeze();

const rounds = [];
let html = [];
for (let r = 0; r <= args.rounds; r++) {
  const times = {};
  html = round(bodies, timedProcessor(buildProcessor(options, token), times), commonmark, times);
  if (r > 0) rounds.push(times); // round 0 warms up
}
const render = createMarkdownRenderer(options);
const mismatch = bodies.findIndex((source, i) => {
  const result = render(source);
  return !result.ok || result.body.html !== html[i];
});
if (mismatch !== -1) throw new Error(`the timed processor's HTML differs from the renderer's for ${bodies[mismatch].file}`);

const names = Object.keys(rounds[0]);
const perIssue = Object.fromEntries(names.map((name) => [name, median(rounds.map((t) => t[name] ?? 0)) / bodies.length]));
const total = names.filter((n) => !n.includes("reference")).reduce((sum, n) => sum + perIssue[n], 0);
console.log(`Markdown stage, ${bodies.length} issues, median of ${args.rounds} rounds (ms per issue)`);
for (const name of names) {
  const share = name.includes("reference") ? "" : `  ${((perIssue[name] / total) * 100).toFixed(1).padStart(5)}%`;
  console.log(`${perIssue[name].toFixed(3).padStart(8)}${share}  ${name}`);
}
console.log(`${total.toFixed(3).padStart(8)}          total`);
