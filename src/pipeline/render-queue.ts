import type { RenderContext } from "../content/render-issue.js";
import type { SourceFile } from "../content/sources.js";
import { plainContext } from "./render-context.js";
import type { RenderTask } from "./parse-batch.js";
import { runOnWorkers, threadCount } from "./worker-pool.js";

/**
 * Below this many issues to render, starting worker threads (each loads the
 * whole unified stack) costs more than rendering on two cores saves; the
 * bench measured the break-even.
 */
export const WORKER_THRESHOLD = 1000;

interface Task {
  source: SourceFile;
  resolve: (json: Uint8Array) => void;
  reject: (error: unknown) => void;
}

/**
 * Issues to render, gathered first and rendered together by `run()`: in
 * this thread, or on worker threads when there are enough of them. Either
 * way each result is its serialised form, so every path (in-process,
 * worker, memo hit) decodes the same bytes.
 */
export class RenderQueue {
  private tasks: Task[] = [];
  private started = false;
  private renderHere: ((source: SourceFile) => Uint8Array) | undefined;

  constructor(private readonly context: RenderContext, private readonly threads: number | undefined) {}

  /** Queues `source`; after `run()` has started, renders it at once. */
  render(source: SourceFile): Promise<Uint8Array> {
    if (this.started) return this.here().then((render) => render(source));
    return new Promise((resolve, reject) => this.tasks.push({ source, resolve, reject }));
  }

  async run(): Promise<number> {
    this.started = true;
    const tasks = this.tasks;
    this.tasks = [];
    if (tasks.length === 0) return 0;
    try {
      const threads = threadCount(this.threads, tasks.length, WORKER_THRESHOLD + 1);
      const results = threads > 1 ? await renderOnWorkers(tasks.map((t) => t.source), this.context, threads) : await this.renderAllHere(tasks);
      tasks.forEach((task, i) => task.resolve(results[i] as Uint8Array));
    } catch (error) {
      for (const task of tasks) task.reject(error);
    }
    return tasks.length;
  }

  private async renderAllHere(tasks: readonly Task[]): Promise<Uint8Array[]> {
    const render = await this.here();
    return tasks.map((task) => render(task.source));
  }

  private async here(): Promise<(source: SourceFile) => Uint8Array> {
    this.renderHere ??= await rendererFor(this.context);
    return this.renderHere;
  }
}

/** One renderer per render context: `gekkan dev` renders each save with the same one instead of building the Markdown processor again. */
const renderers = new WeakMap<RenderContext, Promise<(source: SourceFile) => Uint8Array>>();

function rendererFor(context: RenderContext): Promise<(source: SourceFile) => Uint8Array> {
  let renderer = renderers.get(context);
  if (renderer === undefined) {
    // Loaded on demand: the unified/remark/rehype stack is a good part of start-up, and a warm build never needs it.
    renderer = Promise.all([import("../content/render-issue.js"), import("../content/serialize-result.js")]).then(([{ createIssueRenderer }, { serializeResult }]) => {
      const render = createIssueRenderer(context);
      return (source: SourceFile) => serializeResult(render(source.file, source.bytes));
    });
    renderers.set(context, renderer);
  }
  return renderer;
}

async function renderOnWorkers(sources: readonly SourceFile[], context: RenderContext, threads: number): Promise<Uint8Array[]> {
  const task = (batch: SourceFile[]): RenderTask => ({ context: plainContext(context), files: batch.map((s) => s.file), bytes: batch.map((s) => s.bytes) });
  return runOnWorkers<SourceFile, Uint8Array>("parse-worker", "renderBatch", sources, threads, task);
}
