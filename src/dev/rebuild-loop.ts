import type { VFileMessage } from "vfile-message";
import type { Io } from "../cli-support.js";
import { buildTime } from "../build-time.js";
import { ContentError, diagnostic, formatDiagnostic } from "../diagnostics.js";
import { warningLines } from "../warning-kinds.js";
import { issuesAndTranslations, plural } from "../plural.js";
import { generate, type Generated } from "../pipeline/generate.js";
import { readOneSource, type Source } from "../pipeline/load-inputs.js";
import { updateIssues } from "../pipeline/update.js";
import { NO_REUSE } from "../pipeline/reuse.js";
import type { OutputSet } from "../write/output.js";
import { allIssues } from "../site/model.js";
import { issueChanges, issueChangesText } from "./issue-changes.js";
import { createCatchUp, type CatchUp } from "./catch-up.js";
import { dayTurn, type DayTurn } from "./day-turn.js";
import type { DevReuse } from "./dev-reuse.js";
import type { EventHub } from "./events.js";
import { changedCount, diffOutputs, patchSnapshot, snapshot, type OutputDiff, type Snapshot } from "./output-diff.js";
import { toProblems } from "./problems.js";
import type { SearchRebuilder } from "./search.js";
import type { ChangeBatch } from "./watch.js";

/** The outcome of one rebuild, for the terminal and for tests. */
export type RebuildOutcome =
  | { ok: true; mode: "quick" | "full"; diff: OutputDiff | undefined; ms: number; stats: { rendered: number; reused: number }; pages: { rendered: number; reused: number } }
  | { ok: false; messages: VFileMessage[] };

export interface RebuildLoopOptions {
  root: string;
  drafts: boolean;
  future: boolean;
  search: boolean;
  io: Io;
  hub: EventHub;
  reuse: DevReuse;
  searcher: SearchRebuilder;
  catchUpDelayMs: number;
}

/**
 * The dev server's builds, one at a time. A saved issue whose edit changes
 * nothing other pages show goes through `updateIssues` (its own page, at
 * once); everything else, and the catch-up after quick updates, through
 * `generate`: the same stages as `gekkan build`. A failed run keeps the last
 * good site and reports the problems in the terminal and the browser.
 */
export class RebuildLoop {
  private current: Snapshot | undefined;
  private generated: Generated | undefined;
  private failing = false;
  private outcome: RebuildOutcome | undefined;
  private printedWarnings = "";
  /** Issue pages changed by quick updates since the last full run: the search index has not seen them. */
  private unindexed = false;
  private chain: Promise<void> = Promise.resolve();
  private pending: ChangeBatch | undefined;
  private readonly catchUp: CatchUp;
  private readonly dayTurn: DayTurn;

  constructor(private readonly options: RebuildLoopOptions) {
    // An empty batch is a full run that no file asked for: the catch-up, or a new day's.
    this.catchUp = createCatchUp(options.catchUpDelayMs, () => this.schedule({ paths: [], full: false }));
    this.dayTurn = dayTurn((day) => this.schedule({ paths: [], full: false, day }));
  }

  output(): OutputSet | undefined {
    return this.current?.output;
  }

  last(): RebuildOutcome | undefined {
    return this.outcome;
  }

  /**
   * The quick path for `source` as if it had been saved, without memos and
   * with the result thrown away (for warming up): nothing it makes is kept.
   * Returns the pages it rendered (none when the edit would need a full run).
   */
  async rehearse(source: Source): Promise<string[]> {
    if (this.generated === undefined) return [];
    return (await updateIssues(this.generated, [source], NO_REUSE))?.paths ?? [];
  }

  /** Issues on the site after the last good run (for warming up). */
  issueFiles(): string[] {
    return this.generated?.site.issues.map((entry) => entry.issue.file) ?? [];
  }

