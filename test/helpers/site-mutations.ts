import fc from "fast-check";

/**
 * Mutations of a real site, for the mutated-site fuzzer: each is a plain
 * value (printable in a counterexample) that `applyMutation` carries out on
 * the files of a copied site, given as path → bytes.
 */
export type Files = Map<string, Buffer>;

export const ISSUE_DIR = "content/issues/2011";
export const CONFIG_FILE = "gekkan.config.json";

/** Bytes that break parsers in different ways: control characters, a BOM, a lone surrogate encoded anyway (CESU), bytes that are no UTF-8 at all, full-width and invisible look-alikes. */
const GARBAGE = [
  "\u0000", "\ufeff", "\r", "\r\n", "\t", "\u000b", "\u001b", "\u0085", "\u2028", "\u200b", "\u200d", "\u202e", "\u2066", "\ufffe",
  "：", "－", "［", "］", "｛", "｝", "＃", "＂", "＝", "“", "”", "「", "」", "\\", "<", "&", "\u3000", "🙂", "é", "e\u0301",
].map((s) => Buffer.from(s, "utf8"));
const RAW_BYTES = [[0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf], [0xff], [0xc0, 0xaf], [0xe3, 0x81], [0xf4, 0x90, 0x80, 0x80]].map((b) => Buffer.from(b));

/** Lines an author could write, or almost: block openers and closers, fences, markers, values of every YAML type. */
const LINES = [
  ":::", "::::", ":::release", ':::release{component="pacemaker" status="planned"}', ':::qa{components="pacemaker"}', ":::stonith{device=\"x\" plugin=\"y\" vendor=\"z\"}",
  ':::release{component="pacemaker" status="planned"', ":::nope{}", "：：：", "```", "```sh", "~~~", "---", "- --", "--", "----", "...", "***", "<!--", "-->", "<div>",
  "issue: 0", "issue: -1", "issue: 99999999999999999999", "issue: 1e400", "issue: 1.5", 'issue: "1"', "issue: ", "issue: [1]", "issue: {n: 1}", "issue: null", "issue: true", "issue: ０１",
  "date: 2011-02-30", "date: 2011-13-01", "date: 0000-01-01", "date: 9999-12-31", "date: 2011-04-01T25:00:00", "date: today", 'date: "2011-04-01"', "date: [2011-04-01]", "date: 2011-4-1",
  "title: ", "title: [a, b]", "title: {a: 1}", 'title: "unclosed', "title: 'it''s", "title: a: b", "title: - x", "title: 12", "title: &a x", "title: *a", "title: !!binary AAAA",
  "tags: x", "tags: [a, [b]]", "tags: {}", "tags: [,]", "authors: ", "authors: [1, 2]", "draft: maybe", "draft: 1", "lang: xx", "lang: EN", "lang: ", "slug: ../x", "slug: a/b", "slug: ", "slug: 2011-05",
  "aliases: [/issues/2011-05/]", "aliases: x", "summary: |", "summary: >-", "  indented: 1", "\tkey: tab", "? complex", "<<: *a", "%YAML 1.2", "key: value # comment", "x".repeat(50_000),
  "slug: .", "slug: ..", "slug: index", "slug: feed.xml", "slug: issues", "slug: 2011-04", "slug: CON", "slug: 号外", "slug: a--b", "slug: -a", "aliases: [/]", "aliases: [/issues/]", "aliases: [2011-04]", "aliases: [2011-05, 2011-05]", "aliases: [\"\"]",
  "tags: [\"\", \" \"]", "tags: [a/b, .., c++, タグ]", "tags: [pacemaker, pacemaker]", "ignoreWarnings: [todo]", "ignoreWarnings: [x]", "ignoreWarnings: todo",
  "date: 2011-04-01T00:00:00+14:00", "date: 2011-04-30T23:59:59-12:00", "date: 2011-03-31T20:00:00Z", "date: 10000-01-01", "date: 1969-12-31", "date: 2011-04-01 12:00", "date: 2030-01-01", "date: 2011-04-31",
  'title: "a\\nb"', "title: \"\\u0000\"", "title: \"  \"", "summary: \"**b** [l](/x)\"", "summary: ''", "lang: ja", "lang: en", "lang: zh-Hant", "lang: en-US", "lang: x-klingon", "draft: true", "draft: false",
  "[a](/issues/2011-05/#nope)", "[a](../)", "[a](javascript:alert(1))", "[a](data:text/html,x)", "[a](%E3%8)", "[a](/%zz)", "[a](http://[::1)", "[a](http://x:99999/)", "[a](<>)", "[a](#)", "[a](?q)", "[a](//evil)", "<http://例え.jp>", "[a]: <> \"t\"",
  "![](/images/linux-ha-stack.svg)", "![](missing.png)", "![](http://)", "![](/images/%ff.png)", "![](</images/a b.png>)", "![x](/images/share.png \"t\")", "![](/images/share.png#x)", "![](/favicon.svg?x)",
  '<img src="/images/share.png" width="abc">', '<img srcset=", ,">', '<picture><source srcset="/images/linux-ha-stack.svg"><img src="/images/share.png"></picture>', '<a href="">x</a>', '<a name="x">y</a>',
  "<table><tr><th colspan=0>x</th></tr></table>", "<svg><a href=x>y</a></svg>", "<math><mi>x</mi></math>", "<template>x</template>", "<iframe src=x></iframe>", '<base href="/x/">', '<h2 id="">x</h2>', '<h2 id="pacemaker-1-0-11">x</h2>', "<details><summary>x",
  ':::release{#pacemaker-1-0-11 component="pacemaker" status="planned"}', ':::release{component="pacemaker" component="corosync" status="planned"}', ':::release{component="pacemaker" version="１.０" status="planned"}', ':::release{component="nope" status="planned"}',
  ':::release{component="pacemaker" status="weird"}', ':::qa{#}', ':::qa{.class components="pacemaker"}', ':::qa{#a #b components="pacemaker"}', ":::qa{components=\"\"}", ':::stonith{device=" " plugin="A/B" vendor="v"}', "? question", "?", "---\n---", "## 質問",
  "title 第1号", "title:第1号", "title: [draft] 第1号", 'title: "Pacemaker" リリース', "title: @x", "title: `x`", "title: %x", "title: * x", "title: |x", "summary: 注意: 再起動", "- x", "本文の書き出し", 'title: "C:\\q"', "tags: [a,, b]", "tags: [a]]", "  - b",
  "updated: 2011-03-01", "updated: 2011-04-01", "updated: 2031-01-01", "updated: x", "updated: [2011-05-01]", "authors: [\"\"]", "authors: [a, a]", "authors: \"a, b\"",
  "## Pacemaker まわりの主なコンポーネントと中心メンバー", "## {#pacemaker-1-0-11}", "# h1 in body", "###### h6", "[^1]: note", "[^1]", "[x][y]", "[y]: /issues/2011-09/", "![](/images/none.png)", "<img src=x onerror=alert(1)>", "<script>alert(1)</script>", "{#id}", "## {#x}", "# ", "| a |\n| - |", "$$", "\\",
];

