import { noMemo, type Memo } from "../incremental/memo.js";
import type { CheckedSource } from "./input-key.js";
import type { FileDigests } from "../incremental/file-digests.js";

/**
 * What a run may reuse from earlier ones, handed into the stages that own
 * the expensive steps: rendered issues, rendered pages, partials, search index parts,
 * the digests of the sources the up-to-date check read, and of large files
 * (with other facts of public/'s files).
 * A build gets memos over packs in the cache folder, `gekkan dev` memos in
 * memory, `--no-cache` none.
 */
export interface Reuse {
  issues: Memo;
  pages: Memo;
  search: Memo;
  /** Partials' HTML (see partial-memo.ts); absent = kept for this run only. */
  fragments?: Memo;
  /** The sources the up-to-date check just read and hashed, by file: read again only if parsed (see checked-sources.ts). */
  checked?: ReadonlyMap<string, CheckedSource> | undefined;
  /** Digests of large files and the email's image facts, kept by each file's state (file-digests.ts): public/'s stage and the emails read none that is as it was. */
  digests?: FileDigests | undefined;
}

export const NO_REUSE: Reuse = { issues: noMemo, pages: noMemo, search: noMemo };