  /** Queues a batch; batches that arrive while a run is going merge into the next one. */
  schedule(batch: ChangeBatch): void {
    if (this.pending) {
      const day = batch.day ?? this.pending.day;
      this.pending = { paths: [...new Set([...this.pending.paths, ...batch.paths])].sort(), full: this.pending.full || batch.full, ...(day === undefined ? {} : { day }) };
      return;
    }
    this.pending = batch;
    this.chain = this.chain.then(() => {
      const next = this.pending;
      this.pending = undefined;
      return this.run(next);
    });
  }

  /** The first run, at start-up. */
  start(): Promise<void> {
    this.chain = this.chain.then(() => this.run(undefined));
    return this.chain;
  }

  /** Resolves once no run is going or queued. */
  async idle(): Promise<void> {
    let seen: Promise<void> | undefined;
    while (seen !== this.chain) {
      seen = this.chain;
      await this.chain;
    }
  }

  /** Resolves once no run is going, queued, or waiting to catch up after a quick one. */
  async settled(): Promise<void> {
    for (;;) {
      await this.idle();
      if (!this.catchUp.pending()) return;
      await this.catchUp.passed();
    }
  }

  stop(): void {
    this.catchUp.cancel();
    this.dayTurn.stop();
  }

  private async run(batch: ChangeBatch | undefined): Promise<void> {
    if (batch !== undefined && (await this.tryUpdate(batch))) return;
    this.catchUp.cancel();
    // A config or template change: every memo entry is keyed on them, so start over to free memory.
    if (batch?.full) this.options.reuse.clear();
    const started = performance.now();
    try {
      // Served at "/" whatever the config's base path, so links work on localhost; absolute URLs keep the published one (siteUrl).
      const generated = await generate({ root: this.options.root, drafts: this.options.drafts, future: this.options.future, serveAt: "/", now: buildTime(), search: false }, this.options.reuse.reuse);
      await this.options.reuse.afterFullRun();
      this.dayTurn.arm(generated.today, generated.config.timeZone);
      this.settle(generated, batch, Math.round(performance.now() - started));
    } catch (error) {
      this.fail(error instanceof ContentError ? error.messages : [internalProblem(error)]);
    }
  }

  /** The quick path: edited issues only, when that is all that changed and the site is healthy. */
  private async tryUpdate(batch: ChangeBatch): Promise<boolean> {
    const previous = this.generated;
    if (previous === undefined || this.current === undefined || this.failing || batch.full || batch.paths.length === 0) return false;
    if (!batch.paths.every(isIssueFile)) return false;
    const started = performance.now();
    const changed: Source[] = [];
    for (const file of batch.paths) {
      const source = readOneSource(this.options.root, file);
      if (source === undefined) return false;
      changed.push(source);
    }
    const updated = await updateIssues(previous, changed, this.options.reuse.reuse).catch(() => undefined);
    if (updated === undefined) return false;
    this.generated = updated.generated;
    this.unindexed = true;
    const patched = patchSnapshot(this.current, updated.paths.map((path) => [path, updated.generated.output.get(path) as Uint8Array] as const));
    this.current = patched.snapshot;
    const ms = Math.round(performance.now() - started);
    const pages = updated.generated.stats.pages;
    const total = previous.stats.pages.rendered + previous.stats.pages.reused;
    this.outcome = { ok: true, mode: "quick", diff: patched.diff, ms, stats: { rendered: changed.length, reused: allIssues(previous.site).length - changed.length }, pages: { rendered: pages.rendered, reused: total - pages.rendered } };
    this.announce(patched.diff, false, this.current);
    const changes = issueChangesText(issueChanges(previous.sources, updated.generated.sources, batch.paths));
    this.options.io.out(`gekkan dev: rebuilt in ${ms} ms (quick: ${changes}${plural(updated.paths.length, "page")} re-rendered); ${plural(changedCount(patched.diff), "file")} changed; feeds and search follow`);
    this.catchUp.schedule();
    return true;
  }