/** Quote pairs an input method or a word processor puts in place of `"`. */
const QUOTES: ReadonlyArray<readonly [string, string]> = [["“", "”"], ["「", "」"], ["＂", "＂"], ["'", "'"], ["", ""], ["\"", ""]];

/** Issue file names another file could be given: other months, a clash, a language, nonsense. */
const NAMES = ["2011-04.md", "2011-05.md", "2011-07.md", "2011-13.md", "2012-04.md", "2011-04.en.md", "2011-05.en.md", "2011-04.fr.md", "2011-04.EN.md", "2011-04.ja.md", "2011-4.md", "x.md", "2011-04.md.md", "2011-04 .md", "２０１１-０４.md"];

export type Mutation =
  | { kind: "insert"; raw: boolean; file: number; at: number; bytes: number[] }
  | { kind: "delete"; raw: boolean; file: number; at: number; length: number }
  | { kind: "duplicate"; raw: boolean; file: number; at: number; length: number; to: number }
  | { kind: "swap"; raw: boolean; file: number; a: number; b: number; length: number }
  | { kind: "line"; file: number; at: number; action: "delete" | "duplicate" | "insert" | "replace"; text: string }
  | { kind: "quotes"; file: number; open: string; close: string }
  | { kind: "rename"; file: number; name: string; keep: boolean }
  | { kind: "remove"; file: number }
  | { kind: "config"; key: string; value: unknown };

const position = fc.nat({ max: 20_000 });
const file = fc.nat({ max: 15 });
/** Mostly false: see characterStart. */
const rarely = fc.nat({ max: 7 }).map((n) => n === 0);

