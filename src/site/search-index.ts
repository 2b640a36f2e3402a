import * as pagefind from "pagefind";
import type { OutputSet } from "../write/output.js";

export interface SearchPage {
  /** Public URL with the base path, as results should link. */
  url: string;
  html: string;
}

/**
 * Builds the Pagefind index in memory from rendered issue pages (pages mark
 * their searchable part with data-pagefind-body). One index in the site's
 * language: Pagefind's extended binary segments Japanese, and English words
 * still index fine inside it, so one search box finds both.
 */
export async function addSearchIndex(output: OutputSet, pages: readonly SearchPage[], language: string): Promise<void> {
  const created = await pagefind.createIndex({ forceLanguage: language });
  const index = created.index;
  if (!index) throw new Error(`pagefind could not start: ${created.errors.join("; ")}`);
  try {
    for (const page of pages) {
      const added = await index.addHTMLFile({ url: page.url, content: page.html });
      if (added.errors.length > 0) throw new Error(`pagefind: ${added.errors.join("; ")}`);
    }
    const { files, errors } = await index.getFiles();
    if (errors.length > 0) throw new Error(`pagefind: ${errors.join("; ")}`);
    for (const file of files) output.add(`pagefind/${file.path}`, file.content, "pagefind");
  } finally {
    await index.deleteIndex();
    await pagefind.close();
  }
}