  private settle(generated: Generated, batch: ChangeBatch | undefined, ms: number): void {
    const { io } = this.options;
    const warnings = warningLines(generated.warnings).join("\n");
    if (warnings !== this.printedWarnings && warnings !== "") io.err(warnings);
    this.printedWarnings = warnings;
    const next = snapshot(generated.output, this.current);
    const diff = this.current === undefined ? undefined : diffOutputs(this.current, next);
    const wasFailing = this.failing;
    const changes = issueChangesText(issueChanges(this.generated?.sources ?? [], generated.sources, batch?.paths.filter(isIssueFile) ?? []));
    this.current = next;
    this.generated = generated;
    this.failing = false;
    const issues = generated.issues.length;
    this.outcome = { ok: true, mode: "full", diff, ms, stats: { rendered: generated.stats.issuesRendered, reused: issues - generated.stats.issuesRendered }, pages: { ...generated.stats.pages } };
    const pagesChanged = diff === undefined || wasFailing || this.unindexed || [...diff.added, ...diff.changed, ...diff.removed].some((p) => p.endsWith(".html"));
    this.unindexed = false;
    if (diff === undefined) {
      if (wasFailing) this.options.hub.send({ type: "reload", data: { paths: null } });
      io.out(`gekkan dev: built ${issuesAndTranslations(generated.site.issues.length, allIssues(generated.site).length - generated.site.issues.length)} (${this.options.drafts ? "drafts and scheduled issues shown" : "drafts hidden, scheduled issues shown"}) in ${ms} ms`);
    } else {
      this.announce(diff, wasFailing, next);
      const count = plural(changedCount(diff), "file");
      if (batch?.day !== undefined) io.out(`gekkan dev: ${batch.day} began (${generated.config.timeZone}); rebuilt in ${ms} ms; ${count} changed`);
      else if (batch !== undefined && batch.paths.length === 0) io.out(`gekkan dev: caught up in ${ms} ms (feeds, lists, data files); ${count} changed`);
      else io.out(`gekkan dev: ${wasFailing ? "errors fixed; full rebuild" : "rebuilt"} in ${ms} ms (${changes}${plural(generated.stats.pages.rendered, "page")} re-rendered); ${count} changed`);
    }
    // After the reload: only issue pages feed the index, so nothing else needs it rebuilt.
    if (this.options.search && generated.config.search && pagesChanged) this.options.searcher.schedule(generated.searchPages, generated.config.lang, generated.config.searchShardSize);
  }

  private fail(messages: VFileMessage[]): void {
    const { io, hub, root } = this.options;
    this.failing = true;
    this.outcome = { ok: false, messages };
    for (const message of messages) io.err(formatDiagnostic(message));
    io.err(this.current === undefined ? "gekkan dev: the site has errors; fix them and the page reloads" : "gekkan dev: still serving the last good build");
    hub.send({ type: "error", data: { messages: toProblems(root, messages) } });
  }

  private announce(diff: OutputDiff, wasFailing: boolean, next: Snapshot): void {
    const { hub } = this.options;
    if (wasFailing) hub.send({ type: "reload", data: { paths: null } });
    else if (diff.cssOnly) hub.send({ type: "css", data: { hrefs: diff.changed.filter((p) => p.endsWith(".css")).map((p) => `/${p}?v=${(next.hashes.get(p) ?? "").slice(0, 10)}`) } });
    else if (changedCount(diff) > 0) hub.send({ type: "reload", data: { paths: [...diff.added, ...diff.changed, ...diff.removed] } });
  }
}

/** A crash inside gekkan still must not stop the server: show it like a content error. */
function internalProblem(error: unknown): VFileMessage {
  const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return diagnostic("gekkan", `internal error (a bug in gekkan, please report it): ${text}`, { line: 1, column: 1 }, "internal");
}

function isIssueFile(path: string): boolean {
  return path.startsWith("content/issues/") && path.endsWith(".md");
}
