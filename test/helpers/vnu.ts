import { execFile } from 'node:child_process';
import { statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { javaBinary, vnuJar } from '../../src/check/vnu.js';

/** Absolute path of vnu.jar, as exported by the vnu-jar package (a String object). */
export const VNU_JAR: string = vnuJar();

export interface VnuMessage {
  /** Absolute path of the validated file. */
  file: string;
  line: number | undefined;
  column: number | undefined;
  message: string;
  extract: string | undefined;
}

/** Errors per input file (absolute path). Every input file has an entry, possibly empty. */
export type VnuResults = Map<string, VnuMessage[]>;

interface RawVnuMessage {
  type?: string;
  subType?: string;
  url?: string;
  message?: string;
  extract?: string;
  firstLine?: number;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
}

/** `java` as `gekkan check --html` finds it ($JAVA_HOME, then PATH), with the test set-up's hint. */
export function javaPath(): string {
  try {
    return javaBinary();
  } catch {
    throw new Error(
      'java not found ($JAVA_HOME/bin/java or PATH); vnu.jar needs Java >= 11. ' +
        'Run `node scripts/ensure-test-deps.mjs` as root or `apt-get install default-jre-headless`.',
    );
  }
}

/** Splits the file list so no single command line gets absurdly long. */
function chunk(files: string[], maxChars = 100_000): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  let size = 0;
  for (const f of files) {
    if (current.length > 0 && size + f.length + 1 > maxChars) {
      out.push(current);
      current = [];
      size = 0;
    }
    current.push(f);
    size += f.length + 1;
  }
  if (current.length > 0) out.push(current);
  return out;
}

function runVnu(java: string, files: string[]): Promise<RawVnuMessage[]> {
  const args = ['-Xss4m', '-jar', VNU_JAR, '--format', 'json', '--errors-only', '--exit-zero-always', ...files];
  return new Promise((ok, fail) => {
    execFile(java, args, { maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      // vnu writes its JSON report to stderr.
      const text = stderr.trim() || stdout.trim();
      const start = text.indexOf('{');
      if (start === -1) {
        fail(new Error(`vnu produced no JSON output${error ? `: ${error.message}` : ''}\n${text}`));
        return;
      }
      try {
        const parsed = JSON.parse(text.slice(start)) as { messages?: RawVnuMessage[] };
        ok(parsed.messages ?? []);
      } catch (err) {
        fail(new Error(`could not parse vnu output (${String(err)}):\n${text.slice(0, 2000)}`));
      }
    });
  });
}

/**
 * Validates HTML files with the Nu Html Checker (vnu.jar) in as few Java
 * invocations as possible (one, unless the list is enormous). Returns only
 * errors (vnu type "error", plus "non-document-error" such as unreadable
 * files), grouped by absolute file path.
 */
export async function validateHtml(files: readonly string[]): Promise<VnuResults> {
  const absolute = files.map((f) => resolve(f));
  const results: VnuResults = new Map(absolute.map((f) => [f, []]));
  // vnu silently ignores paths that do not exist, so check them here.
  const existing: string[] = [];
  for (const f of absolute) {
    let ok = false;
    try {
      ok = statSync(f).isFile();
    } catch {
      ok = false;
    }
    if (ok) existing.push(f);
    else results.get(f)?.push({ file: f, line: undefined, column: undefined, message: '[io] file does not exist or is not a regular file', extract: undefined });
  }
  if (existing.length === 0) return results;
  const java = javaPath();
  for (const batch of chunk(existing)) {
    const messages = await runVnu(java, batch);
    for (const m of messages) {
      if (m.type !== 'error' && m.type !== 'non-document-error') continue;
      let file = m.url ?? '(unknown)';
      if (file.startsWith('file:')) {
        try {
          file = fileURLToPath(file);
        } catch {
          // keep the URL as-is
        }
      }
      const list = results.get(file) ?? [];
      list.push({
        file,
        line: m.lastLine ?? m.firstLine,
        column: m.firstColumn,
        message: m.type === 'non-document-error' ? `[${m.subType ?? 'io'}] ${m.message ?? ''}` : (m.message ?? ''),
        extract: m.extract,
      });
      results.set(file, list);
    }
  }
  return results;
}

/** Total number of errors across all files. */
export function countVnuErrors(results: VnuResults): number {
  let n = 0;
  for (const list of results.values()) n += list.length;
  return n;
}

/**
 * Human-readable report of all errors ('' when there are none), with paths
 * shown relative to `baseDir` if given. Intended for `expect(formatVnuErrors(r)).toBe('')`.
 */
export function formatVnuErrors(results: VnuResults, baseDir?: string): string {
  const lines: string[] = [];
  for (const [file, list] of results) {
    if (list.length === 0) continue;
    const name = baseDir ? relative(baseDir, file) : file;
    lines.push(`${name}: ${list.length} error(s)`);
    for (const m of list) {
      const pos = m.line !== undefined ? `${m.line}:${m.column ?? 0}` : '-';
      lines.push(`  ${pos}  ${m.message}`);
      if (m.extract) lines.push(`        ${m.extract.replace(/\s+/g, ' ').trim().slice(0, 160)}`);
    }
  }
  return lines.join('\n');
}