const insertBytes = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...GARBAGE).map((b) => [...b]) },
  fc.constantFrom(...RAW_BYTES).map((b) => [...b]),
  fc.uint8Array({ minLength: 1, maxLength: 12 }).map((b) => [...b]),
  fc.string({ unit: "binary", maxLength: 12 }).map((s) => [...Buffer.from(s, "utf8")]),
  { weight: 4, arbitrary: fc.constantFrom(...LINES).map((s) => [...Buffer.from(`\n${s}\n`, "utf8")]) },
);

/** Values for the config, each kind the schema reads: mostly near what it expects, else any JSON value. */
const CONFIG_CHANGES: ReadonlyArray<readonly [string, unknown]> = [
  ["lang", "en"], ["lang", "xx"], ["lang", "EN"], ["lang", ""], ["languages", {}], ["languages", { ja: { title: "t" } }], ["languages.fr", { title: "t" }], ["languages.en.title", ""], ["languages.en.email", { from: "x@example.org" }],
  ["languages.en.authors", []], ["url", "https://example.org/sub/dir/"], ["url", "http://localhost:8080"], ["url", "https://例え.jp/"], ["url", "foo"], ["components", ["pacemaker"]], ["components", ["x", "x"]], ["components", ["Ｘ"]],
  ["componentNames", { pacemaker: "P" }], ["componentNames", { nope: "n" }], ["componentNames", { pacemaker: "" }], ["redirects", "netlify"], ["redirects", "cloudflare"], ["redirects", "apache"], ["searchShardSize", 1], ["feedItems", 1], ["feedItems", 0],
  ["feedIdBase", "https://old.example/"], ["feedIdBase", "x"], ["image", "missing.png"], ["image", "../x.png"], ["image", "/images/linux-ha-stack.svg"], ["favicon", "images/share.png"], ["favicon", ""], ["email", {}], ["email.from", "x"], ["email.from", "Ｘ ＜x＠example.org＞"],
  ["email.listUnsubscribe", "leave@example.org"], ["email.listUnsubscribe", ["mailto:a@example.org", "https://example.org/u"]], ["email.listUnsubscribeOneClick", true], ["email.replyTo", "r@example.org"], ["ignoreWarnings", ["todo", "nope"]],
  ["timeZone", "Pacific/Kiritimati"], ["timeZone", "Etc/GMT+12"], ["timeZone", "Asia/Tokyo"], ["timeZone", "+09:00"], ["timeZone", "Mars/Base"], ["limits", { issueBytes: 100 }], ["limits", { frontMatterKeys: 1 }], ["limits", { nestingDepth: 1 }],
  ["limits", { yamlAliases: 0 }], ["limits", { inlineMarkers: 1 }], ["limits", { issueBytes: 1e12 }], ["search", "yes"], ["title", "  "], ["authors", []], ["authors", [""]], ["unknown", 1],
];
const configChange = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...CONFIG_CHANGES).map(([key, value]) => ({ key, value })) },
  fc.record({ key: fc.constantFrom(...CONFIG_CHANGES.map(([key]) => key)), value: fc.jsonValue({ maxDepth: 2 }) }),
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("insert" as const), raw: rarely, file, at: position, bytes: insertBytes }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("delete" as const), raw: rarely, file, at: position, length: fc.integer({ min: 1, max: 200 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("duplicate" as const), raw: rarely, file, at: position, length: fc.integer({ min: 1, max: 400 }), to: position }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("swap" as const), raw: rarely, file, a: position, b: position, length: fc.integer({ min: 1, max: 300 }) }) },
  { weight: 5, arbitrary: fc.record({ kind: fc.constant("line" as const), file, at: fc.oneof(fc.nat({ max: 11 }), fc.nat({ max: 140 })), action: fc.constantFrom("delete" as const, "duplicate" as const, "insert" as const, "replace" as const), text: fc.constantFrom(...LINES) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("quotes" as const), file, open: fc.constantFrom(...QUOTES.map(([o]) => o)), close: fc.constantFrom(...QUOTES.map(([, c]) => c)) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("rename" as const), file, name: fc.constantFrom(...NAMES), keep: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("remove" as const), file }) },
  { weight: 1, arbitrary: configChange.map((change) => ({ kind: "config" as const, ...change })) },
);

export const mutations = fc.array(mutation, { minLength: 1, maxLength: 3 });

