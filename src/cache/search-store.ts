import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import type { SearchFile, ShardStore } from "../site/search-index.js";
import { readFileSet, writeFileSet, type FileSetMeta } from "./file-set-pack.js";

const SEARCH_DIR = "search";

/** Search index parts on disk, one pack per part key, under CACHE_DIR/search/. */
export function diskShardStore(cacheDir: string): ShardStore {
  const dir = join(cacheDir, SEARCH_DIR);
  const packOf = (key: string) => join(dir, `${key}.pack`);
  return {
    get: async (key) => (await readFileSet<FileSetMeta & { key: string }>(packOf(key), (meta) => meta.key === key))?.files,
    set: (key, files) => writeFileSet(packOf(key), { key }, files),
    keep: async (keys) => {
      const names = await readdir(dir).catch((): string[] => []);
      await Promise.all(names.filter((name) => !keys.has(name.replace(/\.pack$/, ""))).map((name) => rm(join(dir, name), { force: true })));
    },
  };
}

/** The same in memory, for `gekkan dev`. */
export function memoryShardStore(): ShardStore {
  let parts = new Map<string, readonly SearchFile[]>();
  return {
    get: async (key) => parts.get(key)?.slice(),
    set: async (key, files) => {
      parts.set(key, files);
    },
    keep: async (keys) => {
      parts = new Map([...parts].filter(([key]) => keys.has(key)));
    },
  };
}
