/**
 * Config `email.subscribe`: where readers sign up for the emailed issues,
 * linked in every page's footer and under the newest issue on the home page,
 * and in each issue's email (for a reader it was forwarded to), in each
 * edition's words, an edition's own (`languages.<lang>.email`)
 * replacing the site's; Japanese in it percent-encoded once, as a browser
 * sends it; no link at all without it; a value that is no address is an
 * error at its place with what to write. Oracles: the addresses and words
 * written here by hand (the encoded forms worked out from the UTF-8 bytes).
 * Built with the real CLI.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureCompiled, runCli } from "../helpers/run-cli.js";
import { attr, byTag, parseHtml, textContent, type Element } from "../helpers/html.js";
import { issue, tempSite, writeFiles, type TempDir } from "../helpers/temp-site.js";

/** Whether an ancestor of `el` is one `test` picks. */
function within(el: Element, test: (el: Element) => boolean): boolean {
  for (let node: unknown = el.parentNode; node !== null && typeof node === "object" && "tagName" in node; node = (node as Element).parentNode) {
    if (test(node as Element)) return true;
  }
  return false;
}

describe("config email.subscribe: the sign-up link on the site", () => {
  let dir: TempDir;
  beforeAll(() => {
    ensureCompiled();
    dir = tempSite({
      "content/issues/2011/2011-04.md": issue({ title: "創刊号", issue: 1, date: "2011-04-01" }),
      "content/issues/2011/2011-04.en.md": issue({ title: "First issue", issue: 1, date: "2011-04-01", lang: "en" }, "Text.\n"),
    });
  }, 300_000);
  afterAll(() => dir.remove());

  const build = async (email: Record<string, unknown> | undefined, languages: Record<string, unknown> = {}, cache = false) => {
    const config = { title: "テスト月刊", url: "https://example.org/", authors: ["編集部"], lang: "ja", languages: { en: { title: "Test Monthly", ...languages } }, ...(email === undefined ? {} : { email }) };
    writeFiles(dir.path, { "gekkan.config.json": `${JSON.stringify(config, null, 2)}\n` });
    return runCli(["build", ...(cache ? [] : ["--no-cache"]), "--no-search", "--quiet"], { cwd: dir.path });
  };
  // The email's text part wraps long lines: compared with its whitespace as one space.
  const text = (path: string) => readFileSync(join(dir.path, "dist", path), "utf8").replace(/\s+/g, " ");
  const page = (path: string) => parseHtml(readFileSync(join(dir.path, "dist", path), "utf8"));
  /** The links to `href` on a page: [where it is, its words]. */
  const linksTo = (path: string, href: string) =>
    byTag(page(path), "a")
      .filter((a) => attr(a, "href") === href)
      .map((a) => [within(a, (el) => el.tagName === "footer") ? "footer" : within(a, (el) => attr(el, "class") === "latest") ? "latest" : "elsewhere", textContent(a)]);

  it("is in every page's footer and under the newest issue on the home page, in the page's language; Japanese in it percent-encoded", async () => {
    const run = await build({ subscribe: "https://example.org/登録?from=サイト" });
    expect(run.code, run.stderr).toBe(0);
    const href = "https://example.org/%E7%99%BB%E9%8C%B2?from=%E3%82%B5%E3%82%A4%E3%83%88";
    expect(linksTo("index.html", href)).toEqual([["latest", "メールで購読する"], ["footer", "メールで購読する"]]);
    expect(linksTo("issues/2011-04/index.html", href)).toEqual([["footer", "メールで購読する"]]);
    expect(linksTo("archive/index.html", href)).toEqual([["footer", "メールで購読する"]]);
    expect(linksTo("en/index.html", href)).toEqual([["latest", "Subscribe by email"], ["footer", "Subscribe by email"]]);
    expect(linksTo("en/issues/2011-04/index.html", href)).toEqual([["footer", "Subscribe by email"]]);
  }, 120_000);

  it("an edition's own subscribe replaces the site's on its pages only; a mailto: works as well", async () => {
    const run = await build({ subscribe: "mailto:join@example.org?subject=購読" }, { email: { subscribe: "https://example.org/en/join" } });
    expect(run.code, run.stderr).toBe(0);
    const ja = "mailto:join@example.org?subject=%E8%B3%BC%E8%AA%AD";
    expect(linksTo("index.html", ja)).toHaveLength(2);
    expect(linksTo("en/index.html", ja)).toEqual([]);
    expect(linksTo("en/index.html", "https://example.org/en/join")).toEqual([["latest", "Subscribe by email"], ["footer", "Subscribe by email"]]);
  }, 120_000);

  it("each issue's email offers it to a reader the issue was forwarded to, in the email's language, in both parts; a cached build follows a change of it", async () => {
    const first = await build({ subscribe: "https://example.org/join" }, { email: { subscribe: "https://example.org/en/join" } }, true);
    expect(first.code, first.stderr).toBe(0);
    const jaLinks = byTag(parseHtml(text("issues/2011-04/email.html")), "a").filter((a) => attr(a, "href") === "https://example.org/join");
    expect(jaLinks.map((a) => textContent(a))).toEqual(["メールで購読する"]);
    expect(text("issues/2011-04/email.txt")).toContain("転送で届きましたか？ メールで購読する <https://example.org/join>");
    expect(text("en/issues/2011-04/email.txt")).toContain("Was this forwarded to you? Subscribe by email <https://example.org/en/join>");
    const moved = await build({ subscribe: "https://example.org/signup" }, { email: { subscribe: "https://example.org/en/join" } }, true);
    expect(moved.code, moved.stderr).toBe(0);
    expect(text("issues/2011-04/email.txt")).toContain("メールで購読する <https://example.org/signup>");
    expect(text("issues/2011-04/index.html")).toContain('href="https://example.org/signup"');
    expect(text("issues/2011-04/index.html")).not.toContain('href="https://example.org/join"');
    const none = await build(undefined, {}, true);
    expect(none.code, none.stderr).toBe(0);
    expect(text("issues/2011-04/email.txt")).not.toContain("転送で届きましたか");
  }, 120_000);

  it("without it, no page links to a sign-up, and the words are nowhere", async () => {
    const run = await build(undefined);
    expect(run.code, run.stderr).toBe(0);
    for (const path of ["index.html", "en/index.html", "issues/2011-04/index.html"]) {
      const html = readFileSync(join(dir.path, "dist", path), "utf8");
      expect(html).not.toContain("メールで購読する");
      expect(html).not.toContain("Subscribe by email");
      expect(html).not.toContain('class="subscribe"');
    }
  }, 120_000);

  it("a value that is no address is an error at it, saying what to write; nothing is built", async () => {
    const run = await build({ subscribe: "example.org/join" }, { email: { subscribe: "join@example.org" } });
    expect(run.code).toBe(1);
    const text = readFileSync(join(dir.path, "gekkan.config.json"), "utf8").split("\n");
    const at = (value: string) => {
      const line = text.findIndex((l) => l.includes(value));
      return `gekkan.config.json:${line + 1}:${text[line]!.indexOf(value) + 1}`;
    };
    expect(run.stderr).toContain(`${at('"example.org/join"')}  `);
    expect(run.stderr).toContain('write "https://example.org/join"');
    expect(run.stderr).toContain(`${at('"join@example.org"')}  `);
    expect(run.stderr).toContain('write "mailto:join@example.org"');
    expect(run.stderr).not.toMatch(/\n\s+at /);
  }, 120_000);
});
