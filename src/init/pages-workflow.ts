import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isMap, isScalar, isSeq, parseDocument, type Document, type YAMLMap } from "yaml";
import { packageRoot } from "../package-root.js";
import type { GekkanSource } from "./gekkan-source.js";

/** Where a series' workflow file goes: GitHub reads workflows from this folder of the repository's root. */
export const PAGES_WORKFLOW = ".github/workflows/pages.yml";

/** The folder of the workspace the series' workflow checks gekkan out into. */
export const TOOL_FOLDER = ".gekkan-tool";

/**
 * The Pages workflow for a series started with `gekkan init`, made from
 * gekkan's own .github/workflows/pages.yml, so the triggers (push to main,
 * the daily run for future-dated issues), the least privileges, the
 * deployment queue, the render cache and the upload of hidden files are the
 * ones gekkan's own site is published and tested with, in one place. Only
 * what differs for a series is changed: gekkan is checked out beside it, at
 * the commit the author ran, installed there, and builds the series with
 * --root; scripts/ci-build.sh still turns Pages' base path into --base.
 */
export function pagesWorkflow(source: GekkanSource): string {
  const doc = parseDocument(readFileSync(join(packageRoot(), PAGES_WORKFLOW), "utf8"));
  // pages.yml's own header is read as the comment of its first key: replaced, not kept beside this one.
  const first = isMap(doc.contents) ? doc.contents.items[0]?.key : undefined;
  if (isScalar(first)) first.commentBefore = null;
  doc.commentBefore = [
    " Publishing: builds the series and deploys it to GitHub Pages (written by gekkan init).",
    " Runs on every push to main, once a day (so issues dated in the future are",
    " published on their day without anyone pushing), and on demand.",
    " Repository set-up: Settings -> Pages -> Build and deployment -> Source:",
    ' "GitHub Actions". See "Publishing" in gekkan\'s README.',
    ` gekkan is not on npm: it is checked out from ${source.repository} at the commit`,
    " below; to build with a newer gekkan, change that ref.",
  ].join("\n");
  const steps = doc.getIn(["jobs", "build", "steps"]);
  if (!isSeq(steps)) throw new Error("gekkan bug: pages.yml has no jobs.build.steps");
  const step = (test: (map: YAMLMap) => boolean, what: string): YAMLMap => {
    const found = steps.items.find((item): item is YAMLMap => isMap(item) && test(item));
    if (found === undefined) throw new Error(`gekkan bug: pages.yml's build job has no ${what} step`);
    return found;
  };
  const uses = (action: string) => (map: YAMLMap) => String(map.get("uses") ?? "").startsWith(`${action}@`);
  const checkout = step(uses("actions/checkout"), "actions/checkout");
  // After the series' own checkout, which empties the workspace first.
  steps.items.splice(steps.items.indexOf(checkout) + 1, 0, toolCheckout(doc, String(checkout.get("uses")), source));
  const setup = step(uses("actions/setup-node"), "actions/setup-node");
  // The series has no package-lock.json of its own; setup-node's npm cache stops without one.
  setup.setIn(["with", "cache-dependency-path"], `${TOOL_FOLDER}/package-lock.json`);
  const install = step((map) => map.get("run") === "npm ci", "npm ci");
  install.set("working-directory", TOOL_FOLDER);
  const build = step((map) => String(map.get("run") ?? "").includes("scripts/ci-build.sh"), "scripts/ci-build.sh");
  build.set("run", `bash ${TOOL_FOLDER}/scripts/ci-build.sh "$PAGES_BASE_PATH" --root "$GITHUB_WORKSPACE"`);
  return doc.toString({ lineWidth: 0 });
}

/** The step that checks gekkan out, with the checkout action pages.yml pins. */
function toolCheckout(doc: Document, action: string, source: GekkanSource) {
  const node = doc.createNode({
    name: "Check out gekkan",
    uses: action,
    with: { repository: source.repository, ref: source.commit, path: TOOL_FOLDER, "persist-credentials": false },
  });
  node.commentBefore = " gekkan builds the series from a folder of its own, beside it in the workspace.";
  return node;
}
