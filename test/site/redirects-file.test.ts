/**
 * With config `redirects`, a build also writes `_redirects`, so Netlify or
 * Cloudflare Pages answers an alias's old address with a real 301. The
 * oracle is each host's documented format, parsed here as the host does:
 * a rule per line, `#` lines skipped, 2 or 3 whitespace-separated tokens,
 * the first rule for a path wins; Cloudflare takes the code as a number
 * (301, 302 by default, 303, 307, 308, 200; anything else voids the line)
 * and applies rules before files; Netlify takes `301!` as a forced 301,
 * the only kind it applies where a file is, and an alias page is one.
 * Built with the real CLI, under the base path of the site's address.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureCompiled, runCli } from "../helpers/run-cli.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

interface Rule {
  from: string;
  to: string;
  status: number;
  force: boolean;
}

/** A _redirects file as the host reads it: its rules, and the lines it would void. */
function parseRedirects(text: string, host: "netlify" | "cloudflare"): { rules: Rule[]; void: string[] } {
  const rules: Rule[] = [];
  const voided: string[] = [];
  const seen = new Set<string>();
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const tokens = line.split(/\s+/);
    const [from = "", to = "", code = host === "cloudflare" ? "302" : "301"] = tokens;
    const match = host === "cloudflare" ? /^(\d+)$/.exec(code) : /^(\d+)(!?)$/.exec(code);
    const status = Number(match?.[1]);
    if (tokens.length < 2 || tokens.length > 3 || match === null || ![200, 301, 302, 303, 307, 308].includes(status) || !from.startsWith("/")) {
      voided.push(line);
      continue;
    }
    if (seen.has(from)) continue;
    seen.add(from);
    rules.push({ from, to, status, force: match[2] === "!" });
  }
  return { rules, void: voided };
}

describe("config redirects: a _redirects file beside the alias pages", () => {
  let dir: TempDir;
  const config = (redirects?: string) => `${JSON.stringify({ title: "テスト月刊", url: "https://example.org/news/", authors: ["編集部"], ...(redirects === undefined ? {} : { redirects }) })}\n`;
  beforeAll(() => {
    ensureCompiled();
    dir = tempSite({
      // Issue 1's aliases come after issue 2's in the order of addresses: the file is in that order, not the issues'.
      "content/issues/2011/2011-04.md": issue({ title: "創刊号", issue: 1, date: "2011-04-01", slug: "sokan" }).replace("slug: \"sokan\"", "slug: sokan\naliases: [zz-old, 2011-04]"),
      "content/issues/2011/2011-05.md": issue({ title: "五月号", issue: 2, date: "2011-05-01" }).replace("issue: 2", "issue: 2\naliases: [aa-old]"),
    });
  }, 300_000);
  afterAll(() => dir.remove());

  const buildWith = async (redirects?: string) => {
    writeFileSync(join(dir.path, "gekkan.config.json"), config(redirects));
    const result = await runCli(["build", "--no-cache", "--no-search", "--quiet"], { cwd: dir.path });
    expect(result.code, result.stderr).toBe(0);
    const file = join(dir.path, "dist", "_redirects");
    return existsSync(file) ? readFileSync(file, "utf8") : undefined;
  };

  const MOVES = [
    ["/news/issues/2011-04/", "/news/issues/sokan/"],
    ["/news/issues/aa-old/", "/news/issues/2011-05/"],
    ["/news/issues/zz-old/", "/news/issues/sokan/"],
  ] as const;

  it.each([
    ["cloudflare", 301, false],
    ["netlify", 301, true],
  ] as const)("%s: each old address moves to the issue with a 301 the host applies over the alias page, under the base path", async (host, status, force) => {
    const text = await buildWith(host);
    if (text === undefined) throw new Error("no dist/_redirects");
    const parsed = parseRedirects(text, host);
    expect(parsed.void).toEqual([]);
    expect(parsed.rules).toEqual(MOVES.map(([from, to]) => ({ from, to, status, force })));
    // Every rule leads from an alias page gekkan wrote to an issue page it wrote (the base path is the served folder).
    for (const rule of parsed.rules) {
      expect(existsSync(join(dir.path, "dist", rule.from.slice("/news/".length), "index.html")), rule.from).toBe(true);
      expect(existsSync(join(dir.path, "dist", rule.to.slice("/news/".length), "index.html")), rule.to).toBe(true);
    }
    // The same bytes every time.
    expect(await buildWith(host)).toBe(text);
  }, 60_000);

  it("not asked for, no file: GitHub Pages would publish it as a page", async () => {
    expect(await buildWith()).toBeUndefined();
    expect(existsSync(join(dir.path, "dist", "issues", "aa-old", "index.html"))).toBe(true);
  }, 60_000);
});
