import type { EmailBytes } from "../email/email-files.js";
import { emailPaths, emailSource, type EmailSource } from "../email/email-source.js";
import { allIssues, type Site } from "../site/model.js";
import type { OutputSet } from "../write/output.js";
import { digest } from "../incremental/digest.js";
import { decodeFiles, deferredFiles, encodeFiles } from "../incremental/file-set.js";
import type { PageRenderer } from "./render-pages.js";
import { runOnWorkers, threadCount } from "./worker-pool.js";
import { emailImages, type PublicImage } from "../email/email-images.js";
import { correctedAfterTranslation } from "../site/outdated-translations.js";

/**
 * From this many emails to finish, inlining them on worker threads (each
 * loads juice and html-to-text) costs less than the time saved.
 */
const WORKER_THRESHOLD = 200;

interface Task {
  source: Promise<EmailSource>;
  paths: { html: string; text: string };
  resolve: (bytes: Uint8Array) => void;
  reject: (error: unknown) => void;
}

/**
 * Stage: `email.html` and `email.txt` beside every issue page, in every
 * language (unless the config says `"email": { "files": false }`). An
 * issue's email shows only
 * that issue, so it is memoised beside the pages under the page
 * fingerprint (code, templates, config) and the issue's own content:
 * inlining happens once per issue, not once per build. The template is
 * filled here; inlining the CSS and the plain-text twin, the costly part,
 * run on worker threads when there are many. `look` reads public/ for the
 * images' stand-ins and widths (emailImages).
 */
export async function addEmails(output: OutputSet, site: Site, renderer: PageRenderer, look: PublicImage, threads?: number): Promise<void> {
  if (!renderer.env.config.email.files) return;
  const tasks: Task[] = [];
  let started = false;
  const pending = allIssues(site).map((entry) => {
    const paths = emailPaths(entry.route);
    // What public/ holds for its images is in the key: a PNG put beside an SVG, or a wider photo, changes the email.
    const images = emailImages(entry.body.links, renderer.env.config, entry.route, look);
    // So is the original's correction after a translation (the note it shows, original-correction.ts): only the original's file changes.
    const outdated = correctedAfterTranslation(entry);
    const correction = outdated === undefined ? "" : `${outdated.corrected} ${outdated.original.route}`;
    const key = digest("gekkan-email-1", renderer.fingerprint, entry.route, JSON.stringify(entry.issue), renderer.token(entry), JSON.stringify([...images]), correction);
    const stored = renderer.stored(key);
    if (stored !== undefined) {
      for (const [path, read] of deferredFiles(key, stored, [paths.html, paths.text])) output.add(path, read, "gekkan", `${key}:${path}`);
      return undefined;
    }
    const source = () => renderer.body(entry).then((body) => emailSource(entry, renderer.env, body, images));
    // Queued until all are known; one asked for later (a stored value that did not decode) is finished at once.
    const compute = () => started ? source().then(async (s) => encodeEmail(paths, await finish(s))) : new Promise<Uint8Array>((resolve, reject) => tasks.push({ source: source(), paths, resolve, reject }));
    return renderer.made(key, compute, decodeFiles).then((list) => ({ key, list }));
  });
  started = true;
  await finishAll(tasks, threads);
  for (const made of await Promise.all(pending)) {
    // Undefined: a stored email, already added unread.
    if (made !== undefined) for (const [path, content] of made.list) output.add(path, content, "gekkan", `${made.key}:${path}`);
  }
}

/** Finishes the queued emails together: here, or on worker threads when there are enough of them. */
async function finishAll(tasks: readonly Task[], requested: number | undefined): Promise<void> {
  if (tasks.length === 0) return;
  try {
    const sources = await Promise.all(tasks.map((task) => task.source));
    const threads = threadCount(requested, tasks.length, WORKER_THRESHOLD);
    const finished = threads > 1
      ? await runOnWorkers<EmailSource, [Uint8Array, Uint8Array]>("email-worker", "finishBatch", sources, threads, (batch) => batch)
      : await Promise.all(sources.map(async (source): Promise<[Uint8Array, Uint8Array]> => {
        const email = await finish(source);
        return [email.html, email.text];
      }));
    tasks.forEach((task, i) => {
      const [html, text] = finished[i] as [Uint8Array, Uint8Array];
      task.resolve(encodeEmail(task.paths, { html, text }));
    });
  } catch (error) {
    for (const task of tasks) task.reject(error);
  }
}

/**
 * One email finished here. The finishing stack (juice, cheerio, html-to-text)
 * is loaded on the first email a run has to make: a build that reuses every
 * email, or makes one for a new issue while Pagefind indexes beside it, does
 * not wait for it at the start.
 */
async function finish(source: EmailSource): Promise<EmailBytes> {
  const { finishBytes } = await import("../email/email-files.js");
  return finishBytes(source);
}

function encodeEmail(paths: { html: string; text: string }, email: { html: Uint8Array; text: Uint8Array }): Uint8Array {
  return encodeFiles([[paths.html, email.html], [paths.text, email.text]]);
}
