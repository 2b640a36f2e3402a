import axe from 'axe-core';
import type { Page } from 'playwright-core';

type Impact = 'minor' | 'moderate' | 'serious' | 'critical';

export interface AxeViolation {
  id: string;
  impact: Impact;
  help: string;
  helpUrl: string;
  /** One entry per offending element: CSS selector plus axe's failure summary. */
  nodes: Array<{ target: string; html: string; summary: string }>;
}

export interface AxeRunOptions {
  /** Impacts to report. Default: serious and critical. */
  impacts?: readonly Impact[];
  /** Passed through to axe.run (e.g. { runOnly: ['wcag2a','wcag2aa'] }). */
  axeOptions?: axe.RunOptions;
  /** CSS selectors to exclude from the run. */
  exclude?: readonly string[];
}

type AxeWindow = { axe?: typeof axe };

/**
 * Injects axe-core into the page (via evaluate, so a page CSP cannot block it)
 * and returns violations with impact in `impacts` (default serious|critical).
 */
export async function runAxe(page: Page, options: AxeRunOptions = {}): Promise<AxeViolation[]> {
  const impacts = new Set<Impact>(options.impacts ?? ['serious', 'critical']);
  const loaded = await page.evaluate(() => typeof (window as unknown as AxeWindow).axe !== 'undefined');
  if (!loaded) await page.evaluate(axe.source);
  const results = await page.evaluate(
    async ({ axeOptions, exclude }) => {
      const a = (window as unknown as AxeWindow).axe;
      if (!a) throw new Error('axe-core failed to load into the page');
      const context = exclude.length > 0 ? { include: [document], exclude: exclude.map((s) => [s]) } : document;
      const r = await a.run(context as axe.ElementContext, axeOptions);
      return r.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({
          target: n.target.map((t) => (Array.isArray(t) ? t.join(' >>> ') : String(t))).join(' '),
          html: n.html,
          summary: n.failureSummary ?? '',
        })),
      }));
    },
    { axeOptions: options.axeOptions ?? {}, exclude: [...(options.exclude ?? [])] },
  );
  return results.filter((v): v is typeof v & { impact: Impact } => v.impact !== null && impacts.has(v.impact));
}

/** Readable multi-line report ('' when empty), for `expect(formatAxeViolations(v)).toBe('')`. */
export function formatAxeViolations(violations: readonly AxeViolation[], label = ''): string {
  const lines: string[] = [];
  for (const v of violations) {
    lines.push(`${label ? `${label}: ` : ''}[${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} node(s))`);
    lines.push(`    ${v.helpUrl}`);
    for (const n of v.nodes.slice(0, 10)) {
      lines.push(`    - ${n.target}`);
      lines.push(`      ${n.html.replace(/\s+/g, ' ').slice(0, 160)}`);
      for (const s of n.summary.split('\n').filter((x) => x.trim() !== '')) lines.push(`      ${s.trim()}`);
    }
    if (v.nodes.length > 10) lines.push(`    … and ${v.nodes.length - 10} more`);
  }
  return lines.join('\n');
}
