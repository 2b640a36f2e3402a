import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { buildTime } from "../build-time.js";
import { templateError } from "../pipeline/template-error.js";
import { parseCommandLine, readerGone, siteRootOf, UsageError, type Io, EXIT } from "../cli-support.js";
import { loadConfig } from "../config.js";
import { ContentError, PlainError } from "../diagnostics.js";
import { unignored, warningLines } from "../warning-kinds.js";
import { emailSizeWarnings } from "../email/email-size.js";
import { emailSvgWarnings } from "../email/email-svg.js";
import { emailImages } from "../email/email-images.js";
import { publicImages } from "../pipeline/public-images.js";
import { addressWarnings } from "../config-address.js";
import { emailSenderFor } from "../config-email.js";
import { assertSafeMessageFile } from "../write/message-file.js";
import { machineWords } from "../write/fs-errors.js";
import { writeFileAtomic } from "../write/atomic-file.js";
import { realPath } from "../write/real-path.js";
import { parseMailbox } from "../mail-address.js";
import { recipients } from "../email/recipients.js";
import { outcomeFiles } from "../email/outcome-files.js";
import { NAMED_AT_MOST } from "../email/send-outcome.js";
import { loadEmailSite } from "../pipeline/email-site.js";
import { heldIssue, selectIssue } from "../email/select-issue.js";
import { isPublished } from "../site/published.js";
import { renderEmail, type EmailEdition } from "../email/render-email.js";
import { issueBody } from "../render/pages.js";
import { pageLanguages } from "../site/page-languages.js";
import { issueMessages } from "../email/issue-message.js";
import { sendAll, smtpTarget } from "../email/send.js";
import { siteLocales } from "../render/locale.js";
import { noLocalePack } from "../language-name.js";

export const emailUsage = `gekkan email [ISSUE] [--lang LANG] [--out FILE] [--to ADDRESS]... [--to-file FILE]... [--send] [--root DIR] [--base PATH] [--url URL] [--no-cache]

  Makes issue ISSUE (its number or slug; default: the latest published
  issue) into an email message: RFC 5322, multipart/alternative with the
  plain-text and HTML editions, UTF-8. Writes it to standard output or
  FILE, ready for \`sendmail -t\` or an ESP's import, or sends it with --send.
  --lang LANG     the issue's translation into LANG (default: the issue in
                  the site's language)
  --out FILE      write the message to FILE instead of standard output (- is
                  standard output)
  --to ADDRESS    a recipient; repeat for more. A written message is addressed
                  to all of them; --send sends each their own copy
  --to-file FILE  the recipients listed in FILE, one a line (reader@example.org
                  or Name <reader@example.org>; blank lines and # comments
                  are passed over), as with a --to for each; repeat for more
  --send          send over SMTP, using the server and credentials in
                  GEKKAN_SMTP_URL (smtp://USER:PASSWORD@HOST:587 or smtps://…);
                  refuses drafts and issues dated after today. Ctrl-C stops
                  it after the message in flight, naming who got the issue
                  (exit 130; 143 for SIGTERM). Past ${NAMED_AT_MOST} readers not sent to,
                  they are counted and listed in ROOT/.gekkan/, to send with
                  --to-file; past ${NAMED_AT_MOST} refused, listed there with the reasons
  --root DIR      site root (default: .)
  --base PATH     the base path the site is published under (as for build)
  --url URL       the public site URL (as for build); links in the email use it
  --no-cache      do not use the render cache in ROOT/.gekkan/cache
  The sender comes from the config ("email": { "from": … }). A written
  message's Date is SOURCE_DATE_EPOCH when set, so the same input gives the
  same bytes; a sent one is dated when it is sent.`;

function parse(args: string[]) {
  return parseCommandLine(args, "email", true);
}

