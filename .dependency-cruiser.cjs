/**
 * gekkan's import rules (checked in `npm test` by test/structure/imports.test.ts;
 * by hand: `npx depcruise src --config .dependency-cruiser.cjs`).
 *
 * Layers, top to bottom. A module may import from its own layer and the
 * layers below it, never from a layer above:
 */
const LAYERS = [
  ["cli", "^src/cli\\.ts$"],
  ["commands", "^src/commands/"],
  ["features", "^src/(dev|check|new|init)/"],
  ["pipeline", "^src/pipeline/"],
  ["incremental", "^src/incremental/"],
  ["pages", "^src/(render|pages|email)/"],
  ["site", "^src/site/"],
  ["config", "^src/config\\.ts$"],
  ["content", "^src/content/"],
  ["markdown", "^src/markdown/"],
  ["blocks", "^src/blocks/"],
  ["write", "^src/write/"],
  ["kernel", "^src/[^/]+\\.ts$"],
];

const above = (index) => LAYERS.slice(0, index).map(([, path]) => `(${path})`).join("|");

module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      severity: "error",
      comment: "A cycle of imports (files or folders) makes the layers meaningless.",
      from: {},
      to: { circular: true },
    },
    ...LAYERS.slice(1).map(([name, path], i) => ({
      name: `no-upward-from-${name}`,
      severity: "error",
      comment: `${name} may not import from a layer above it`,
      // The kernel pattern also matches cli.ts and config.ts, which have layers of their own.
      from: name === "kernel" ? { path, pathNot: "^src/(cli|config)\\.ts$" } : { path },
      to: { path: above(i + 1) },
    })),
    {
      name: "domain-never-imports-incremental",
      severity: "error",
      comment: "Reuse is handed into stages as a memo; the newsletter's own code never knows about caching.",
      from: { path: "^src/(content|blocks|markdown|site|render|pages|email)/" },
      to: { path: "^src/incremental/" },
    },
    {
      name: "incremental-knows-no-domain",
      severity: "error",
      comment: "The incremental layer is generic (memo, packs, fingerprints, the output record): it stores what stages hand it and reads none of it, so it imports nothing of the newsletter's own code.",
      from: { path: "^src/incremental/" },
      to: { path: "^src/(content|blocks|markdown|site|render|pages|email)/" },
    },
    {
      name: "email-finishing-loaded-when-needed",
      severity: "error",
      comment: "Finishing an email loads juice, cheerio and html-to-text: the build stages import it only dynamically, when a run has an email to make (emails.ts). email-batch.ts is that stack's entry on a worker thread (email-worker.ts imports it with the first batch), so it may import the stack, and the stages may not import it.",
      from: { path: "^src/pipeline/", pathNot: "^src/pipeline/email-(worker|batch)\\.ts$" },
      to: { path: "^src/(email/(email-files|render-email|inline-css|email-text)|pipeline/email-batch)\\.ts$", dependencyTypesNot: ["dynamic-import", "type-only"] },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    includeOnly: "^src/",
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default", "types"], extensions: [".ts", ".js"] },
  },
};
