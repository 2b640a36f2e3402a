import { parseFlags, siteRootOf, type Io, EXIT } from "../cli-support.js";
import { ContentError, formatDiagnostic } from "../diagnostics.js";
import { runCheck, type CheckReport } from "../check/run-check.js";
import { plural } from "../plural.js";
import { warningLines } from "../warning-kinds.js";

export const checkUsage = `gekkan check [--root DIR] [--base PATH] [--url URL] [--html] [--published [--drafts] [--future]]

  Validates the site without writing anything: everything gekkan build
  checks, plus every internal link, #anchor and image on every page
  (links you wrote are reported at their line in the Markdown), and gaps
  in issue numbers (a warning). Drafts and future-dated issues are checked
  too, and what is found in them is marked [in a draft] or
  [in scheduled for DATE]. Exits 1 if anything is broken.
  --root DIR     site root (default: .)
  --base PATH    check the site as served under a sub-path, e.g. /repo/, as
                 gekkan build --base builds it (default: from the config url)
  --url URL      public site URL, overriding the config, as for gekkan build
  --html         also validate every page with the Nu Html Checker (needs Java)
  --published    check only what gekkan build publishes today
  --drafts       with --published: include drafts, as gekkan build --drafts would
  --future       with --published: include issues dated after today`;

export async function checkCommand(args: string[], io: Io): Promise<number> {
  const flags = parseFlags(args, "check");
  if (flags.help) {
    io.out(checkUsage);
    return EXIT.ok;
  }
  const started = performance.now();
  let report: CheckReport;
  try {
    // The base path and address the site is published with, taken as build takes them (loadConfig): checked as if at the config's, the base-path rules were off for a site CI builds with --base.
    report = await runCheck({ root: siteRootOf(flags.root), base: flags.base, url: flags.url, html: flags.html === true, published: flags.published === true, drafts: flags.drafts === true, future: flags.future === true });
  } catch (error) {
    if (error instanceof ContentError) {
      // Not one issue's own text but what every page needs (the config, templates, numbers or URLs across issues): no page can be checked.
      for (const message of error.messages) io.err(formatDiagnostic(message));
      io.err(`gekkan check: the site does not build: ${plural(error.messages.length, "error")}; link checks skipped: fix the errors above first`);
      return EXIT.content;
    }
    // A checker that cannot run (VnuUnavailableError) is a PlainError: cli.ts says it, as it says build's.
    throw error;
  }
  for (const line of [...report.errors.map(formatDiagnostic), ...warningLines(report.warnings)]) io.err(line);
  const ms = Math.round(performance.now() - started);
  const html = flags.html ? `, ${report.validated} validated as HTML` : "";
  const { drafts, future } = report.included;
  const scope = drafts || future ? `, ${drafts && future ? "drafts and scheduled issues" : drafts ? "drafts" : "scheduled issues"} included` : "";
  const inDrafts = report.unpublishedErrors > 0 ? ` (${report.unpublishedErrors} in drafts or scheduled issues)` : "";
  const unbuilt = report.unbuilt > 0 ? `; ${plural(report.unbuilt, "issue")} with errors left out, so links in and into ${report.unbuilt === 1 ? "it" : "them"} were not checked` : "";
  // An error said once for a template's mistake on many pages counts once, and the places it stands for are said: the count is of the lines printed above.
  const places = report.errorPlaces > report.errors.length ? ` at ${report.errorPlaces} places` : "";
  const line = `gekkan check: ${plural(report.pages, "page")}${html}, ${plural(report.links, "link")} checked (${report.linksFromMarkdown} from Markdown)${scope} in ${ms} ms: ${plural(report.errors.length, "error")}${places}${inDrafts}, ${plural(report.warnings.length, "warning")}${unbuilt}`;
  (report.errors.length > 0 ? io.err : io.out)(line);
  return report.errors.length > 0 ? EXIT.content : EXIT.ok;
}
