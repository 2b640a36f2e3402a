import { afterAll, beforeAll } from "vitest";
import type { Browser } from "playwright-core";
import { launchChromium } from "./browser.js";
import { buildSampleCopy } from "./sample-build.js";
import { pageHelpers } from "./site-page.js";
import { serveDir, type StaticServer } from "./static-server.js";
import type { TempDir } from "./temp-site.js";

export interface ServedCopy {
  /** The build's output folder. */
  out: string;
  /** Its HTML files, relative to `out`, that `keep` kept. */
  pages: string[];
  server: StaticServer;
  browser: Browser;
}

/**
 * For one browser test file: a copy of the sample site changed by `prepare`,
 * built (buildSampleCopy), served over HTTP and opened in Chromium in
 * beforeAll, and all of it taken down in afterAll. The fields are set once
 * beforeAll has run; `withPage` and `open` are pageHelpers over them.
 */
export function servedSampleCopy(prefix: string, prepare: (root: string) => Promise<void>, keep: (page: string) => boolean = () => true) {
  const copy = {} as ServedCopy;
  let tmp: TempDir | undefined;
  beforeAll(async () => {
    const built = await buildSampleCopy(prefix, prepare);
    tmp = built.tmp;
    copy.out = built.out;
    copy.pages = built.pages.filter(keep);
    copy.server = await serveDir(copy.out);
    copy.browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await copy.browser?.close();
    await copy.server?.close();
    tmp?.remove();
  });
  return Object.assign(copy, pageHelpers(() => copy.browser, () => copy.server));
}
