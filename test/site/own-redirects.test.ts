/**
 * An author's own public/_redirects with config `redirects`: one file, the
 * author's lines first and unchanged, then gekkan's alias rules (Netlify and
 * Cloudflare Pages both apply the first rule that matches, so the author's
 * win); a rule of theirs for an alias's address is a warning at its line,
 * and so is one over a page or file the site publishes, where the host
 * applies it over the file (Cloudflare: any rule; Netlify: a forced one);
 * with Cloudflare, a file past Cloudflare Pages' limits (2,000 static and
 * 100 dynamic rules, every rule after the first with a * or :name counted
 * as dynamic: developers.cloudflare.com/pages/configuration/redirects/) is
 * an error. Oracles: the bytes written here, gekkan's lines written out by
 * hand, the counts worked out here from the rules the test wrote, and the
 * site's pages listed by hand from the issues it wrote.
 * Built with the real CLI.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureCompiled, runCli } from "../helpers/run-cli.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

const GEKKAN_LINES = (code: string) => ["/news/issues/2011-04/ /news/issues/sokan/", "/news/issues/aa-old/ /news/issues/2011-05/", "/news/issues/zz-old/ /news/issues/sokan/"].map((line) => `${line} ${code}\n`).join("");
const header = (host: string) => `# Written by gekkan build (config "redirects": "${host}"): the old address of each issue (front matter aliases) moved to its address now.\n`;

describe("config redirects with an author's own public/_redirects", () => {
  let dir: TempDir;
  const config = (redirects?: string, extra: Record<string, unknown> = {}) => `${JSON.stringify({ title: "テスト月刊", url: "https://example.org/news/", authors: ["編集部"], ...(redirects === undefined ? {} : { redirects }), ...extra })}\n`;
  beforeAll(() => {
    ensureCompiled();
    dir = tempSite({
      "content/issues/2011/2011-04.md": issue({ title: "創刊号", issue: 1, date: "2011-04-01", slug: "sokan" }).replace('slug: "sokan"', "slug: sokan\naliases: [zz-old, 2011-04]"),
      "content/issues/2011/2011-05.md": issue({ title: "五月号", issue: 2, date: "2011-05-01" }).replace("issue: 2", "issue: 2\naliases: [aa-old]"),
    });
  }, 300_000);
  afterAll(() => dir.remove());

  const build = async (own: string | undefined, configText: string) => {
    writeFileSync(join(dir.path, "gekkan.config.json"), configText);
    const ownPath = join(dir.path, "public", "_redirects");
    rmSync(ownPath, { force: true });
    if (own !== undefined) writeFiles(ownPath, own);
    const result = await runCli(["build", "--no-cache", "--no-search", "--quiet"], { cwd: dir.path });
    const file = join(dir.path, "dist", "_redirects");
    return { ...result, written: result.code === 0 && existsSync(file) ? readFileSync(file, "utf8") : undefined };
  };

  it("the author's lines come first, byte for byte (a last line without its newline too), then gekkan's; the same bytes every time", async () => {
    const own = "# my old blog\r\n/blog/*  /news/:splat  301\r\n/go  https://example.com/x 302";
    const first = await build(own, config("cloudflare"));
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toBe("");
    expect(first.written).toBe(`${own}\n${header("cloudflare")}${GEKKAN_LINES("301")}`);
    expect((await build(own, config("cloudflare"))).written).toBe(first.written);
    const netlify = await build(`${own}\n`, config("netlify"));
    expect(netlify.written).toBe(`${own}\n${header("netlify")}${GEKKAN_LINES("301!")}`);
  }, 60_000);

  it("redirects off: public/_redirects is published as it is, as any public file", async () => {
    const own = "/a /b 301\n";
    const result = await build(own, config());
    expect(result.code, result.stderr).toBe(0);
    expect(result.written).toBe(own);
  }, 60_000);

  it("a rule of the author's for an alias's old address is a warning at its place, naming the issue, and can be ignored", async () => {
    const own = "/keep /kept 301\n\n  /news/issues/aa-old   /elsewhere/ 302\n";
    const result = await build(own, config("cloudflare"));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain("public/_redirects:3:3  warning: /news/issues/aa-old is an old address of issue 2 (content/issues/2011/2011-05.md, front matter aliases), and gekkan's rule for it, to /news/issues/2011-05/, comes after this one in _redirects: this rule is the one applied, sending readers to /elsewhere/;");
    expect(result.stderr).toContain('"ignoreWarnings": ["redirects-alias"]');
    expect(result.written).toBe(`${own}${header("cloudflare")}${GEKKAN_LINES("301")}`);
    // Netlify applies a rule that is not forced only where no file is: the warning says so, unless the rule is forced.
    const netlify = await build(own, config("netlify"));
    expect(netlify.stderr).toContain('this rule is the one applied (on Netlify only once forced with a "!" after its code, as gekkan\'s alias page is a file there), sending readers to /elsewhere/;');
    const forced = await build(own.replace("302", "302!"), config("netlify"));
    expect(forced.stderr).toContain("public/_redirects:3:3  warning: /news/issues/aa-old is an old address of issue 2");
    expect(forced.stderr).toContain("this rule is the one applied, sending readers to /elsewhere/;");
    // A rewrite (200) sends nobody anywhere: the reader stays at the old address and is shown the rule's target.
    const rewrite = await build(own.replace("302", "200"), config("cloudflare"));
    expect(rewrite.stderr).toContain("this rule is the one applied, showing readers /elsewhere/ at the old address;");
    const ignored = await build(own, config("cloudflare", { ignoreWarnings: ["redirects-alias"] }));
    expect(ignored.code, ignored.stderr).toBe(0);
    expect(ignored.stderr).toBe("");
  }, 60_000);

  it("a rule with a * or :name that covers aliases' old addresses is one warning at its line, naming the first and counting the rest; one that covers none, or sends them to their issue, is none", async () => {
    // The rule hides the issue pages too: that is redirects-page's to say (below), not this warning's.
    const splat = await build("/blog/* /news/:splat 301\n/news/issues/* /old-news/:splat 302\n", config("cloudflare", { ignoreWarnings: ["redirects-page"] }));
    expect(splat.code, splat.stderr).toBe(0);
    // The aliases' old addresses, in the order gekkan writes them: 2011-04 (issue 1), aa-old (issue 2), zz-old (issue 1).
    expect(splat.stderr).toContain(`public/_redirects:2:1  warning: /news/issues/* covers /news/issues/2011-04/, an old address of issue 1 (content/issues/2011/2011-04.md, front matter aliases) (and 2 other aliases), and gekkan's rule for it, to /news/issues/sokan/, comes after this one in _redirects: this rule is the one applied, sending readers to /old-news/2011-04; to send them to the issue, put the line "/news/issues/2011-04/ /news/issues/sokan/ 301" above this one (a line for each alias), or narrow this rule;`);
    expect(splat.stderr.match(/warning:/g)).toHaveLength(1);
    const placeholder = await build("/news/issues/:old/ /gone/:old/ 301!\n", config("netlify"));
    expect(placeholder.stderr).toContain(`public/_redirects:1:1  warning: /news/issues/:old/ covers /news/issues/2011-04/, an old address of issue 1 (content/issues/2011/2011-04.md, front matter aliases) (and 2 other aliases), and gekkan's rule for it, to /news/issues/sokan/, comes after this one in _redirects: this rule is the one applied, sending readers to /gone/2011-04/; to send them to the issue, put the line "/news/issues/2011-04/ /news/issues/sokan/ 301!" above this one (a line for each alias), or narrow this rule;`);
    // Only aa-old is covered (the other aliases do not start with "a").
    const one = await build("/news/issues/a* /elsewhere/ 301\n", config("cloudflare"));
    expect(one.stderr).toContain("public/_redirects:1:1  warning: /news/issues/a* covers /news/issues/aa-old/, an old address of issue 2 (content/issues/2011/2011-05.md, front matter aliases), and gekkan's rule for it, to /news/issues/2011-05/,");
    // Sent where gekkan's rule sends them: the line the warning proposes, exact or with a splat, is no conflict.
    const same = await build("/news/issues/aa-old/ /news/issues/2011-05/ 301\n/news/issues/zz-* /news/issues/sokan/ 301\n/news/issues/2011-04/ /news/issues/sokan/ 301\n", config("cloudflare"));
    expect(same.code, same.stderr).toBe(0);
    expect(same.stderr).toBe("");
  }, 60_000);

  // Under /news/issues/, worked out by hand: the pages of 2011-05 and sokan, an email.html and email.txt beside each;
  // the aliases' pages are redirects-alias's. Named first by address: 2011-05's page.
  const pageWarning = (place: string, host: "cloudflare" | "netlify", rest: string) => {
    const applied = host === "cloudflare" ? "Cloudflare Pages follows a rule of _redirects whether or not a file is at its address" : 'the "!" after its code makes Netlify apply it where a file is too';
    return `public/_redirects:${place}  warning: /news/issues/* covers 6 pages and files this site publishes (/news/issues/2011-05/ and 5 others), and ${applied}: readers asking for /news/issues/2011-05/ are sent to /old/2011-05 instead, and so on for the others; ${rest}\n`;
  };
  const pageHint = 'gekkan: if you mean this, stop the warning in gekkan.config.json with "ignoreWarnings": ["redirects-page"]\n';
  const aliasesOff = { ignoreWarnings: ["redirects-alias"] };

  it("cloudflare: a rule of the author's that covers pages of the site is one warning at its line, naming the first and counting the rest", async () => {
    const result = await build("# old site\n/blog/* /news/:splat 301\n  /news/issues/* /old/:splat 301\n", config("cloudflare", aliasesOff));
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe(pageWarning("3:3", "cloudflare", "narrow the rule to addresses the site no longer has, or remove it") + pageHint);
    // An exact address of a page, and a file of public/ (copied after the rules were read).
    const media = join(dir.path, "public", "media", "talk.pdf");
    writeFiles(media, "%PDF-1.4\n");
    try {
      const exact = await build("/news/archive /elsewhere/ 302\n/news/media/* https://cdn.example.org/:splat 301\n", config("cloudflare"));
      expect(exact.code, exact.stderr).toBe(0);
      expect(exact.stderr).toContain("public/_redirects:1:1  warning: /news/archive is a page this site publishes, and Cloudflare Pages follows a rule of _redirects whether or not a file is at its address: readers asking for /news/archive/ are sent to /elsewhere/ instead; remove the rule, as the address is not gone\n");
      expect(exact.stderr).toContain("public/_redirects:2:1  warning: /news/media/* covers /news/media/talk.pdf, a file this site publishes, and Cloudflare Pages follows a rule of _redirects whether or not a file is at its address: readers asking for /news/media/talk.pdf are sent to https://cdn.example.org/talk.pdf instead; narrow the rule to addresses the site no longer has, or remove it\n");
      expect(exact.stderr.match(/warning:/g)).toHaveLength(2);
    } finally {
      rmSync(join(dir.path, "public", "media"), { recursive: true });
    }
  }, 60_000);

  it("netlify: a rule that is not forced covers no page (a file wins there); a forced one is the warning", async () => {
    const unforced = await build("/news/issues/* /old/:splat 301\n", config("netlify", aliasesOff));
    expect(unforced.code, unforced.stderr).toBe(0);
    expect(unforced.stderr).toBe("");
    const forced = await build("/news/issues/* /old/:splat 301!\n", config("netlify", aliasesOff));
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stderr).toBe(pageWarning("1:1", "netlify", 'drop the "!" to apply it only where no file is, or narrow the rule to addresses the site no longer has, or remove it') + pageHint);
  }, 60_000);

  it("a rule with code 200 is a rewrite: the warning says readers are shown its target at the address, not sent there", async () => {
    const splat = await build("/news/issues/* /app/shell.html 200\n", config("cloudflare", aliasesOff));
    expect(splat.code, splat.stderr).toBe(0);
    expect(splat.stderr).toBe("public/_redirects:1:1  warning: /news/issues/* covers 6 pages and files this site publishes (/news/issues/2011-05/ and 5 others), and Cloudflare Pages follows a rule of _redirects whether or not a file is at its address: readers asking for /news/issues/2011-05/ are shown /app/shell.html instead of the page, at the same address, and so on for the others; narrow the rule to addresses the site no longer has, or remove it\n" + pageHint);
    const forced = await build("/news/archive /app/index.html 200!\n", config("netlify"));
    expect(forced.stderr).toContain('public/_redirects:1:1  warning: /news/archive is a page this site publishes, and the "!" after its code makes Netlify apply it where a file is too: readers asking for /news/archive/ are shown /app/index.html instead of the page, at the same address; drop the "!" to apply it only where no file is, or remove the rule, as the address is not gone\n');
    // A file of public/ (copied after the rules were read): "the file", not "the page".
    const media = join(dir.path, "public", "media", "talk.pdf");
    writeFiles(media, "%PDF-1.4\n");
    try {
      const file = await build("/news/media/talk.pdf /media/other.pdf 200\n", config("cloudflare"));
      expect(file.stderr).toContain("public/_redirects:1:1  warning: /news/media/talk.pdf is a file this site publishes, and Cloudflare Pages follows a rule of _redirects whether or not a file is at its address: readers asking for /news/media/talk.pdf are shown /media/other.pdf instead of the file, at the same address; remove the rule, as the address is not gone\n");
    } finally {
      rmSync(join(dir.path, "public", "media"), { recursive: true });
    }
  }, 60_000);

  // Cloudflare's parser (github.com/cloudflare/workers-sdk, packages/workers-shared/utils/configuration/parseRedirects.ts) drops a rule
  // from "/*" or "/" to an /index or /index.html ("Infinite loop detected") and one whose code is not 200, 301, 302, 303, 307 or 308.
  it("cloudflare: a rule Cloudflare Pages ignores (the single-page app's /* /index.html 200, a 404 rule) is one warning that it does nothing, not one of pages it hides", async () => {
    const spa = await build("/* /index.html 200\n", config("cloudflare"));
    expect(spa.code, spa.stderr).toBe(0);
    expect(spa.stderr).toBe('public/_redirects:1:1  warning: "/* /index.html 200" is a rule Cloudflare Pages ignores (its deploy log says "Infinite loop detected"): Cloudflare serves /index.html at its folder\'s address, which the rule would match again. It changes no page, and a gekkan site needs no such rule, as each page is a file of its own and an address it does not have is shown its 404.html; remove the rule\n' + pageHint);
    const notFound = await build("  /news/* /news/404.html 404\n", config("cloudflare"));
    expect(notFound.code, notFound.stderr).toBe(0);
    expect(notFound.stderr).toBe('public/_redirects:1:3  warning: "/news/* /news/404.html 404" is a rule Cloudflare Pages ignores, as it takes only the codes 200, 301, 302, 303, 307 or 308, not 404: it changes no page; a gekkan site needs no such rule, as each page is a file of its own and an address it does not have is shown its 404.html; remove the rule\n' + pageHint);
    const forced = await build("/news/archive /elsewhere/ 301!\n", config("cloudflare"));
    expect(forced.stderr).toBe('public/_redirects:1:1  warning: "/news/archive /elsewhere/ 301!" is a rule Cloudflare Pages ignores, as it takes only the codes 200, 301, 302, 303, 307 or 308, not 301!: it changes no page; give it one of those codes (without "!": Cloudflare applies every rule over the file anyway), or remove it\n' + pageHint);
    // Ignored, it does not come before gekkan's rule for an alias either: no redirects-alias warning.
    const alias = await build("/news/issues/* /news/issues/index.html 200\n", config("cloudflare"));
    expect(alias.stderr).toBe('public/_redirects:1:1  warning: "/news/issues/* /news/issues/index.html 200" is a rule Cloudflare Pages ignores (its deploy log says "Infinite loop detected"): Cloudflare serves /news/issues/index.html at its folder\'s address, which the rule would match again. It changes no page, and a gekkan site needs no such rule, as each page is a file of its own and an address it does not have is shown its 404.html; remove the rule\n' + pageHint);
  }, 60_000);

  it("cloudflare: a rule it ignores over no page is a warning too, as the address it was written for is left as it was", async () => {
    const forced = await build("/news/old-post /news/issues/sokan/ 301!\n", config("cloudflare"));
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stderr).toBe('public/_redirects:1:1  warning: "/news/old-post /news/issues/sokan/ 301!" is a rule Cloudflare Pages ignores, as it takes only the codes 200, 301, 302, 303, 307 or 308, not 301!: it is dropped when the site is deployed, so readers asking for /news/old-post are not sent to /news/issues/sokan/; give it one of those codes (without "!": Cloudflare applies every rule over the file anyway), or remove it\n' + pageHint);
    const gone = await build("/news/old-post /news/gone.html 410\n", config("cloudflare"));
    expect(gone.stderr).toContain('public/_redirects:1:1  warning: "/news/old-post /news/gone.html 410" is a rule Cloudflare Pages ignores, as it takes only the codes 200, 301, 302, 303, 307 or 308, not 410: it is dropped when the site is deployed, so readers asking for /news/old-post are not sent to /news/gone.html;');
    const loop = await build("/news/blog/* /news/blog/index.html 200\n", config("cloudflare"));
    expect(loop.stderr).toBe('public/_redirects:1:1  warning: "/news/blog/* /news/blog/index.html 200" is a rule Cloudflare Pages ignores (its deploy log says "Infinite loop detected"): Cloudflare serves /news/blog/index.html at its folder\'s address, which the rule would match again. It changes no page, and a gekkan site needs no such rule, as each page is a file of its own and an address it does not have is shown its 404.html; remove the rule\n' + pageHint);
    // Words Cloudflare does not read (Netlify's query and condition words), and a rewrite to another host.
    const netlifyWords = await build("/news/store id=:id /news/issues/:id 301\n", config("cloudflare"));
    expect(netlifyWords.stderr).toBe('public/_redirects:1:1  warning: "/news/store id=:id /news/issues/:id 301" is a rule Cloudflare Pages ignores, as it reads a rule as 2 or 3 words (the old address, the new one and a code) and this line has 4: query words (id=:id) and conditions (Country=jp) are Netlify\'s own; it changes nothing on the site: write it as an old address, a new one and a code, or remove it\n' + pageHint);
    const proxy = await build("/news/api/* https://api.example.org/:splat 200\n", config("cloudflare"));
    expect(proxy.stderr).toBe('public/_redirects:1:1  warning: "/news/api/* https://api.example.org/:splat 200" is a rule Cloudflare Pages ignores, as a rewrite (code 200) there may only lead to an address of the site itself, not to another host: it is dropped when the site is deployed, so readers asking for /news/api/* are not shown https://api.example.org/:splat; to send readers to https://api.example.org/:splat, give it code 301 or 302, or remove it\n' + pageHint);
    // A comment after a rule is no word of it (Cloudflare drops it), so this rule is taken: a 302 from an address the site does not have.
    const commented = await build("/news/old-post /news/issues/sokan/ # moved in 2012\n/news/older /news/issues/sokan/ 301 # also\n", config("cloudflare"));
    expect(commented.code, commented.stderr).toBe(0);
    expect(commented.stderr).toBe("");
    // Netlify takes both (a redirect from an address no file is at hides nothing): nothing to say.
    const netlify = await build("/news/old-post /news/issues/sokan/ 301!\n/news/blog/* /news/blog/ 302\n", config("netlify"));
    expect(netlify.stderr).toBe("");
  }, 60_000);

  it("netlify: a 404 rule shows its target as a \"not found\" page at the same address; not forced, it covers no page (a file wins there)", async () => {
    const unforced = await build("/news/* /news/404.html 404\n", config("netlify", aliasesOff));
    expect(unforced.code, unforced.stderr).toBe(0);
    expect(unforced.stderr).toBe("");
    const forced = await build("/news/archive /news/404.html 404!\n", config("netlify"));
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stderr).toBe('public/_redirects:1:1  warning: /news/archive is a page this site publishes, and the "!" after its code makes Netlify apply it where a file is too: readers asking for /news/archive/ are shown /news/404.html as a "not found" page (code 404) instead of the page, at the same address; drop the "!" to apply it only where no file is, or remove the rule, as the address is not gone\n' + pageHint);
    // Over an alias's old address, in redirects-alias's words too.
    const alias = await build("/news/issues/aa-old /news/404.html 404!\n", config("netlify"));
    expect(alias.stderr).toContain('this rule is the one applied, showing readers /news/404.html as a "not found" page (code 404) at the old address;');
  }, 60_000);

  // docs.netlify.com/routing/redirects/rewrites-proxies/#shadowing: an unforced rule applies where no file is, so a catch-all rewrite
  // answers every address the site lacks with one page and code 200, and the 404.html gekkan always publishes is never seen.
  it("netlify: an unforced catch-all rewrite (/* /index.html 200) is one warning that it hides the 404 page; a redirect, a rewrite carrying what it matched, an exact address are none", async () => {
    const fallbackHint = 'gekkan: if you mean this, stop the warning in gekkan.config.json with "ignoreWarnings": ["redirects-fallback"]\n';
    const spa = await build("# app\n/* /index.html 200\n", config("netlify", aliasesOff));
    expect(spa.code, spa.stderr).toBe(0);
    expect(spa.stderr).toBe('public/_redirects:2:1  warning: "/* /index.html 200" is a rewrite without "!", which Netlify applies wherever no file is: every address it matches that the site does not have (a mistyped or removed one, such as /no-such-page) is shown /index.html with code 200 instead of the site\'s 404.html, so readers and search engines take it for a real page; a gekkan site needs no single-page fallback, as each page is a file of its own: remove the rule, or narrow it to the old addresses it is meant for (an exact address a line)\n' + fallbackHint);
    // A placeholder, not at the start of the line, and a target of the site's own.
    const placeholder = await build("  /news/old/:slug/ /news/ 200\n", config("netlify"));
    expect(placeholder.stderr).toBe('public/_redirects:1:3  warning: "/news/old/:slug/ /news/ 200" is a rewrite without "!", which Netlify applies wherever no file is: every address it matches that the site does not have (a mistyped or removed one, such as /news/old/no-such-page/) is shown /news/ with code 200 instead of the site\'s 404.html, so readers and search engines take it for a real page; a gekkan site needs no single-page fallback, as each page is a file of its own: remove the rule, or narrow it to the old addresses it is meant for (an exact address a line)\n' + fallbackHint);
    // The normal uses: a redirect from an old folder, a rewrite whose target carries what it matched (a missing one is a 404 there), an exact address.
    const none = await build("/old/* /news/issues/:splat 301\n/gone/* /news/ 301\n/blog/:year/* /news/issues/:year-:splat 302\n/legacy/* /news/issues/:splat 200\n/app /news/about.html 200\n", config("netlify"));
    expect(none.code, none.stderr).toBe(0);
    expect(none.stderr).toBe("");
    // Forced, it hides the pages themselves: redirects-page's to say, once.
    const forced = await build("/* /index.html 200!\n", config("netlify", aliasesOff));
    expect(forced.stderr).toMatch(/^public\/_redirects:1:1 {2}warning: \/\* covers \d+ pages and files this site publishes \(\/news\/ and \d+ others\), and the "!" after its code makes Netlify apply it where a file is too/);
    expect(forced.stderr.match(/warning:/g)).toHaveLength(1);
    // Beside a forced rule over the pages, each at its line, in the order of the file.
    const two = await build("/* /index.html 200\n/news/issues/* /old/:splat 301!\n", config("netlify", aliasesOff));
    expect(two.stderr.split("\n").filter((line) => line.includes("warning:")).map((line) => line.slice(0, line.indexOf("  ")))).toEqual(["public/_redirects:1:1", "public/_redirects:2:1"]);
    // Cloudflare Pages: left as it was, one redirects-page warning of the pages the rule hides.
    const cloudflare = await build("/* /app.html 200\n", config("cloudflare", aliasesOff));
    expect(cloudflare.stderr).toMatch(/^public\/_redirects:1:1 {2}warning: \/\* covers \d+ pages and files this site publishes /);
    expect(cloudflare.stderr).not.toContain("redirects-fallback");
    const ignored = await build("/* /index.html 200\n", config("netlify", { ignoreWarnings: ["redirects-alias", "redirects-fallback"] }));
    expect(ignored.code, ignored.stderr).toBe(0);
    expect(ignored.stderr).toBe("");
  }, 60_000);

  // Both hosts serve x.html at /x too: Cloudflare Pages by its route matching (developers.cloudflare.com/pages/configuration/serving-pages/), Netlify with pretty URLs on or off.
  it("a page of public/ named x.html is covered by a rule for its address without .html; a rule from one of its addresses to the other is none", async () => {
    const about = join(dir.path, "public", "about.html");
    writeFiles(about, "<!DOCTYPE html>\n<title>About</title>\n");
    try {
      const exact = await build("/news/about /elsewhere/ 301\n", config("cloudflare"));
      expect(exact.code, exact.stderr).toBe(0);
      expect(exact.stderr).toContain("public/_redirects:1:1  warning: /news/about is a page this site publishes, and Cloudflare Pages follows a rule of _redirects whether or not a file is at its address: readers asking for /news/about are sent to /elsewhere/ instead; remove the rule, as the address is not gone\n");
      expect(exact.stderr.match(/warning:/g)).toHaveLength(1);
      const forced = await build("/news/about/ /elsewhere/ 301!\n", config("netlify"));
      expect(forced.stderr).toContain("public/_redirects:1:1  warning: /news/about/ is a page this site publishes,");
      // Either address to the other is the same page (Cloudflare Pages itself sends /x.html to /x).
      const itself = await build("/news/about /news/about.html 200\n/news/about.html /news/about 301\n", config("cloudflare"));
      expect(itself.code, itself.stderr).toBe(0);
      expect(itself.stderr).toBe("");
      // With a folder of the same name beside it, both pages count: /news/about/ stays the folder's index.html.
      const folder = join(dir.path, "public", "about", "index.html");
      writeFiles(folder, "<!DOCTYPE html>\n<title>About us</title>\n");
      try {
        const both = await build("/news/ab* /x 301\n", config("cloudflare"));
        expect(both.stderr).toContain("public/_redirects:1:1  warning: /news/ab* covers 2 pages this site publishes (/news/about.html and 1 other),");
      } finally {
        rmSync(join(dir.path, "public", "about"), { recursive: true });
      }
    } finally {
      rmSync(about);
    }
  }, 60_000);

  it("a rule for addresses the site does not have, or one that sends a page to itself, is no warning; ignoreWarnings silences it", async () => {
    const elsewhere = await build("/blog/* /news/:splat 301\n/news/issues/2011-06/ /news/ 302\n/news/old/:slug /news/issues/:slug/ 301\n", config("cloudflare"));
    expect(elsewhere.code, elsewhere.stderr).toBe(0);
    expect(elsewhere.stderr).toBe("");
    const itself = await build("/news/issues/:slug/ /news/issues/:slug/ 200\n/news/ /news/index.html 200\n", config("cloudflare", aliasesOff));
    expect(itself.code, itself.stderr).toBe(0);
    expect(itself.stderr).toBe("");
    const ignored = await build("/news/issues/* /old/:splat 301\n", config("cloudflare", { ignoreWarnings: ["redirects-alias", "redirects-page"] }));
    expect(ignored.code, ignored.stderr).toBe(0);
    expect(ignored.stderr).toBe("");
  }, 60_000);

  it("cloudflare: more than 2,000 static rules, the author's and gekkan's together, is an error at the setting; 2,000 is not; netlify has no such limit", async () => {
    const exact = (n: number) => Array.from({ length: n }, (_, i) => `/old/${i} /new/${i} 301\n`).join("");
    // 1,998 of the author's and gekkan's 3: 2,001 static rules.
    const over = await build(exact(1998), config("cloudflare"));
    expect(over.code).toBe(1);
    const text = config("cloudflare");
    const column = text.indexOf('"cloudflare"') + 1;
    expect(over.stderr).toBe(`gekkan.config.json:1:${column}  _redirects would have 2001 static rules (exact addresses), more than the 2000 Cloudflare Pages takes (past them it refuses the deployment or drops the rest of the file); make fewer aliases or rules of your own, or move the redirects to Cloudflare's Bulk Redirects and remove "redirects" from the config\n\n1 problem found; nothing was written.\n`);
    expect((await build(exact(1997), config("cloudflare"))).code).toBe(0);
    expect((await build(exact(1998), config("netlify"))).code).toBe(0);
  }, 60_000);

  it("cloudflare: a line Cloudflare reads as no rule (not 2 or 3 words) does not count toward the limit; one it drops for its code does", async () => {
    const exact = (n: number) => Array.from({ length: n }, (_, i) => `/old/${i} /new/${i} 301\n`).join("");
    // 1,997 of the author's, gekkan's 3 and four lines of Netlify's query words: 2,000 rules Cloudflare counts, and four warnings.
    const queries = Array.from({ length: 4 }, (_, i) => `/q${i} id=:id /new/q${i} 301\n`).join("");
    const words = await build(`${exact(1997)}${queries}`, config("cloudflare"));
    expect(words.code, words.stderr).toBe(0);
    expect(words.stderr.match(/Cloudflare Pages ignores, as it reads a rule as 2 or 3 words/g)).toHaveLength(4);
    expect(words.stderr).not.toContain("static rules");
    // A rule with a code Cloudflare does not take is counted before it is dropped: 2,001.
    const code = await build(`${exact(1997)}/gone /new/gone 301!\n`, config("cloudflare"));
    expect(code.code).toBe(1);
    expect(code.stderr).toContain("_redirects would have 2001 static rules");
  }, 60_000);

  it("cloudflare: past a limit, the error comes in one report with a template's error", async () => {
    const template = join(dir.path, "templates", "issue.liquid");
    writeFiles(template, "<!DOCTYPE html>\n<title>x</title>\n<h1>{{ issue.titel }}</h1>\n");
    try {
      const both = await build(`/blog/* /news/:splat 301\n${Array.from({ length: 100 }, (_, i) => `/old/${i} /new/${i} 301\n`).join("")}`, config("cloudflare"));
      expect(both.code).toBe(1);
      expect(both.stderr).toContain("templates/issue.liquid:3:8  template error: undefined variable: issue.titel");
      expect(both.stderr).toContain("  _redirects would have 104 dynamic rules, 103 of them exact addresses");
    } finally {
      rmSync(template);
    }
  }, 60_000);

  it("cloudflare: every rule after the first with a * or :name counts as dynamic, gekkan's exact ones too; more than 100 is an error at the 101st", async () => {
    const exact = (n: number) => Array.from({ length: n }, (_, i) => `/old/${i} /new/${i} 301\n`).join("");
    // A splat and a placeholder first: they, the author's 96 exact rules and gekkan's 3 are 101 dynamic rules, 99 of them exact; the 101st is gekkan's.
    const dynamic = "/blog/* /news/:splat 301\n/tag/:name /tags/:name 301\n";
    const splatFirst = await build(`# moved\n${dynamic}${exact(96)}`, config("cloudflare"));
    expect(splatFirst.code).toBe(1);
    expect(splatFirst.stderr).toContain("  _redirects would have 101 dynamic rules, 99 of them exact addresses that Cloudflare counts as dynamic because they come after the first rule with a * or :name (public/_redirects line 2; gekkan's alias rules always come after yours), more than the 100 Cloudflare Pages takes (past them it refuses the deployment or drops the rest of the file);");
    expect(splatFirst.stderr).toMatch(/^gekkan\.config\.json:1:\d+ {2}/);
    // The same rules with the dynamic ones last: 96 static, 5 dynamic.
    const splatLast = await build(`# moved\n${exact(96)}${dynamic}`, config("cloudflare"));
    expect(splatLast.code, splatLast.stderr).toBe(0);
    // A placeholder is dynamic too; the 101st dynamic rule is the author's, on line 101, reported there.
    const own = await build(`/:year/x /y 301\n${exact(101)}`, config("cloudflare"));
    expect(own.code).toBe(1);
    expect(own.stderr).toMatch(/^public\/_redirects:101:1 {2}_redirects would have 105 dynamic rules, 104 of them exact addresses/);
  }, 60_000);

  it("cloudflare: a generated site of 101 aliases after an author's splat rule is over the dynamic limit", async () => {
    const many = Array.from({ length: 98 }, (_, i) => `m${i}`).join(", ");
    const path = join(dir.path, "content", "issues", "2011", "2011-06.md");
    writeFileSync(path, issue({ title: "六月号", issue: 3, date: "2011-06-01" }).replace("issue: 3", `issue: 3\naliases: [${many}]`));
    try {
      const over = await build("/blog/* /news/:splat 301\n", config("cloudflare"));
      expect(over.code).toBe(1);
      expect(over.stderr).toContain("_redirects would have 102 dynamic rules, 101 of them exact addresses");
      const alone = await build(undefined, config("cloudflare"));
      expect(alone.code, alone.stderr).toBe(0);
      expect(alone.written?.split("\n").filter((line) => line.startsWith("/")).length).toBe(101);
    } finally {
      rmSync(path);
    }
  }, 60_000);
});

/** public/ may not be there yet. */
function writeFiles(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}
