import { readFileSync } from "node:fs";
import { isAbsolute, join, relative } from "node:path";
import { LiquidError } from "liquidjs";
import type { VFileMessage } from "vfile-message";
import { ContentError, diagnostic, formatDiagnostic, siteFile } from "../diagnostics.js";
import { liquidFilterNames, liquidTagNames } from "../render/liquid.js";
import { BUILTIN_TEMPLATES, effectiveTemplates, templateDirs } from "../render/template-dirs.js";
import { asSuggestion, didYouMean, suggest } from "../suggest.js";

/**
 * The Liquid errors of a stage that goes on past one (rendering every page):
 * a mistake met only while rendering (an undefined variable) would otherwise
 * be reported one per build, and the same one on many pages.
 */
export class TemplateErrors extends Error {
  constructor(readonly errors: readonly LiquidError[]) {
    super(`${errors.length} template errors`);
  }
}

/** Whether a stage may note `error` and go on (see TemplateErrors). */
export function isTemplateError(error: unknown): error is LiquidError {
  return error instanceof LiquidError;
}

/**
 * A Liquid error (or several) as located author errors, each once; any other error as it is. The
 * file is named like every other message's, from the site root; LiquidJS's
 * own ", file:/abs/path, line:3, col:30" tail repeats the place, so it goes.
 */
export function templateError(error: unknown, root: string): unknown {
  if (error instanceof TemplateErrors) {
    // One reading of the templates for all: the same mistake is met on every page that uses it.
    const source = templateFinder(root);
    const messages = new Map(error.errors.flatMap((one) => {
      const message = templateDiagnostic(one, root, source);
      return message === undefined ? [] : [[formatDiagnostic(message), message] as const];
    }));
    return new ContentError([...messages.values()]);
  }
  const message = templateDiagnostic(error, root);
  return message === undefined ? error : new ContentError([message]);
}

/** A Liquid error as a located message; undefined for any other error. */
export function templateDiagnostic(error: unknown, root: string, templateOf: (input: string) => string | undefined = templateFinder(root)): VFileMessage | undefined {
  if (!(error instanceof LiquidError)) return undefined;
  const token = (error as LiquidError & { token?: { file?: string; input?: string; begin?: number; getPosition?: () => [number, number] } }).token;
  let reason = error.message.replace(/, line:\d+, col:\d+$/, "");
  const tail = token?.file === undefined ? undefined : `, file:${token.file}`;
  if (tail !== undefined && reason.endsWith(tail)) reason = reason.slice(0, -tail.length);
  const path = token?.file ?? (token?.input === undefined ? undefined : templateOf(token.input));
  const file = path === undefined ? "templates" : siteFile(root, path);
  const unclosed = unclosedOutput(reason, token?.input, token?.begin);
  if (unclosed !== undefined) return diagnostic(file, `template error: ${unclosed.reason}`, unclosed.place, "template");
  const [line = 1, column = 1] = token?.getPosition?.() ?? [];
  return diagnostic(file, `template error: ${reason}${filterHint(reason)}${tagHint(reason)}${copyHint(reason, root, path)}`, { line, column }, "template");
}

/**
 * `<h1>{{ issue.title </h1>` without its `}}`: Liquid reads on to the next
 * `}}`, lines below, and says `expected "|" before filter` where the HTML
 * after the value begins. The output that holds another `{{` or `{%` before
 * its `}}` is the one left open; it is named at its `{{`, with the fix.
 */
function unclosedOutput(reason: string, input: string | undefined, at: number | undefined): { reason: string; place: { line: number; column: number } } | undefined {
  if (!reason.startsWith("expected ") || input === undefined || at === undefined) return undefined;
  const open = input.lastIndexOf("{{", at);
  const close = input.indexOf("}}", at);
  if (open === -1 || close === -1) return undefined;
  const inside = input.slice(open + 2, close);
  if (!inside.includes("{{") && !inside.includes("{%")) return undefined;
  const value = inside.slice(0, inside.search(/[<{}\n]|$/)).trim();
  const before = input.slice(0, open);
  const line = before.split("\n").length;
  const column = open - before.lastIndexOf("\n");
  const fix = value === "" ? "" : `: {{ ${value} }}`;
  return { reason: `this {{ is never closed, so Liquid read on to the next }} (line ${input.slice(0, close).split("\n").length}); add }} after the value${fix}`, place: { line, column } };
}

