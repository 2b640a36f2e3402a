import type { IssueMeta } from "../content/render-issue.js";
import type { RenderedBody } from "../markdown/rendered.js";
import type { QaBlock, ReleaseBlock, StonithBlock } from "../blocks/types.js";

/** A published issue with everything pages need to link it. */
export interface SiteIssue {
  issue: IssueMeta;
  body: RenderedBody;
  route: string;
  year: string;
  /** Neighbours in issue-number order (older = previous). */
  previous: SiteIssue | undefined;
  next: SiteIssue | undefined;
}

/** Where a block came from: enough to link back to it. */
export interface BlockSource {
  issue: SiteIssue;
  /** Route of the issue page plus "#anchor". */
  anchorRoute: string;
}

export interface ReleaseEntry { block: ReleaseBlock; source: BlockSource }
export interface QaEntry { block: QaBlock; source: BlockSource }
export interface StonithEntry { block: StonithBlock; source: BlockSource }

export interface StonithDevice {
  device: string;
  /** Newest statement wins. */
  current: StonithEntry;
  /** Older statements, newest first; `superseded` when the plugin changed. */
  history: Array<StonithEntry & { superseded: boolean }>;
}

export interface ComponentSummary {
  name: string;
  /** Issues belonging to the component: tagged with it, or with a block about it (reference.ts `issueComponents`). */
  issues: SiteIssue[];
  releases: ReleaseEntry[];
  qa: QaEntry[];
  stonith: StonithEntry[];
}

export interface Site {
  /** Published issues, newest first. */
  issues: SiteIssue[];
  years: Array<{ year: string; issues: SiteIssue[] }>;
  /** Every release block, by component name, newest issue first within a component. */
  releases: ReleaseEntry[];
  /** Every Q&A once, newest issue first (a Q&A naming three components is still one entry). */
  compat: QaEntry[];
  stonith: StonithDevice[];
  components: ComponentSummary[];
}
