/**
 * Long unbroken strings at 360 px, the narrowest common phone. An issue made
 * of them (a URL, a package version, a plugin name, a word, Japanese without
 * spaces, a code line, a table cell), with a component of a long name, is
 * built with the sample site; every page and the issue's email are opened in
 * real Chromium and must not scroll sideways. The oracle is the browser's
 * own layout: the document is no wider than the viewport. Printed, the same
 * pages must fit the paper.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pageOverflow } from "../helpers/site-page.js";
import { servedSampleCopy } from "../helpers/served-copy.js";
import { routeOf } from "../helpers/sample-build.js";

const PHONE = 360;
const A4_PRINTABLE = 718;
const COMPONENT = "very-long-component-name-without-any-breaks-at-all";
const URL_ = `https://example.org/${"a".repeat(150)}/path?query=${"b".repeat(80)}`;
const VERSION = `1.1.6-rc3.20110701.git${"abcdef0123456789".repeat(4)}`;
const PLUGIN = "external/ibmrsa-telnet-extended-very-long-plugin-name-no-breaks";
const JAPANESE = "空白のない長い日本語の文が続きます".repeat(20);

const LONG_ISSUE = `---
title: "Supercalifragilistic${"X".repeat(80)}${"長".repeat(60)}"
issue: 4
date: 2011-07-01
summary: "${"Summary_without_spaces_".repeat(8)}"
tags: [pacemaker, ${COMPONENT}]
authors: ["${"AuthorNameWithoutSpaces".repeat(4)}"]
---

${JAPANESE}

## Heading_without_spaces_${"x".repeat(80)}

${URL_} and [${URL_}](${URL_}), \`--option=${"v".repeat(120)}\`, pacemaker-${VERSION}.x86_64.rpm

| a | b |
| --- | --- |
| ${"cell".repeat(60)} | ${URL_} |

\`\`\`
${"code_line_without_spaces_".repeat(20)}
\`\`\`

:::release{component="${COMPONENT}" version="${VERSION}" status="released" title="${"ReleaseTitle".repeat(12)}"}
${JAPANESE}
:::

:::stonith{device="${"DeviceName".repeat(15)}" plugin="${PLUGIN}" vendor="${"Vendor".repeat(15)}" hardware="${"HW".repeat(50)}"}
${URL_}
:::

:::qa{components="pacemaker ${COMPONENT}" versions="${VERSION} 1.0"}
${"question".repeat(30)}

---

${"answer".repeat(30)}
:::
`;

const site = servedSampleCopy("gekkan-long-strings-", async (root) => {
  const config = JSON.parse(await readFile(join(root, "gekkan.config.json"), "utf8")) as Record<string, unknown>;
  await writeFile(join(root, "gekkan.config.json"), JSON.stringify({ ...config, components: [COMPONENT] }));
  await writeFile(join(root, "content/issues/2011/2011-07.md"), LONG_ISSUE);
});
const { withPage, open } = site;

describe("long unbroken strings at 360 px", () => {
  it("the long issue has its page, its email, and the component and reference pages", () => {
    expect(site.pages).toEqual(expect.arrayContaining(["issues/2011-07/index.html", "issues/2011-07/email.html", `components/${COMPONENT}/index.html`, "components/stonith/index.html", "stonith/index.html", "releases/index.html"]));
  });

  it("no page scrolls sideways", async () => {
    const report: string[] = [];
    await withPage({ width: PHONE, height: 800 }, async (page) => {
      for (const file of site.pages.filter((p) => !p.endsWith("/email.html"))) {
        await open(page, routeOf(file));
        // Let the icon finish loading: moving on would abort it (and fail the error check).
        await page.waitForLoadState("networkidle");
        const { scrollWidth, wide } = await pageOverflow(page, false);
        if (scrollWidth > PHONE) report.push(`/${routeOf(file)}: ${scrollWidth}px wide (${wide.join(", ")})`);
      }
    });
    expect(report).toEqual([]);
  }, 180_000);

  it("printed on A4, nothing runs past the paper's edge (paper cannot scroll: tables and code wrap)", async () => {
    const report: string[] = [];
    // A4 less Chromium's default margins, at 96 px to the inch.
    await withPage({ width: A4_PRINTABLE, height: 1000 }, async (page) => {
      await page.emulateMedia({ media: "print" });
      for (const path of ["issues/2011-07/", "releases/", "stonith/", `components/${COMPONENT}/`]) {
        await open(page, path);
        await page.waitForLoadState("networkidle");
        const { scrollWidth, wide } = await pageOverflow(page, false);
        if (scrollWidth > A4_PRINTABLE) report.push(`/${path}: ${scrollWidth}px wide (${wide.join(", ")})`);
      }
    });
    expect(report).toEqual([]);
  }, 60_000);

  it("no email scrolls sideways", async () => {
    const report: string[] = [];
    // An email is a message, not a page: loaded as it is, with everything it names (absolute, on the published site) refused.
    const context = await site.browser.newContext({ viewport: { width: PHONE, height: 800 } });
    await context.route("**/*", (route) => route.abort("blockedbyclient"));
    try {
      const page = await context.newPage();
      for (const file of site.pages.filter((p) => p.endsWith("/email.html"))) {
        await page.setContent(await readFile(join(site.out, file), "utf8"));
        const { scrollWidth, wide } = await pageOverflow(page, false);
        if (scrollWidth > PHONE) report.push(`${file}: ${scrollWidth}px wide (${wide.join(", ")})`);
      }
    } finally {
      await context.close();
    }
    expect(report).toEqual([]);
  }, 60_000);
});