/**
 * The template file whose text is `input`: LiquidJS leaves the file off the
 * token of an error met while rendering a variable (`undefined variable:
 * block.versoin`), though the token keeps the template's whole text, so the
 * message named only "templates". A site's own template is found before
 * gekkan's of the same name, as Liquid looks them up. The templates are read
 * on the first question, once.
 */
function templateFinder(root: string): (input: string) => string | undefined {
  let byText: Map<string, string> | undefined;
  return (input) => {
    if (byText === undefined) {
      byText = new Map();
      for (const file of effectiveTemplates(templateDirs(root)).files) {
        const text = readTemplate(file);
        if (text !== undefined && !byText.has(text)) byText.set(text, file);
      }
    }
    return byText.get(input);
  };
}

function readTemplate(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/**
 * `undefined variable: issue.readingTimeOld` in a site's own copy of one of
 * gekkan's templates: most likely copied from an earlier gekkan, whose
 * names have changed since. Says so, with the name gekkan's current
 * template uses that is nearest (the names it writes after the same
 * variable), and where that template is, to compare.
 */
function copyHint(reason: string, root: string, path: string | undefined): string {
  const variable = /^undefined variable: ([A-Za-z_]\w*)\.([A-Za-z_][\w.]*)$/.exec(reason);
  const own = path === undefined ? "" : relative(join(root, "templates"), path);
  if (variable === null || own === "" || own.startsWith("..")) return "";
  const theirs = readTemplate(join(BUILTIN_TEMPLATES, own));
  if (theirs === undefined) return "";
  const [, object = "", property = ""] = variable;
  const used = [...new Set([...theirs.matchAll(new RegExp(`\\b${object}\\.([A-Za-z_]\\w*)`, "g"))].map((m) => m[1] ?? ""))];
  const near = suggest(property, used);
  const meant = near === undefined ? "" : `gekkan's own writes ${object}.${near} there; `;
  const shared = own.split("\\").join("/");
  // Named from the site when gekkan is installed in it (node_modules/gekkan/…); a path elsewhere would differ from machine to machine.
  const current = siteFile(root, join(BUILTIN_TEMPLATES, own));
  const where = isAbsolute(current) ? "" : ` (${current})`;
  return ` — this is your own copy of gekkan's templates/${shared}, which it replaces; if you copied it from an earlier gekkan, ${meant}compare it with gekkan's current one${where}`;
}

/** `undefined filter: upcasee` — did you mean "upcase"? A mistyped filter is the commonest template typo; LiquidJS names it but offers nothing. */
function filterHint(reason: string): string {
  const name = /^undefined filter: (\S+)$/.exec(reason)?.[1];
  return name === undefined ? "" : didYouMean(name, liquidFilterNames());
}

/**
 * `tag "fro" not found` — did you mean "for"? And `tag "endblock" not
 * found`: LiquidJS names the end tag it met where it expected another,
 * which is where the mistake shows, not what it is: a tag opened before it
 * was never closed (unless the end tag itself is mistyped: `endiff`).
 */
function tagHint(reason: string): string {
  const name = unknownTag(reason);
  if (name === undefined) return "";
  if (!name.startsWith("end")) return asSuggestion(meantTag(name));
  const ends = liquidTagNames().map((tag) => `end${tag}`);
  const typo = ends.includes(name) ? "" : didYouMean(name, ends);
  return typo !== "" ? typo : " — a tag opened before this line ({% for %}, {% if %}, {% unless %}, {% case %}, {% capture %}) is probably missing its end tag";
}

/** The tag a `tag "…" not found` message names; undefined for any other message. */
export function unknownTag(reason: string): string | undefined {
  return /^tag "([^"]+)" not found/.exec(reason)?.[1];
}

/** The tag an unknown one most likely is (`fro` → `for`); undefined when none is close. */
export function meantTag(name: string): string | undefined {
  return suggest(name, liquidTagNames());
}
