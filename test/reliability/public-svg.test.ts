import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";
import { ensureCompiled, runCli } from "../helpers/run-cli.js";

/**
 * An SVG in public/ is the author's own file and is copied byte for byte,
 * but one that runs code (a downloaded icon with a script) is a warning
 * naming the file, what it holds and where, in build, check and dev. The
 * oracle is the files below: each finding's line and column are counted by
 * hand from the text written, and each published file is compared with it.
 */
const NS = 'xmlns="http://www.w3.org/2000/svg"';
const SVGS: Record<string, string | Buffer> = {
  // Harmless, though a regex on "<script" or "onload" would say otherwise: a comment, CDATA, text, an
  // attribute value that merely mentions javascript:, and Illustrator's namespace entities.
  "public/icons/clean.svg": `<?xml version="1.0"?>\n<!DOCTYPE svg [\n  <!ENTITY ns_svg "http://www.w3.org/2000/svg">\n]>\n<svg xmlns="&ns_svg;" aria-label="javascript: a guide">\n  <!-- <script>alert(1)</script> -->\n  <style><![CDATA[ .onload { fill: red } /* <script> */ ]]></style>\n  <text>&lt;script&gt; onload="x"</text>\n  <a href="https://example.org/"><rect width="1" height="1"/></a>\n</svg>\n`,
  // A prefixed script: column 3 of line 3 is its "<".
  "public/icons/prefixed.svg": `<svg:svg xmlns:svg="http://www.w3.org/2000/svg">\n  <svg:rect width="1" height="1"/>\n  <svg:script>alert(document.cookie)</svg:script>\n</svg:svg>\n`,
  // An event attribute in capitals on the root, and a link whose scheme hides a tab written as a reference.
  "public/handler.svg": `<svg ${NS} ONLOAD="alert(1)"\n     xmlns:xlink="http://www.w3.org/1999/xlink">\n<a xlink:href=" java&#x09;script:alert(1)"><circle r="1"/></a></svg>\n`,
  "public/page.svg": `<svg ${NS}>\n <foreignObject width="10" height="10"><p xmlns="http://www.w3.org/1999/xhtml">hi</p></foreignObject>\n</svg>\n`,
  // Markup hidden in an entity, written with character references so no "<script" appears in the file;
  // found where it is brought in: the ";" of "&x;".
  "public/entity.svg": `<!DOCTYPE svg [ <!ENTITY x "&#60;script&#62;alert(1)&#60;/script&#62;"> ]>\n<svg ${NS}>\n&x;</svg>\n`,
  // SMIL can set an href to a javascript: URL.
  "public/animate.svg": `<svg ${NS}><a><set attributeName="href" to="javascript:alert(1)"/><text>x</text></a></svg>\n`,
  // A billion laughs must end at once, with a warning of its own at the reference that would expand it.
  "public/bomb.svg": `<!DOCTYPE svg [\n <!ENTITY a "ha">\n <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">\n <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">\n <!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">\n <!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">\n <!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;">\n <!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;">\n]>\n<svg ${NS}>&g;</svg>\n`,
  // Gzipped (.svgz is served as SVG), and UTF-16 with a byte order mark under a name in capitals.
  "public/zipped.svgz": gzipSync(`<svg ${NS}>\n<script>alert(1)</script></svg>\n`),
  "public/WIDE.SVG": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`<svg ${NS}><script>alert(1)</script></svg>\n`, "utf16le")]),
  // Not an SVG: public/ may hold the author's own pages and scripts.
  "public/notes.html": `<script>console.log("mine")</script>\n`,
};

