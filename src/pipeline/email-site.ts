import { collectSite } from "../site/collect.js";
import type { Site } from "../site/model.js";
import type { SiteConfig } from "../config.js";
import { ContentError, isError } from "../diagnostics.js";
import type { RenderEnv } from "../render/pages.js";
import { OutputSet } from "../write/output.js";
import { openPackMemos } from "../incremental/pack-memos.js";
import { noMemo } from "../incremental/memo.js";
import { renderEnv } from "./generate.js";
import { loadInputs } from "./load-inputs.js";
import type { BuildOptions } from "./options.js";
import { parseIssues } from "./parse-issues.js";
import type { VFileMessage } from "vfile-message";
import type { IssueMeta } from "../content/render-issue.js";
import { isPublished } from "../site/published.js";

export interface EmailSite {
  config: SiteConfig;
  env: RenderEnv;
  /** Every issue, drafts and future ones included: `gekkan email` says itself what it will not send. */
  site: Site;
  today: string;
  /**
   * The drafts and future-dated issues whose own text has errors, with those
   * errors: left out of the site, as a build leaves them out, so that a
   * half-written next issue does not stop this month's from being sent.
   * Named as ISSUE, one of them is refused with its errors (heldIssue).
   */
  held: { issue: IssueMeta; messages: VFileMessage[] }[];
}

/**
 * What `gekkan email` needs of a build, through the same stages: the inputs,
 * every issue (from the build's cache when there is one) and the site, but
 * no pages, feeds or other issues' emails. Any content error fails it as it
 * fails `gekkan build`.
 */
export async function loadEmailSite(options: BuildOptions & { cacheDir?: string | undefined }): Promise<EmailSite> {
  const inputs = await loadInputs(options);
  const packs = options.cacheDir === undefined ? undefined : await openPackMemos(options.cacheDir, ["issues"] as const);
  const parsed = await parseIssues(inputs.sources, inputs.context, packs?.memos.issues ?? noMemo, 1);
  await packs?.save();
  const collected = collectSite(parsed.rendered, { drafts: true, future: true, today: inputs.today, lang: inputs.config.lang, failed: parsed.failed, unread: parsed.unread });
  // As the build weighs them (held-back.ts): a mistake in an issue no reader can get yet stops only that issue.
  const held = parsed.failed.filter((issue) => !isPublished(issue, inputs.today)).map((issue) => ({ issue, messages: parsed.messages.filter((message) => message.file === issue.file) }));
  const heldFiles = new Set(held.map((entry) => entry.issue.file));
  const own = parsed.messages.filter((message) => isError(message) && !heldFiles.has(message.file ?? ""));
  const errors = [...inputs.problems, ...own, ...(collected.ok ? [] : collected.messages)];
  if (errors.length > 0 || !collected.ok) throw new ContentError(errors);
  return { config: inputs.config, env: renderEnv(inputs, new OutputSet()), site: collected.site, today: inputs.today, held };
}
