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
  issues: SiteIssue[];
  releases: ReleaseEntry[];
  qa: QaEntry[];
  stonith: StonithEntry[];
}

export interface Site {
  /** Published issues, newest first. */
  issues: SiteIssue[];
  years: Array<{ year: string; issues: SiteIssue[] }>;
  releases: Array<{ component: string; entries: ReleaseEntry[] }>;
  compat: Array<{ component: string; entries: QaEntry[] }>;
  stonith: StonithDevice[];
  components: ComponentSummary[];
}
