#!/usr/bin/env node
// Deterministic benchmark corpus for gekkan and its peers (Eleventy, Hugo).
//
//   node bench/corpus.mjs --issues 4000 --out bench/.work/corpus-4000 [--seed 20110701]
//
// Writes into --out:
//   content/issues/YYYY/YYYY-MM-NNNN.md   one file per issue (~4 KB each), read by
//                                         gekkan (--root OUT) and Eleventy (input OUT/content)
//   hugo/                                 a Hugo site whose contentDir is ../content, so Hugo
//                                         reads the very same .md files; minimal layouts
//   gekkan.config.json                    the site's settings, as a real series has them (without one,
//                                         every build warns that the site has no address)
//   corpus.json                           manifest: parameters, file count, bytes, sha256
//
// Every issue is generated from its own PRNG stream (seed, issue number), so the 200-issue
// corpus is byte-for-byte the first 200 issues of the 4000-issue corpus.

import { createHash } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync, existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const GENERATOR_VERSION = 4;
export const DEFAULT_SEED = 20110701;

export function mulberry32(seed) {
  let a = seed >>> 0;
  return function next() {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const TAGS = [
  "pacemaker", "corosync", "heartbeat", "drbd", "drbd-mc", "resource-agents", "cluster-glue",
  "rgmanager", "python-gui", "hawk", "pacemaker-cloud", "linux-ha", "stonith",
];
const COMPONENTS = ["pacemaker", "corosync", "heartbeat", "drbd", "resource-agents", "cluster-glue", "python-gui", "hawk"];
const STATUSES = ["released", "planned", "rc", "announcement"];
const STONITH = [
  { device: "HP iLO3", plugin: "ipmi", vendor: "HP", hardware: "ProLiant DL G7" },
  { device: "IBM IMM", plugin: "ipmi", vendor: "IBM", hardware: "System x3650 M3" },
  { device: "Dell iDRAC6", plugin: "ipmi", vendor: "Dell", hardware: "PowerEdge R710" },
  { device: "NEC EXPRESSSCOPE", plugin: "ipmi", vendor: "NEC", hardware: "Express5800/R120b" },
  { device: "APC AP7920", plugin: "external/rackpdu", vendor: "APC", hardware: "Switched Rack PDU" },
  { device: "Fujitsu iRMC", plugin: "ipmi", vendor: "Fujitsu", hardware: "PRIMERGY RX300 S6" },
];
const JA_SUBJECTS = [
  "Pacemaker", "Corosync", "Heartbeat 3", "DRBD", "リソースエージェント", "STONITH プラグイン",
  "クラスタ管理 GUI", "cluster-glue", "フェイルオーバ機能", "ディスク監視機能", "ネットワーク監視",
];
const JA_PHRASES = [
  "の新しいバージョンがリリースされました。", "の検証作業を進めています。",
  "に関する不具合修正が取り込まれました。", "の設定例をリポジトリに追加しました。",
  "のパッケージを RHEL 6 向けに作成しました。", "について勉強会で発表を行いました。",
  "の動作確認結果をまとめました。", "の日本語マニュアルを更新しました。",
  "に関するメーリングリストでの議論を紹介します。", "の既知の問題と回避策を整理しました。",
];
const JA_TAILS = [
  "詳細は以下をご覧ください。", "ご意見をお待ちしています。", "今後もよろしくお願いします。",
  "次号で続報をお届けします。", "ぜひお試しください。", "",
];
const EN_WORDS = (
  "cluster node resource failover fencing quorum stonith migration constraint colocation " +
  "order primitive clone master slave promote demote monitor timeout interval membership " +
  "ring token heartbeat replication device volume split-brain recovery standby online offline " +
  "configuration release candidate package repository upstream patch regression behaviour " +
  "the a of to and in for with on is was are has been this that we our new update"
).split(" ");

function pick(rand, arr) { return arr[Math.floor(rand() * arr.length)]; }
function int(rand, lo, hi) { return lo + Math.floor(rand() * (hi - lo + 1)); }
function subset(rand, arr, lo, hi) {
  const n = int(rand, lo, hi);
  const pool = arr.slice();
  const out = [];
  for (let i = 0; i < n && pool.length; i++) out.push(pool.splice(Math.floor(rand() * pool.length), 1)[0]);
  return out.sort((a, b) => arr.indexOf(a) - arr.indexOf(b));
}
function version(rand) { return `${int(rand, 1, 3)}.${int(rand, 0, 1)}.${int(rand, 0, 12)}`; }
function enSentence(rand, min = 8, max = 18) {
  const words = [];
  const n = int(rand, min, max);
  for (let i = 0; i < n; i++) words.push(pick(rand, EN_WORDS));
  const s = words.join(" ");
  return s[0].toUpperCase() + s.slice(1) + ".";
}
function enParagraph(rand) {
  const out = [];
  const n = int(rand, 3, 5);
  for (let i = 0; i < n; i++) out.push(enSentence(rand));
  return out.join(" ");
}
function jaParagraph(rand) {
  const out = [];
  const n = int(rand, 2, 4);
  for (let i = 0; i < n; i++) out.push(pick(rand, JA_SUBJECTS) + pick(rand, JA_PHRASES) + pick(rand, JA_TAILS));
  return out.join("");
}

const DAY_MS = 86400000;
const EPOCH = Date.UTC(1990, 0, 1);

const seedFor = (seed, n) => (seed ^ Math.imul(n, 0x9e3779b1)) >>> 0;
const roles = new Map();

/**
 * What file n is, like the real series: an original in Japanese, numbered
 * among the originals, or (about a third of the files) the English
 * translation of the original just before it, published a day later. A
 * file drawn English right after a translation is an original.
 */
function roleOf(seed, n) {
  let list = roles.get(seed);
  if (list === undefined) roles.set(seed, (list = [{ lang: "ja", number: 0 }]));
  for (let k = list.length; k <= n; k++) {
    const prev = list[k - 1];
    const drawnEn = mulberry32(seedFor(seed, k))() >= 0.6;
    list.push(k > 1 && drawnEn && prev.lang === "ja" ? { lang: "en", number: prev.number } : { lang: "ja", number: prev.number + 1 });
  }
  return list[n];
}

/** An issue's facts, drawn in the order the generator always drew them (so a file's other text is what it was). */
function drawFacts(rand) {
  const component = pick(rand, COMPONENTS);
  const ver = version(rand);
  const status = pick(rand, STATUSES);
  const tags = subset(rand, TAGS, 1, 4);
  const stonith = pick(rand, STONITH);
  const qaComponents = subset(rand, COMPONENTS, 1, 2);
  const qaVersions = subset(rand, ["1.0", "1.1", "2.0", "3.0"], 1, 2);
  return { component, ver, status, tags, stonith, qaComponents, qaVersions };
}

/** The facts of original file n, as makeIssue drew them. */
function originalFacts(seed, n) {
  const rand = mulberry32(seedFor(seed, n));
  rand(); // the draw roleOf reads
  return drawFacts(rand);
}

/** Front matter fields + markdown body for file n (1-based). Pure function of (seed, n). */
export function makeIssue(seed, n, targetBytes = 4096) {
  const rand = mulberry32(seedFor(seed, n));
  const date = new Date(EPOCH + (n - 1) * DAY_MS).toISOString().slice(0, 10);
  const [yyyy, mm] = date.split("-");
  rand(); // the draw roleOf reads
  const { lang, number } = roleOf(seed, n);
  const own = drawFacts(rand);
  // A translation states its original's facts (the file before it), as the real series does: drawn facts of its own
  // would be a contradiction gekkan warns about on every English file, which no real series builds with.
  const { component, ver, status, tags, stonith, qaComponents, qaVersions } = lang === "en" ? originalFacts(seed, n - 1) : own;
  const title = lang === "ja"
    ? `Linux-HA Japan 月刊ニュース 第${number}号: ${component} ${ver}`
    : `Linux-HA Monthly #${number}: ${component} ${ver} ${status}`;
  const summary = lang === "ja"
    ? `${component} ${ver} の${status === "released" ? "リリース" : "最新情報"}、${tags.join("・")} の話題をお届けします。`
    : `News on ${component} ${ver} (${status}) and ${tags.join(", ")}.`;

  const parts = [];
  parts.push(lang === "ja" ? "## 今月のトピック" : "## This month", "");
  parts.push(jaParagraph(rand), "", enParagraph(rand), "");
  parts.push(`:::release{component="${component}" version="${ver}" status="${status}"}`);
  parts.push(lang === "ja"
    ? `${component} ${ver} の${status === "planned" ? "リリースを予定しています" : "情報です"}。${pick(rand, JA_TAILS)}`
    : `${component} ${ver}: ${enSentence(rand)}`);
  parts.push(":::", "");
  parts.push("### 変更点 / Changes", "");
  for (let i = 0, k = int(rand, 3, 6); i < k; i++) parts.push(`- ${pick(rand, JA_SUBJECTS)}: ${enSentence(rand, 4, 9)}`);
  parts.push("");
  for (let i = 0, k = int(rand, 2, 4); i < k; i++) parts.push(`${i + 1}. ${enSentence(rand, 4, 10)}`);
  parts.push("");
  parts.push("### 対応バージョン / Versions", "");
  parts.push("| component | version | status | notes |", "| --- | --- | ---: | :--- |");
  for (const c of subset(rand, COMPONENTS, 3, 5)) parts.push(`| ${c} | ${version(rand)} | ${pick(rand, STATUSES)} | ${enSentence(rand, 2, 5)} |`);
  parts.push("");
  parts.push("```sh");
  parts.push(`# ${component} ${ver}`);
  parts.push(`yum install -y ${component}-${ver}`);
  parts.push("crm configure property no-quorum-policy=\"ignore\" stonith-enabled=\"true\"");
  parts.push(`crm_mon -1 -Af | grep -E '${pick(rand, ["Online", "OFFLINE", "Started", "Stopped"])}'`);
  parts.push("```", "");
  parts.push(`:::qa{components="${qaComponents.join(" ")}" versions="${qaVersions.join(" ")}"}`);
  parts.push(lang === "ja" ? `${qaComponents[0]} ${qaVersions[0]} で${pick(rand, JA_SUBJECTS)}を使うにはどうすればよいですか?` : `How do I use ${qaComponents[0]} ${qaVersions[0]} with ${pick(rand, COMPONENTS)}?`);
  parts.push("---");
  parts.push(lang === "ja" ? jaParagraph(rand) : enParagraph(rand));
  parts.push(":::", "");
  parts.push(`:::stonith{device="${stonith.device}" plugin="${stonith.plugin}" vendor="${stonith.vendor}" hardware="${stonith.hardware}"}`);
  parts.push(lang === "ja" ? `${stonith.device} を ${stonith.plugin} プラグインで利用した動作確認の結果です。` : `Verified ${stonith.device} with the ${stonith.plugin} plugin. ${enSentence(rand)}`);
  parts.push(":::", "");
  parts.push(lang === "ja" ? "## その他のお知らせ" : "## Other news", "");
  // pad with alternating ja/en paragraphs (and the odd sub-heading) up to ~targetBytes
  let body = parts.join("\n");
  let i = 0;
  while (Buffer.byteLength(body) < targetBytes - 350) {
    if (i % 3 === 2) body += `\n#### ${enSentence(rand, 2, 4).slice(0, -1)}\n`;
    body += "\n" + (i % 2 === 0 ? jaParagraph(rand) : enParagraph(rand)) + "\n";
    i++;
  }
  const fm = [
    "---",
    `title: ${JSON.stringify(title)}`,
    `issue: ${number}`,
    `date: ${date}`,
    `slug: i-${n}`,
    `summary: ${JSON.stringify(summary)}`,
    `tags: [${tags.join(", ")}]`,
    `lang: ${lang}`,
    "---",
    "",
  ].join("\n");
  const pad = String(n).padStart(4, "0");
  return { n, date, relPath: `content/issues/${yyyy}/${yyyy}-${mm}-${pad}.md`, text: fm + body };
}

// ---- Hugo site (layouts equivalent to the Eleventy/Liquid ones in bench/peers) -------------
const GEKKAN_CONFIG = `${JSON.stringify({
  title: "gekkan bench", description: "A generated series for the benchmark", url: "https://bench.example.org/", lang: "ja", authors: ["bench"],
}, null, 2)}\n`;

const HUGO_CONFIG = `# generated by bench/corpus.mjs
baseURL = "/"
title = "gekkan bench"
languageCode = "ja"
contentDir = "../content"
disableKinds = ["taxonomy", "term", "section", "RSS", "sitemap", "robotsTXT", "404"]
[permalinks]
  issues = "/issues/:slug/"
[markup.goldmark.renderer]
  unsafe = false
`;
const HUGO_BASEOF = `<!doctype html>
<html lang="{{ with .Params.lang }}{{ . }}{{ else }}ja{{ end }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} | {{ site.Title }}{{ end }}</title>
</head>
<body>
<header><a href="/">{{ site.Title }}</a></header>
<main>
{{ block "main" . }}{{ end }}
</main>
</body>
</html>
`;
const HUGO_SINGLE = `{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p class="meta">No. {{ .Params.issue }} &middot; <time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date.Format "2006-01-02" }}</time></p>
<ul class="tags">{{ range .Params.tags }}<li>{{ . }}</li>{{ end }}</ul>
{{ .Content }}
</article>
{{ end }}
`;
const HUGO_INDEX = `{{ define "main" }}
<h1>{{ site.Title }}</h1>
<ol class="issues">
{{ range sort (where site.RegularPages "Section" "issues") "Params.issue" "desc" }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time><p>{{ .Params.summary }}</p></li>
{{ end }}
</ol>
{{ end }}
`;

function sha(s) { return createHash("sha256").update(s).digest("hex"); }

export function generateCorpus({ issues, out, seed = DEFAULT_SEED, targetBytes = 4096, log = () => {} }) {
  const outDir = resolve(out);
  const manifestPath = join(outDir, "corpus.json");
  rmSync(join(outDir, "content"), { recursive: true, force: true });
  rmSync(join(outDir, "hugo"), { recursive: true, force: true });
  const h = createHash("sha256");
  let bytes = 0;
  const dirs = new Set();
  for (let n = 1; n <= issues; n++) {
    const { relPath, text } = makeIssue(seed, n, targetBytes);
    const abs = join(outDir, relPath);
    const d = dirname(abs);
    if (!dirs.has(d)) { mkdirSync(d, { recursive: true }); dirs.add(d); }
    writeFileSync(abs, text);
    bytes += Buffer.byteLength(text);
    h.update(relPath).update("\0").update(text).update("\0");
  }
  writeFileSync(join(outDir, "gekkan.config.json"), GEKKAN_CONFIG);
  const hugo = join(outDir, "hugo");
  mkdirSync(join(hugo, "layouts", "_default"), { recursive: true });
  writeFileSync(join(hugo, "config.toml"), HUGO_CONFIG);
  writeFileSync(join(hugo, "layouts", "_default", "baseof.html"), HUGO_BASEOF);
  writeFileSync(join(hugo, "layouts", "_default", "single.html"), HUGO_SINGLE);
  writeFileSync(join(hugo, "layouts", "index.html"), HUGO_INDEX);
  const manifest = {
    generator: GENERATOR_VERSION, seed, issues, targetBytes,
    files: issues, bytes, avgBytes: Math.round(bytes / Math.max(1, issues)), sha256: h.digest("hex"),
    contentDir: "content", hugoSite: "hugo",
  };
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + "\n");
  log(`corpus: ${issues} issues, ${(bytes / 1048576).toFixed(1)} MiB (avg ${manifest.avgBytes} B), sha256 ${manifest.sha256.slice(0, 12)} -> ${outDir}`);
  return manifest;
}

function textOrNull(path) {
  try { return readFileSync(path, "utf8"); } catch { return null; }
}

/** Reuse an existing corpus when its manifest matches; otherwise (re)generate. */
export function ensureCorpus(opts) {
  const manifestPath = join(resolve(opts.out), "corpus.json");
  if (existsSync(manifestPath)) {
    try {
      const m = JSON.parse(readFileSync(manifestPath, "utf8"));
      if (m.generator === GENERATOR_VERSION && m.seed === (opts.seed ?? DEFAULT_SEED) && m.issues === opts.issues &&
          m.targetBytes === (opts.targetBytes ?? 4096) && existsSync(join(resolve(opts.out), m.hugoSite, "config.toml")) &&
          textOrNull(join(resolve(opts.out), "gekkan.config.json")) === GEKKAN_CONFIG) {
        // repair files left edited by an interrupted run (the bench edits one issue in place)
        let repaired = 0;
        for (let n = 1; n <= m.issues; n++) {
          const { relPath, text } = makeIssue(m.seed, n, m.targetBytes);
          const abs = join(resolve(opts.out), relPath);
          let cur = null;
          try { cur = readFileSync(abs, "utf8"); } catch { /* missing */ }
          if (cur !== text) { mkdirSync(dirname(abs), { recursive: true }); writeFileSync(abs, text); repaired++; }
        }
        return { ...m, reused: true, repaired };
      }
    } catch { /* regenerate */ }
  }
  return generateCorpus(opts);
}

function parseArgs(argv) {
  const args = { issues: 200, out: null, seed: DEFAULT_SEED, targetBytes: 4096 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = () => { const v = argv[++i]; if (v === undefined) throw new Error(`${a} needs a value`); return v; };
    if (a === "--issues") args.issues = Number(val());
    else if (a === "--out") args.out = val();
    else if (a === "--seed") args.seed = Number(val());
    else if (a === "--bytes") args.targetBytes = Number(val());
    else if (a === "-h" || a === "--help") { args.help = true; }
    else throw new Error(`unknown argument: ${a}`);
  }
  if (!Number.isInteger(args.issues) || args.issues < 1) throw new Error("--issues must be a positive integer");
  if (!Number.isInteger(args.seed)) throw new Error("--seed must be an integer");
  return args;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const args = parseArgs(process.argv.slice(2));
    if (args.help) {
      console.log("usage: node bench/corpus.mjs --issues N --out DIR [--seed S] [--bytes TARGET_BYTES_PER_ISSUE]");
    } else {
      const here = dirname(fileURLToPath(import.meta.url));
      const out = args.out ?? join(here, ".work", `corpus-${args.issues}`);
      generateCorpus({ ...args, out, log: (m) => console.log(m) });
    }
  } catch (err) {
    console.error(`corpus: ${err.message}`);
    process.exitCode = 2;
  }
}
