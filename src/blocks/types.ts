/** Typed newsletter sections. Rendered by templates/partials/block-<kind>.liquid. */
export const BLOCK_KINDS = ["release", "qa", "stonith"] as const;
export type BlockKind = (typeof BLOCK_KINDS)[number];

export const RELEASE_STATUSES = [
  "released", "planned", "rc", "beta", "announcement", "merged", "moved", "deprecated", "eol",
] as const;
export type ReleaseStatus = (typeof RELEASE_STATUSES)[number];

interface BlockBase {
  /** Anchor id, unique within its issue page. */
  id: string;
  line: number;
  column: number;
}

export interface ReleaseBlock extends BlockBase {
  kind: "release";
  component: string;
  version: string;
  status: ReleaseStatus;
  title: string;
  date: string;
  bodyHtml: string;
}

export interface QaBlock extends BlockBase {
  kind: "qa";
  components: string[];
  versions: string[];
  questionHtml: string;
  /** The question's first paragraph as plain text: its heading, and the lists on reference pages. */
  questionText: string;
  /** The rest of the question (more paragraphs, code, lists), shown under its heading; "" for a question of one paragraph. */
  questionDetailHtml: string;
  answerHtml: string;
}

export interface StonithBlock extends BlockBase {
  kind: "stonith";
  device: string;
  plugin: string;
  vendor: string;
  hardware: string;
  bodyHtml: string;
}

export type Block = ReleaseBlock | QaBlock | StonithBlock;
