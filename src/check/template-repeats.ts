import type { VFileMessage } from "vfile-message";
import { diagnostic } from "../diagnostics.js";
import { groupBy } from "../group-by.js";
import { placeOfOffset } from "./html-refs.js";
import { andOnOtherPages, byPagePlace, examplesOf } from "./other-pages.js";
import { standingFor } from "./places.js";
import { offsetsOf, type MarkupSource } from "./written-markup.js";

/** A broken reference of a page built from the templates, as check-links.ts reports it at the page. */
export interface TemplateProblem {
  /** At the built page; its reason ends with `builtPageNote(via)`. */
  message: VFileMessage;
  /** The address as the page has it. */
  url: string;
  /** How the page holds it (`a[href]`). */
  via: string;
  /**
   * For an address that resolves against the page (relative-in-template.ts),
   * what the one message says after why it is broken; undefined for one
   * that leads to the same place from every page.
   */
  relative?: string | undefined;
}

/** What a reference of a built page is told after why it is broken: its line and column are the page's, not a file's. */
export function builtPageNote(via: string): string {
  return ` (${via} in the built page: check the templates)`;
}

/**
 * One message for each mistake of the templates, however many pages show it:
 * a broken address in the layout was one line per page, thousands on a large
 * site, burying everything else. The same message (the same address, broken
 * the same way) on several pages is said once, at the first page in the
 * order of their addresses, naming how many others have it; at the
 * template's line instead when its text is certain (templateAt). A relative
 * address leads to another place from each page, so its messages differ:
 * they are the same mistake when the pages hold the same address the same
 * way (`a[href]`), broken the same way (sameMistake). The k-th of a page's
 * same messages goes with the others' k-th, so a layout with the same broken
 * address twice is two messages.
 */
export function onceForTemplates(problems: readonly TemplateProblem[], templates: readonly MarkupSource[]): VFileMessage[] {
  const seen = new Map<string, number>();
  const keyed = problems.map((problem) => {
    const same = sameMistake(problem);
    const onPage = `${problem.message.file ?? ""}\0${same}`;
    const nth = seen.get(onPage) ?? 0;
    seen.set(onPage, nth + 1);
    return { problem, same, nth };
  });
  const groups = groupBy(keyed, ({ same, nth }) => `${same}\0${nth}`);
  const repeatedOnPage = new Set(keyed.filter(({ nth }) => nth > 0).map(({ same }) => same));
  return [...groups.values()].map((group) => {
    const same = group[0]?.same ?? "";
    const sorted = group.map(({ problem }) => problem).sort(byPage);
    const [first] = sorted;
    if (first === undefined || sorted.length === 1) return first?.message;
    const pages = sorted.map((problem) => problem.message.file ?? "");
    const { message, url, via } = first;
    const template = repeatedOnPage.has(same) ? undefined : templateAt(url, templates);
    const rule = String(message.ruleId);
    const advice = first.relative ?? "";
    if (template === undefined) return standingFor(diagnostic(pages[0] ?? "", message.reason + andOnOtherPages(pages.slice(1)) + advice, { line: message.line ?? 1, column: message.column ?? 1 }, rule), pages.length);
    const reason = `${message.reason.slice(0, -builtPageNote(via).length)} (${via} in this template, on ${pages.length} built pages, ${examplesOf(pages)})${advice}`;
    return standingFor(diagnostic(template.file, reason, template, rule), pages.length);
  }).filter((message) => message !== undefined);
}

/** What makes two pages' problems one mistake: the message, or for a relative address what the page holds and how it is broken. */
function sameMistake({ message, url, via, relative }: TemplateProblem): string {
  const rule = String(message.ruleId);
  return relative === undefined ? `${rule}\0${message.reason}` : `relative\0${rule}\0${via}\0${url}`;
}

function byPage(a: TemplateProblem, b: TemplateProblem): number {
  const at = ({ message }: TemplateProblem) => ({ page: message.file ?? "", line: message.line ?? 0, column: message.column ?? 0 });
  return byPagePlace(at(a), at(b));
}

/**
 * Where a template writes `url` as the page has it, as an attribute's value
 * or a quoted string (`href="/old/"`, `{{ "/old/" | url }}` on a site at
 * /): only when exactly one place of the site's templates does, so the
 * message cannot name a text the author did not write. An address a
 * template makes (`{{ issue.url }}`, the url filter adding a base path)
 * is in no template as such: the message stays at the page.
 */
function templateAt(url: string, templates: readonly MarkupSource[]): { file: string; line: number; column: number } | undefined {
  const places = templates.flatMap((template) => literalOffsets(template.text, url).map((offset) => ({ file: template.file, ...placeOfOffset(template.text, offset) })));
  return places.length === 1 ? places[0] : undefined;
}

/** Where `url` starts in `text` as a whole value: after a quote or "=", before a quote, a space or ">". */
function literalOffsets(text: string, url: string): number[] {
  if (url === "") return [];
  return offsetsOf(text, url).filter((at) => /["'=]/.test(text[at - 1] ?? "") && /["'\s>]/.test(text[at + url.length] ?? ""));
}
