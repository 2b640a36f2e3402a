export interface BuildOptions {
  root: string;
  drafts?: boolean | undefined;
  future?: boolean | undefined;
  base?: string | undefined;
  /** Serve the output at this base path instead of the published one (`gekkan dev`: "/"): links follow it, absolute URLs do not. */
  serveAt?: string | undefined;
  /** Overrides the config's site URL (origin and, unless `base` is given, the base path). */
  url?: string | undefined;
  /** "Now" for deciding what is in the future; defaults to SOURCE_DATE_EPOCH, then the clock. */
  now?: Date | undefined;
  /** Build the Pagefind index (on unless the config says no). */
  search?: boolean | undefined;
  /** Render worker threads: 0 or 1 = in-process; absent = automatic. */
  threads?: number | undefined;
  /**
   * Build the site without the issues whose own text failed, handing back
   * their errors (Generated.held) instead of stopping: gekkan check reports
   * them and still checks the links of everything else. Without it, those
   * errors stop the run, but only after the pages, feeds and emails are
   * rendered, so a template error met there is reported with them.
   */
  partial?: boolean | undefined;
}

/** The options that shape the output, by name, in a fixed order (for keys). "Today" is not one: see DateWindow. */
export function shapingOptions(options: BuildOptions): Record<string, unknown> {
  return { base: options.base ?? null, drafts: options.drafts ?? false, future: options.future ?? false, search: options.search ?? true, serveAt: options.serveAt ?? null, url: options.url ?? null };
}
