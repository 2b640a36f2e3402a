import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";

export const CONFIG = `${JSON.stringify({ title: "テスト月刊", url: "https://example.org/", authors: ["編集部"] }, null, 2)}\n`;

/** A throwaway folder; call `remove()` in afterEach/afterAll. */
export interface TempDir {
  path: string;
  remove: () => void;
}

/**
 * Every temp folder lives under a path with a space and Japanese in it, as an
 * author's `~/ドキュメント/my sites/` would: a file URL used as a path (%20,
 * %E6…) or an unquoted shell argument breaks every test, not just one.
 */
export const AWKWARD_TMP = join(tmpdir(), "gekkan tests", "月刊 ニュース");

export function tempDir(prefix = "gekkan-test-"): TempDir {
  mkdirSync(AWKWARD_TMP, { recursive: true });
  const path = mkdtempSync(join(AWKWARD_TMP, prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/**
 * A symbolic link to `dir` beside it (`<dir>-link`), for a test that reaches
 * a site through a link. It sits outside `dir`, so removing `dir` leaves it:
 * call this link's own `remove()` in afterEach too.
 */
export function linkBeside(dir: TempDir): TempDir {
  const path = `${dir.path}-link`;
  symlinkSync(dir.path, path);
  // rmSync looks at the link itself, not at the site it points to.
  return { path, remove: () => rmSync(path, { force: true }) };
}

/** Writes `files` (path → text or bytes) under `root`. */
export function writeFiles(root: string, files: Readonly<Record<string, string | Uint8Array>>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

/** A mini site in a temp dir: the default config unless `files` brings its own. */
export function tempSite(files: Readonly<Record<string, string | Uint8Array>>): TempDir {
  const dir = tempDir();
  writeFiles(dir.path, { "gekkan.config.json": CONFIG, ...files });
  return dir;
}

/** Copies a fixture input (or any folder) into a fresh temp dir. */
export function copyToTemp(source: string): TempDir {
  const dir = tempDir();
  cpSync(source, dir.path, { recursive: true });
  return dir;
}

/** Every file under `dir`, relative path → bytes, for byte-for-byte comparisons. */
export function readTree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath, entry.name);
    files.set(relative(dir, full).split("\\").join("/"), readFileSync(full));
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Front matter + body, the way authors write an issue. */
export function issue(fields: Readonly<Record<string, string | number | boolean>>, body = "本文です。\n"): string {
  const lines = Object.entries(fields).map(([key, value]) => `${key}: ${typeof value === "string" && key !== "date" ? JSON.stringify(value) : String(value)}`);
  return `---\n${lines.join("\n")}\n---\n\n${body}`;
}

/** A mini site that is also a git repository (a .git folder with HEAD), for checks that must spare it. */
export function tempRepoSite(files: Readonly<Record<string, string | Uint8Array>>): TempDir {
  const dir = tempSite(files);
  mkdirSync(join(dir.path, ".git"));
  writeFileSync(join(dir.path, ".git", "HEAD"), "ref: refs/heads/main\n");
  return dir;
}