export async function emailCommand(args: string[], io: Io): Promise<number> {
  const { values: flags, positionals } = parse(args);
  if (flags.help) {
    io.out(emailUsage);
    return EXIT.ok;
  }
  if (positionals.length > 1) throw new UsageError(`give one issue, found ${positionals.length}: ${positionals.join(" ")}`);
  if (flags.send && (flags.to ?? []).length === 0 && (flags["to-file"] ?? []).length === 0) throw new UsageError("--send needs at least one --to ADDRESS or --to-file FILE");
  if (flags.send && flags.out !== undefined) throw new UsageError("--send and --out do not go together: write the message, or send it");
  const root = siteRootOf(flags.root);
  // Every reader read, and every line that is no address said, before any work: nothing is sent to some while a list is corrected.
  const { to, warnings: listWarnings } = recipients(flags.to ?? [], flags["to-file"] ?? [], root);
  // Before any work: a send that cannot happen should say so at once.
  const target = flags.send ? smtpTarget(process.env) : undefined;
  // "-" is standard output, as for most tools that write a file.
  const outFile = flags.out === "-" ? undefined : flags.out;
  if (outFile !== undefined) assertSafeMessageFile(root, outFile);
  const config = loadConfig(root, { base: flags.base, url: flags.url });
  // A code with no locale pack is no value --lang takes, a usage error as in gekkan new and init; a language with one but no issue in it is the content's (exit 1, selectIssue).
  const languages = [...siteLocales(root).keys()];
  if (flags.lang !== undefined && !languages.includes(flags.lang)) throw new UsageError(`--lang ${flags.lang}: ${noLocalePack(flags.lang, languages)}`);
  // The sender of the edition asked for (languages.<lang>.email.from, else the site's); checked again for the issue chosen below.
  const { from, field } = emailSenderFor(config, flags.lang ?? config.lang);
  if (from === undefined) throw new PlainError('the config has no sender: add "email": { "from": "Newsletter name <news@example.org>" } to gekkan.config.json');
  // Links in a message cannot be corrected once it is in readers' inboxes.
  if (!config.urlGiven && target !== undefined) throw new PlainError('the site has no address (no "url" in the config, and no --url), so every link in the message would point at http://localhost/; add "url": "https://…/" to the config, or pass --url, before sending');
  // What the author is about to send is the message, so the warning names what in it carries the address.
  for (const line of warningLines(unignored([...listWarnings, ...addressWarnings(config, "the links and images in this message")], config.ignoreWarnings))) io.err(line);
  const now = buildTime();
  const cacheDir = flags["no-cache"] === true ? undefined : resolve(root, ".gekkan", "cache");
  const loaded = await loadEmailSite({ root, base: flags.base, url: flags.url, now, cacheDir });
  const broken = heldIssue(loaded.held, positionals[0], flags.lang, loaded.site);
  if (broken !== undefined) throw new ContentError(broken.messages);
  const entry = selectIssue(loaded.site, loaded.today, positionals[0], flags.lang);
  const name = `issue ${entry.issue.number} (${entry.slug}${entry.issue.lang === config.lang ? "" : `, ${entry.issue.lang}`})`;
  // A translation is on the site only while its original is too.
  const holder = [entry, entry.versions[0] ?? entry].find((e) => !isPublished(e.issue, loaded.today));
  if (holder !== undefined) {
    const state = holder.issue.draft ? `a draft (draft: true in ${holder.issue.file})` : `dated ${holder.issue.date}, after today (${loaded.today})`;
    const why = holder === entry ? `is ${state}` : `is a translation whose original is ${state}`;
    if (target !== undefined) throw new PlainError(`${name} ${why}; --send only sends published issues${holder.issue.draft ? " — remove draft: true first" : " — send it on or after its date"}`);
    io.err(`gekkan email: warning: ${name} ${why}; its "view in browser" link does not work until it is published, and --send refuses it`);
  }
  const images = emailImages(entry.body.links, loaded.env.config, entry.route, publicImages(root));
  let edition: EmailEdition;
  try {
    edition = renderEmail(entry, loaded.env, issueBody(loaded.env, entry, pageLanguages(loaded.site, loaded.env.config.search)), images);
  } catch (error) {
    throw templateError(error, root);
  }
  // A message sent to readers is dated when it goes: one dated by SOURCE_DATE_EPOCH (a commit's time, often years back) lands at the
  // bottom of every inbox, and spam filters score an old Date. A written message keeps the epoch, so it is the same bytes every run.
  const date = target !== undefined ? new Date() : now;
  const messages = await issueMessages({ entry, env: loaded.env, edition, from, to, perRecipient: target !== undefined, date });
  // Recipients' copies differ only in their To line: the largest stands for all.
  const size = Math.max(0, ...messages.map((message) => message.raw.length));
  const warnings = [...emailSvgWarnings(entry.issue.file, entry.body.links, images), ...emailSizeWarnings(entry.issue.file, size)];
  for (const line of warningLines(unignored(warnings, config.ignoreWarnings, [entry.issue]))) io.err(line);
  if (target !== undefined) {
    const files = outcomeFiles({ root, name: `${entry.slug}${entry.issue.lang === config.lang ? "" : `.${entry.issue.lang}`}`, issue: name, readers: to });
    await sendAll(target, { address: parseMailbox(from)?.address ?? from, field }, messages, (line) => io.err(`gekkan email: ${line}`), files);
    io.out(`gekkan email: sent ${name} to ${sentTo(to)} through ${target.label}`);
  } else if (outFile !== undefined) {
    const file = resolve(outFile);
    await writeMessageFile(file, messages[0]?.raw ?? new Uint8Array());
    io.out(`gekkan email: wrote ${name} to ${file}`);
  } else await writeStdout(messages[0]?.raw ?? new Uint8Array());
  return EXIT.ok;
}

/**
 * The message to FILE as one step (writeFileAtomic): a full disk or a
 * killed run left FILE cut short, half a message that a later
 * `sendmail -t < FILE` would send, or the message written before lost.
 * FILE's folder is not made: a slip in the path is said, not followed. A
 * link is written through, so it still leads to the message, as the file
 * assertSafeMessageFile checked is the one replaced.
 */
async function writeMessageFile(file: string, bytes: Uint8Array): Promise<void> {
  const target = realPath(file);
  const existed = existsSync(target);
  await writeFileAtomic(target, bytes, { makeFolders: false }).catch((error: NodeJS.ErrnoException) => {
    const words = error.code === "ENOENT" ? "its folder does not exist" : (machineWords(error) ?? error.code ?? error.message);
    throw new PlainError(`cannot write ${file}: ${words}${existed ? "; the file there is unchanged" : ""}`);
  });
}

/**
 * Who a whole send reached, as its closing line says it: each reader by
 * name for a few, the count for a list (--to-file), whose hundreds of
 * addresses on one line no one reads; the list itself says who they are.
 */
function sentTo(to: readonly string[]): string {
  return to.length > NAMED_AT_MOST ? `all ${to.length} readers` : to.join(", ");
}

/** The message as bytes on standard output; a reader that stops early (`| head`) is not an error. */
function writeStdout(bytes: Uint8Array): Promise<void> {
  return new Promise((done, fail) => {
    // A failed write is also emitted as an "error" event on stdout, after the callback; unheard, it ended
    // the process with Node's stack trace. So the listener stays until that event has come.
    const closed = (error: NodeJS.ErrnoException) => (readerGone(error) ? done() : fail(error));
    process.stdout.once("error", closed);
    process.stdout.write(bytes, (error) => {
      if (error) return closed(error as NodeJS.ErrnoException);
      process.stdout.off("error", closed);
      done();
    });
  });
}
