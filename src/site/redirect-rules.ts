/** A rule of a `_redirects` file: where it is, its old address, and where it leads. */
export interface RedirectRule {
  line: number;
  column: number;
  /** The line's words, a comment after them left out (see ruleWords). */
  words: readonly string[];
  from: string;
  to: string;
  /** A splat (`*`) or a placeholder (`:name`) in its old address: Cloudflare Pages counts it against its smaller limit. */
  dynamic: boolean;
  /** Its code ends in "!" (`301!`): Netlify applies it where a file is too. */
  forced: boolean;
  /** Its code is 200 (`200`, `200!`): a rewrite, the reader stays at the address and is shown the new one's content. */
  rewrite: boolean;
  /** Its code is 404 (`404`, `404!`): the reader stays at the address and is shown the new one's content as a "not found" page. */
  notFound: boolean;
  /** The word after its new address, its code as written (`301`, `200!`); "" when there is none. */
  code: string;
}

/**
 * The rules of a `_redirects` file as Netlify and Cloudflare Pages read it:
 * one a line, the first word the old address; blank lines and lines that
 * start with `#` are none. A line the host would void (one word) is still
 * counted: which lines a host voids is its own, and a count a little high
 * only warns early.
 */
export function redirectRules(text: string): RedirectRule[] {
  const rules: RedirectRule[] = [];
  text.split("\n").forEach((raw, index) => {
    const line = raw.replace(/\r$/, "");
    const start = line.search(/\S/);
    if (start === -1 || line[start] === "#") return;
    const words = ruleWords(line.slice(start));
    const [from = "", to = "", ...rest] = words;
    const code = (k: string) => rest.some((word) => new RegExp(`^${k}!?$`).test(word));
    rules.push({ line: index + 1, column: start + 1, words, from, to, dynamic: isDynamic(from), forced: rest.some((word) => /^\d+!$/.test(word)), rewrite: code("200"), notFound: code("404"), code: rest[0] ?? "" });
  });
  return rules;
}

/**
 * A rule's words, up to a comment after it: a word starting with "#" past
 * the two addresses starts one (`/a /b 301 # moved`), as Cloudflare Pages
 * reads it; a "#" in an address is a fragment (`/a /b#part`).
 */
function ruleWords(text: string): string[] {
  const words = text.trimEnd().split(/\s+/);
  const comment = words.findIndex((word, i) => i >= 2 && word.startsWith("#"));
  return comment === -1 ? words : words.slice(0, comment);
}

/** As Cloudflare tells them apart: a splat anywhere, or a path segment that starts with ":". */
function isDynamic(from: string): boolean {
  return WILDCARD.test(from);
}

/** A wildcard of an old address: a splat (`*`), or a placeholder (`:name`) that starts a path segment. */
const WILDCARD = /(\*|(?<=^|\/):[A-Za-z_]\w*)/;

/** What the new address calls each wildcard's match, in order: `*` → "splat", `:id` → "id". */
function wildcardNames(from: string): string[] {
  return from.split(WILDCARD).filter((_, i) => i % 2 === 1).map((part) => (part === "*" ? "splat" : part.slice(1)));
}

/** The placeholders of a new address that stand for `names`, longest first, so ":splat" is not read as ":s" followed by "plat". */
function placeholderPattern(names: readonly string[]): RegExp | undefined {
  const byLength = [...new Set(names)].sort((a, b) => b.length - a.length);
  return byLength.length === 0 ? undefined : new RegExp(`:(${byLength.join("|")})(?![A-Za-z0-9_])`, "g");
}

/** Whether the new address uses anything the old one's wildcards matched (`/old/* /issues/:splat`). */
export function carriesMatch(rule: Pick<RedirectRule, "from" | "to">): boolean {
  const placeholders = placeholderPattern(wildcardNames(rule.from));
  return placeholders !== undefined && rule.to.search(placeholders) !== -1;
}

/** An address as hosts match it: "/a" and "/a/" are one address to both, so both have this key. */
export function addressKey(address: string): string {
  return address.replace(/\/+$/, "");
}

/** Whether two addresses are one to the hosts (addressKey). */
export function sameAddress(a: string, b: string): boolean {
  return addressKey(a) === addressKey(b);
}

/**
 * Where a rule sends a reader who asks for `address`, as both hosts match a
 * rule's old address: a splat (`*`) matches any characters, the rest of the
 * path included; a placeholder (`:name`, a whole path segment) matches one
 * segment; the rest is matched as written, a trailing "/" aside. In the new
 * address, `:splat` and each `:name` stand for what they matched.
 * Undefined when the rule does not match.
 */
export function ruleTarget(rule: Pick<RedirectRule, "from" | "to">, address: string): string | undefined {
  return ruleMatcher(rule)(address);
}

/** ruleTarget with the rule's pattern made once, for a rule asked about many addresses (every file of a site). */
export function ruleMatcher(rule: Pick<RedirectRule, "from" | "to">): (address: string) => string | undefined {
  const from = addressKey(rule.from);
  const names = wildcardNames(from);
  const source = from.split(WILDCARD).map((part, i) => {
    if (i % 2 === 0) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    return part === "*" ? "(.*)" : "([^/]+)";
  }).join("");
  const pattern = new RegExp(`^${source}$`, "s");
  const placeholders = placeholderPattern(names);
  return (address) => {
    const found = pattern.exec(addressKey(address));
    if (found === null) return undefined;
    if (placeholders === undefined) return rule.to;
    const values = new Map(names.map((name, i) => [name, found[i + 1] ?? ""]));
    return rule.to.replace(placeholders, (_, name: string) => values.get(name) ?? "");
  };
}