const RUNS = "which can run code on this site when a reader opens the image itself; gekkan publishes it as it is: remove them (an image needs none), or link to the image where it came from instead";
const EXPECTED = [
  `public/WIDE.SVG:1:41  warning: this SVG holds a <script> element on line 1, ${RUNS}`,
  `public/animate.svg:1:44  warning: this SVG holds a javascript: URL (to="javascript:…") on line 1, ${RUNS}`,
  `public/bomb.svg:10:43  warning: this SVG holds <!ENTITY> entities that expand too far to check on line 10, ${RUNS}`,
  `public/entity.svg:3:3  warning: this SVG holds a <script> element on line 3, ${RUNS}`,
  `public/handler.svg:1:1  warning: this SVG holds an onload attribute on line 1 and a javascript: URL (href="javascript:…") on line 3, ${RUNS}`,
  `public/icons/prefixed.svg:3:3  warning: this SVG holds a <script> element on line 3, ${RUNS}`,
  `public/page.svg:2:2  warning: this SVG holds a <foreignObject> element (a web page in the image) on line 2, ${RUNS}`,
  `public/zipped.svgz:2:1  warning: this SVG holds a <script> element on line 2, ${RUNS}`,
];

let site: TempDir | undefined;
afterEach(() => {
  site?.remove();
  site = undefined;
});
beforeAll(() => ensureCompiled(), 300_000);

function svgSite(files: Record<string, string | Buffer>): TempDir {
  return tempSite({ "content/issues/2011/2011-04.md": issue({ title: "4月号", issue: 1, date: "2011-04-01" }), ...files });
}

const warningsOf = (stderr: string) => stderr.split("\n").filter((line) => line.startsWith("public/")).sort();

describe("an SVG in public/ that runs code", () => {
  it("is published byte for byte, with a warning naming what it holds and where (build and check)", async () => {
    site = svgSite(SVGS);
    const run = await runCli(["build", "--no-search", "--no-cache"], { cwd: site.path, deadlineMs: 30_000 });
    expect(run.timedOut).toBe(false);
    expect(run.code, run.stderr).toBe(0);
    expect(warningsOf(run.stderr)).toEqual(EXPECTED);
    for (const [path, content] of Object.entries(SVGS)) {
      expect(readFileSync(join(site.path, "dist", path.slice("public/".length))).equals(Buffer.from(content)), path).toBe(true);
    }
    const check = await runCli(["check"], { cwd: site.path, deadlineMs: 30_000 });
    expect(check.timedOut).toBe(false);
    expect(warningsOf(check.stderr)).toEqual(EXPECTED);
  }, 90_000);

  it("gekkan dev says the same when it starts", async () => {
    site = svgSite({ "public/icons/prefixed.svg": SVGS["public/icons/prefixed.svg"] ?? "" });
    const run = await runCli(["dev", "--port", "0", "--no-cache"], {
      cwd: site.path,
      deadlineMs: 30_000,
      onOutput: (text, kill) => {
        if (/http:\/\/127\.0\.0\.1:\d+\//.test(text) && text.includes("public/icons/prefixed.svg:")) kill();
      },
    });
    expect(run.timedOut, run.stdout + run.stderr).toBe(false);
    expect(warningsOf(run.stderr)).toEqual([EXPECTED[5]]);
  }, 60_000);

  it("past 16 MB, zipped or not, it is not parsed, and the warning says it was published unchecked", async () => {
    const big = `<svg ${NS}>\n${'<path d="M0 0 L 1 1"/>\n'.repeat(800_000)}</svg>\n`;
    // And a 20 KB .svgz that unzips to 17 MB is not unzipped past the cap.
    site = svgSite({ "public/map.svg": big, "public/zip-bomb.svgz": gzipSync(big) });
    const run = await runCli(["build", "--no-search", "--no-cache"], { cwd: site.path, deadlineMs: 30_000 });
    expect(run.code, run.stderr).toBe(0);
    expect(warningsOf(run.stderr)).toEqual([
      "public/map.svg:1:1  warning: this SVG is 17 MB; gekkan reads at most 16 MB of an SVG to look for scripts, so this one is published unchecked: make it smaller (an optimiser such as SVGO), or make sure it holds no <script>, on… attribute or javascript: link",
      "public/zip-bomb.svgz:1:1  warning: this SVG unzips to more than 16 MB; gekkan reads at most 16 MB of an SVG to look for scripts, so this one is published unchecked: make it smaller (an optimiser such as SVGO), or make sure it holds no <script>, on… attribute or javascript: link",
    ]);
    expect(readFileSync(join(site.path, "dist/map.svg"), "utf8")).toBe(big);
  }, 60_000);
});
