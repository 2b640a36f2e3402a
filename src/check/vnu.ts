import { execFile } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { delimiter, dirname, join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { VFileMessage } from "vfile-message";
import { diagnostic } from "../diagnostics.js";
import type { OutputSet } from "../write/output.js";
import { outputUrl } from "./link-target.js";

/** The Nu Html Checker cannot run: a setup problem, not a content error. */
export class VnuUnavailableError extends Error {
  override name = "VnuUnavailableError";
}

interface RawMessage {
  type?: string;
  subType?: string;
  url?: string;
  message?: string;
  lastLine?: number;
  firstLine?: number;
  firstColumn?: number;
}

/** vnu.jar from the `vnu-jar` package (it exports the jar's path), if installed. */
export function vnuJar(): string {
  try {
    return String(createRequire(import.meta.url)("vnu-jar") as unknown);
  } catch {
    throw new VnuUnavailableError("gekkan check --html needs the Nu Html Checker: run `npm install --save-dev vnu-jar` in the site (it also needs Java 11 or later)");
  }
}

export function javaBinary(env: NodeJS.ProcessEnv = process.env): string {
  const candidates = [...(env.JAVA_HOME ? [join(env.JAVA_HOME, "bin", "java")] : []), ...(env.PATH ?? "").split(delimiter).filter((d) => d !== "").map((d) => join(d, "java"))];
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // try the next one
    }
  }
  throw new VnuUnavailableError("gekkan check --html needs Java 11 or later on PATH (or JAVA_HOME) to run the Nu Html Checker, e.g. `apt-get install default-jre-headless`");
}

/**
 * Validates every HTML page of the output with vnu in one Java run. Pages
 * go to a private temp dir (vnu reads files), never to dist/; messages are
 * reported at the page's URL.
 */
export async function validateHtmlPages(output: OutputSet, basePath: string): Promise<{ messages: VFileMessage[]; pages: number }> {
  const jar = vnuJar();
  const java = javaBinary();
  const pages = output.paths().filter((p) => p.endsWith(".html"));
  if (pages.length === 0) return { messages: [], pages: 0 };
  const dir = await mkdtemp(join(tmpdir(), "gekkan-vnu-"));
  try {
    for (const page of pages) {
      const file = join(dir, ...page.split("/"));
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, output.get(page) ?? "");
    }
    const raw = await runVnu(java, jar, dir);
    const messages = raw
      .filter((m) => m.type === "error" || m.type === "non-document-error")
      .map((m) => {
        const page = m.url?.startsWith("file:") ? relative(dir, fileURLToPath(m.url)).split(sep).join("/") : (m.url ?? "");
        return diagnostic(outputUrl(basePath, page), `invalid HTML (Nu Html Checker): ${m.message ?? m.subType ?? "error"}`, { line: m.lastLine ?? m.firstLine ?? 1, column: m.firstColumn ?? 1 }, "html-validation");
      });
    return { messages, pages: pages.length };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** One Java run over the whole directory: vnu walks it, so no command line grows with the site. */
function runVnu(java: string, jar: string, dir: string): Promise<RawMessage[]> {
  const args = ["-Xss4m", "-jar", jar, "--format", "json", "--errors-only", "--exit-zero-always", "--skip-non-html", dir];
  return new Promise((resolve, reject) => {
    execFile(java, args, { maxBuffer: 256 * 1024 * 1024, encoding: "utf8" }, (error, stdout, stderr) => {
      // vnu writes its JSON report to stderr.
      const text = stderr.trim() || stdout.trim();
      const start = text.indexOf("{");
      if (start === -1) {
        reject(new VnuUnavailableError(`the Nu Html Checker did not run${error ? `: ${error.message}` : ""}\n${text.slice(0, 2000)}`));
        return;
      }
      try {
        resolve((JSON.parse(text.slice(start)) as { messages?: RawMessage[] }).messages ?? []);
      } catch (parseError) {
        reject(new VnuUnavailableError(`could not read the Nu Html Checker's report: ${String(parseError)}`));
      }
    });
  });
}
