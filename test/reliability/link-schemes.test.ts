import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ensureCompiled, runCli } from "../helpers/run-cli.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";
import { attr, byTag, parseHtml, textContent } from "../helpers/html.js";

beforeAll(() => ensureCompiled(), 300_000);

const CONFIG = JSON.stringify({ url: "https://example.org/" });
const FILE = "content/issues/2011/2011-04.md";
const FRONT = { title: "リンク", issue: 1, date: "2011-04-01" };
const KEPT = "only http:, https:, irc:, ircs:, mailto: and xmpp: links are kept";
const GOES_NOWHERE = "so readers would see words that look like a link but go nowhere";

/** Addresses an author may write, kept and not: schemes in any case, paths with colons, a Windows path, schemes hidden by entities. */
const ADDRESSES = [
  "HTTPS://example.org/", "mailto:a@example.org", "xmpp:a@example.org", "ircs://irc.example.org/", "./a:b", "?x=a:b", "#a:b", "/issues/a:b/",
  "a:b", ":x", "tel:+81-3-1234-5678", "ftp://ftp.example.org/", "file:///C:/a.txt", "C:\\share\\a.txt", "data:text/plain,x", "javascript:void(0)",
  "&#106;avascript:x", "java&#9;script:x", "foo\\)\\:", "webcal://example.org/x.ics", "HtTp://example.org/",
];

/**
 * A Markdown link the sanitiser strips of its address (`[FTP](ftp://…)`,
 * `[電話](tel:…)`, `[x](javascript:…)`) was published as words that look
 * like a link and go nowhere, with exit 0 and nothing from `gekkan check`.
 * Each is now an error at its place.
 */
describe("links to addresses the sanitiser removes", () => {
  let dir: TempDir | undefined;
  afterEach(() => dir?.remove());

  it("are errors at their place, links, pictures and definitions alike, with nothing written", async () => {
    const body = "[FTP](ftp://ftp.example.org/pub/) と [電話](tel:+81-3-1234-5678)\n\n![図](data:image/png;base64,AAAA)\n\n[参照][1]\n\n[1]: file:///C:/share/a.txt\n";
    dir = tempSite({ "gekkan.config.json": CONFIG, [FILE]: issue(FRONT, body) });
    const run = await runCli(["build", "--no-search"], { cwd: dir.path });
    expect(run.stderr.trimEnd().split("\n")).toEqual([
      `${FILE}:7:1  the address in "[FTP](ftp://ftp.example.org/pub/)" starts with "ftp:", which gekkan removes (${KEPT}), ${GOES_NOWHERE}; link to an https:// page instead, or write the address as code`,
      `${FILE}:7:37  the address in "[電話](tel:+81-3-1234-5678)" starts with "tel:", which gekkan removes (${KEPT}), ${GOES_NOWHERE}; link to an https:// page instead, or write the address as code`,
      `${FILE}:9:1  the address in "![図](data:image/png;base64,AAAA)" starts with "data:", which gekkan removes (only http: and https: pictures are kept), so readers would see no picture; use an http(s) address or a picture in public/ (![…](/images/…))`,
      `${FILE}:13:1  the address in "[1]: file:///C:/share/a.txt" starts with "file:", which gekkan removes (${KEPT}), so every link using it would go nowhere; a file on your computer cannot be opened by readers: put it in public/ and link to it from the site root (/files/…)`,
      "",
      "4 problems found; nothing was written.",
    ]);
    expect(run.code).toBe(1);
    expect(existsSync(join(dir.path, "dist"))).toBe(false);
  });

  /**
   * The oracle is the sanitiser itself, through the built page: an address
   * that is not reported keeps its href, and one that is reported, written as
   * raw HTML (which is sanitised, not refused), loses it.
   */
  it("are exactly the links the published page would show without their address", async () => {
    const line = (address: string, i: number) => `[L${String(i)}](${address})`;
    dir = tempSite({ "gekkan.config.json": CONFIG, [FILE]: issue(FRONT, ADDRESSES.map(line).join("\n\n")) });
    const run = await runCli(["build", "--no-search"], { cwd: dir.path });
    // Line 7 holds the first link, and each is a paragraph of its own.
    const reported = new Set([...run.stderr.matchAll(/2011-04\.md:(\d+):1 {2}/g)].map((m) => (Number(m[1]) - 7) / 2));
    expect(reported.size).toBeGreaterThan(0);
    expect(run.code).toBe(1);
    const html = ADDRESSES.map((address, i) => (reported.has(i) ? `<a href="${address.replace(/\\/g, "")}">L${String(i)}</a>` : line(address, i)));
    writeFileSync(join(dir.path, FILE), issue(FRONT, html.join("\n\n")));
    const built = await runCli(["build", "--no-search"], { cwd: dir.path });
    expect(built.code, built.stderr).toBe(0);
    const page = parseHtml(readFileSync(join(dir.path, "dist/issues/2011-04/index.html"), "utf8"));
    const links = new Map(byTag(page, "a").map((a) => [textContent(a), attr(a, "href")]));
    ADDRESSES.forEach((address, i) => expect(links.get(`L${String(i)}`) !== undefined, `${address} reported: ${String(reported.has(i))}`).toBe(!reported.has(i)));
  });

  it("in raw HTML, which is sanitised and not refused, are warnings at their place, and the page keeps every other address", async () => {
    const body = '<a href="tel:+81-3-1234-5678">電話</a>\n\n<img src="data:image/png;base64,AAAA" alt="図">\n\n<a href="HTTPS://example.org/">ok</a> <a href="./a:b">rel</a> <img src="/images/a:b.png" alt="ok">\n\n<a href="TEL:1">t</a>\n';
    dir = tempSite({ "gekkan.config.json": CONFIG, [FILE]: issue(FRONT, body) });
    const run = await runCli(["build", "--no-search"], { cwd: dir.path });
    expect(run.stderr.trimEnd().split("\n").slice(0, 3)).toEqual([
      `${FILE}:7:1  warning: <a href="tel:+81-3-1234-5678"> (and 1 more in this issue) loses its address: gekkan removes "tel:" addresses (only http:, https:, irc:, ircs:, mailto: and xmpp: are kept), ${GOES_NOWHERE}; link to an https:// page instead`,
      `${FILE}:9:1  warning: <img src="data:image/png;base64,AAAA"> loses its address: gekkan removes "data:" addresses (only http: and https: are kept), so readers would see no picture; use an http(s) address or a picture in public/`,
      expect.stringMatching(/^gekkan: if you mean these, stop the warning/),
    ]);
    expect(run.code).toBe(0);
    const page = parseHtml(readFileSync(join(dir.path, "dist/issues/2011-04/index.html"), "utf8"));
    const links = new Map(byTag(page, "a").map((a) => [textContent(a), attr(a, "href")]));
    expect([links.get("電話"), links.get("ok"), links.get("rel"), links.get("t")]).toEqual([undefined, "HTTPS://example.org/", "./a:b", undefined]);
    expect(byTag(page, "img").map((img) => [attr(img, "alt"), attr(img, "src")])).toEqual([["図", undefined], ["ok", "/images/a:b.png"]]);
  });
});