/** The issue files, in a fixed order, so that `file: n` names one whatever the platform lists first. */
function issuePaths(files: Files): string[] {
  return [...files.keys()].filter((path) => path.startsWith("content/")).sort();
}

/** Carries out `m` on `files` (in place). A mutation that no longer fits (its file removed) does nothing. */
export function applyMutation(files: Files, m: Mutation): void {
  if (m.kind === "config") return setConfig(files, m.key, m.value);
  const paths = issuePaths(files);
  if (paths.length === 0) return;
  const path = paths[m.file % paths.length] ?? "";
  const bytes = files.get(path) ?? Buffer.alloc(0);
  if (m.kind === "remove") files.delete(path);
  else if (m.kind === "rename") {
    if (!m.keep) files.delete(path);
    files.set(`${ISSUE_DIR}/${m.name}`, bytes);
  } else files.set(path, changedBytes(bytes, m));
}

function changedBytes(bytes: Buffer, m: Exclude<Mutation, { kind: "config" | "remove" | "rename" }>): Buffer {
  if (m.kind === "line") return Buffer.from(changedLines(bytes.toString("latin1"), m), "latin1");
  if (m.kind === "quotes") return Buffer.from(bytes.toString("utf8").replace(/"([^"\n]*)"/g, (_all, inner: string) => `${m.open}${inner}${m.close}`), "utf8");
  const at = (n: number) => characterStart(bytes, Math.min(n, bytes.length), m.raw);
  const start = (n: number) => at(bytes.length === 0 ? 0 : n % (bytes.length + 1));
  const cat = (...parts: Array<[number, number]>) => Buffer.concat(parts.map(([from, to]) => bytes.subarray(from, to)));
  const end = bytes.length;
  switch (m.kind) {
    case "insert":
      return Buffer.concat([bytes.subarray(0, start(m.at)), Buffer.from(m.bytes), bytes.subarray(start(m.at))]);
    case "delete":
      return cat([0, start(m.at)], [at(start(m.at) + m.length), end]);
    case "duplicate":
      return cat([0, start(m.to)], [start(m.at), at(start(m.at) + m.length)], [start(m.to), end]);
    case "swap": {
      const [a, b] = [start(m.a), start(m.b)].sort((x, y) => x - y) as [number, number];
      const [aEnd, bEnd] = [Math.min(at(a + m.length), b), at(b + m.length)];
      return cat([0, a], [b, bEnd], [aEnd, b], [a, aEnd], [bEnd, end]);
    }
  }
}

/**
 * The start of the character at `at` (raw: `at` itself): a cut through a
 * Japanese character makes bytes that are no UTF-8, which gekkan refuses
 * at once, so most cuts keep characters whole to reach what lies beyond.
 */
function characterStart(bytes: Buffer, at: number, raw: boolean): number {
  let start = at;
  while (!raw && start < bytes.length && ((bytes[start] ?? 0) & 0xc0) === 0x80) start++;
  return start;
}

/** Line edits on the bytes read as latin1, so that bytes that are no UTF-8 pass through as they were. */
function changedLines(text: string, m: Extract<Mutation, { kind: "line" }>): string {
  const lines = text.split("\n");
  const at = m.at % (lines.length + 1);
  const added = Buffer.from(m.text, "utf8").toString("latin1");
  if (m.action === "delete") lines.splice(at, 1);
  else if (m.action === "duplicate") lines.splice(at, 0, lines[at] ?? "");
  else if (m.action === "insert") lines.splice(at, 0, added);
  else lines.splice(at, 1, added);
  return lines.join("\n");
}

/** Sets a (dotted) key of the config to `value`, or, when the config is no longer JSON, appends the pair as text. */
function setConfig(files: Files, key: string, value: unknown): void {
  const text = files.get(CONFIG_FILE)?.toString("utf8") ?? "{}";
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch {
    files.set(CONFIG_FILE, Buffer.from(`${text}\n"${key}": ${JSON.stringify(value)}`, "utf8"));
    return;
  }
  if (typeof config !== "object" || config === null) return;
  const parts = key.split(".");
  let target = config as Record<string, unknown>;
  for (const part of parts.slice(0, -1)) {
    const next = target[part];
    if (typeof next !== "object" || next === null) target[part] = {};
    target = target[part] as Record<string, unknown>;
  }
  target[parts.at(-1) ?? key] = value;
  files.set(CONFIG_FILE, Buffer.from(`${JSON.stringify(config, null, 2)}\n`, "utf8"));
}
