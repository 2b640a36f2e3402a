import { closeSearch, indexPart, searchParts, type Pace, type SearchPage } from "../site/search-index.js";
import type { OutputSet } from "../write/output.js";
import { codeFingerprint } from "../incremental/fingerprint.js";
import { digest } from "../incremental/digest.js";
import { decodeFiles, encodeFiles } from "../incremental/file-set.js";
import { memoDecoded, type Memo } from "../incremental/memo.js";

/**
 * Stage: issue pages → the Pagefind bundle under pagefind/. Each index part
 * is memoised by the exact text Pagefind would read, so an edit re-indexes
 * one part and the others come from the memo. `pace` is awaited before each
 * group of pages is indexed (see Pace).
 */
export async function addSearchIndex(output: OutputSet, pages: readonly SearchPage[], language: string, shardSize: number, memo: Memo, pace?: Pace): Promise<void> {
  try {
    for (const part of searchParts(pages, shardSize)) {
      // Pages enter the key by their content address: a part is named without reading its pages.
      const key = digest("gekkan-search-part-1", codeFingerprint(), language, part.dir, ...part.pages.flatMap((page) => [page.url, page.key ?? digest(page.html)]));
      const files = await memoDecoded(memo, key, async () => encodeFiles(await indexPart(part, language, pace)), decodeFiles);
      for (const [path, content] of files) output.add(`pagefind/${part.dir}${path}`, content, "pagefind", `${key}:${path}`);
    }
  } finally {
    await closeSearch();
  }
}
