/**
 * Warm == cold over the edits an author really makes, one after another.
 * A copy of the sample site is built with the cache (`gekkan build` as a
 * user runs it, so the up-to-date check, checked sources, the output record
 * and every memo take part); after each random edit it is built again, and
 * a copy of the same inputs is built with `--no-cache` into a folder of its
 * own. The cold build is the oracle: the same exit code, the same problems
 * and notes, and the whole dist/ byte for byte.
 *
 * The other incremental tests hold one edit at a time to a clean build;
 * this one holds sequences, where a cache entry, a record or a date window
 * left by one step meets the next (an issue added while it is future-dated,
 * then its day comes; a file renamed back; a config edited and restored).
 * The edits (KINDS): issues added (the monthly case), edited in body, title
 * (typed as Markdown too, which the build warns of),
 * date, tags or a block's facts, published, broken, deleted with their
 * translation, renamed or moved, given links to the other edition's pages
 * (marked with hreflang only when that page exists); translations added and removed; partials,
 * the layout, locale strings, the email template and the stylesheet edited,
 * an asset added or removed, a site's override dropped for gekkan's own, a
 * partial formatting a content date with `| date`; the
 * config's component names, URL (so the base path), titles, feed size,
 * email files, the site's language (lang swapped with its translation's)
 * and its languages section dropped or restored; public/ files added,
 * removed or shadowing a generated file, the email's image and its PNG
 * stand-in changed under the same size and times or removed, and symbolic links in public/ (to
 * a file in it, to one other edits add and delete, to a folder, to an issue,
 * to nothing) made, retargeted and removed; editors' and version control's
 * leftovers (an Emacs lock leading nowhere, a backup, an auto-save, a .git
 * folder, a .DS_Store) made and removed; files touched without a change;
 * "today" (SOURCE_DATE_EPOCH, with the clock) moved on or back; the
 * machine's time zone changed; the build's flags changed (--threads 2, on
 * worker threads, and --threads 1 among them); dist/ removed (and the builds
 * beside it, as in a fresh CI checkout); the first build's cache restored
 * over a newer one (as actions/cache does when the exact key misses); the
 * last edit undone.
 * A build that fails is followed by the undo that fixes it.
 */
import fc from "fast-check";
import { cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { useBuildClock } from "../helpers/build-clock.js";
import { main } from "../../src/cli.js";
import { PUBLIC_READ_BYTES } from "../../src/limits.js";
import { captureIo } from "../helpers/io.js";
import { copySite } from "../helpers/site-copy.js";
import { readTree, tempDir, type TempDir } from "../helpers/temp-site.js";

const ISSUES = "content/issues";
/** The sample site's first issue is dated 2011-04-01, its second 2011-05-01: "today" starts between them and after. */
const FIRST_DAY = Date.parse("2011-05-10T12:00:00Z");
const DAY_MS = 86_400_000;

/** Every issue file under content/issues, relative to the root, sorted. */
function issueFiles(root: string): string[] {
  const dir = join(root, ISSUES);
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".md")).map((name) => `${ISSUES}/${name.split("\\").join("/")}`).sort();
}

const originals = (root: string) => issueFiles(root).filter((file) => !file.endsWith(".en.md"));
const translations = (root: string) => issueFiles(root).filter((file) => file.endsWith(".en.md"));
const translationOf = (file: string) => file.replace(/\.md$/, ".en.md");
const pickOf = <T>(list: readonly T[], pick: number): T | undefined => list[pick % Math.max(list.length, 1)];

function read(root: string, file: string): string {
  return readFileSync(join(root, file), "utf8");
}

function write(root: string, file: string, text: string): void {
  mkdirSync(dirname(join(root, file)), { recursive: true });
  writeFileSync(join(root, file), text);
}

/** A front-matter field's value as written (first match), or undefined. */
function field(text: string, name: string): string | undefined {
  return new RegExp(`^${name}: (.*)$`, "m").exec(text)?.[1];
}

/** The next issue: one number and one month past the last, with a release block so reference pages change too. */
function nextIssue(root: string, pick: number): { file: string; text: string } {
  const texts = originals(root).map((file) => read(root, file));
  const number = Math.max(0, ...texts.map((t) => Number(field(t, "issue") ?? 0))) + 1;
  const last = texts.map((t) => field(t, "date") ?? "2011-03-01").sort().at(-1) ?? "2011-03-01";
  const date = new Date(Date.parse(`${last}T00:00:00Z`) + 31 * DAY_MS).toISOString().slice(0, 7);
  const component = pickOf(["pacemaker", "corosync", "booth"], pick) as string;
  const block = `:::release{component="${component}" version="1.${number}.0" status="released"}\n${component} ${number} が出ました。\n:::`;
  const text = `---\ntitle: "${number}号"\nissue: ${number}\ndate: ${date}-01\nsummary: "第${number}号のまとめ"\ntags: [pacemaker]\n---\n\n今月の話題です。\n\n${block}\n`;
  return { file: `${ISSUES}/${date.slice(0, 4)}/${date}.md`, text };
}

/** The site being edited, and how the next build runs: its day (after FIRST_DAY) and flags. */
interface State {
  root: string;
  day: number;
  flags: readonly string[];
  /** The machine's time zone (TZ): an author's laptop travels. */
  zone: string;
  /** The cache as the first build left it: CI's actions/cache restores an older entry when the exact key misses. */
  firstCache: string;
  /** The inputs as they were before the last edit, for "undo" (an author reverting a change, bytes and all). */
  before: string;
}

const INPUTS = ["content", "templates", "public", "gekkan.config.json"] as const;

/**
 * Replaces the inputs under `to` with those under `from`. Links are copied
 * as written (verbatimSymlinks): cpSync otherwise makes a relative link
 * absolute, so the cold copy's public/link-0.txt would lead back into the
 * warm site, and an undone link would lead into the undo folder.
 */
function copyInputs(from: string, to: string): void {
  for (const part of INPUTS) {
    rmSync(join(to, part), { recursive: true, force: true });
    // Links as written: resolved, a relative link in public/ would point back into the site copied from.
    if (existsSync(join(from, part))) cpSync(join(from, part), join(to, part), { recursive: true, verbatimSymlinks: true });
  }
}

/** A public file over PUBLIC_READ_BYTES (limits.ts): one a build hashes by its own digest, kept between builds. */
const LARGE_BYTES = PUBLIC_READ_BYTES + 4096;

/** One author's edit; `pick` chooses among the files or variants it applies to. */
interface Op {
  kind: Kind;
  pick: number;
}

/** Edits to the issues and their translations. */
const CONTENT_KINDS = [
  "add issue", "edit body", "edit title", "edit date", "edit tags", "publish draft", "delete issue", "rename issue",
  "add translation", "remove translation", "edit block", "break issue", "move address", "mark updated", "link other edition",
] as const;

/** Edits to the rest of the inputs: templates, assets, public/, the config. */
const SITE_KINDS = [
  "edit partial", "edit locale", "edit config", "add public file", "delete public file", "edit style", "footer year",
  "edit email template", "add asset", "delete asset", "drop template override", "public shadows output", "format a date",
  "link in public", "touch", "editor leftover", "large public file", "settle", "email image",
] as const;

/** Changes to how and where the next build runs, and to what earlier builds left, not to the inputs (but for undo). */
const SETTING_KINDS = ["advance today", "rewind today", "travel", "change flags", "undo", "remove output", "restore an old cache"] as const;

const KINDS = [...CONTENT_KINDS, ...SITE_KINDS, ...SETTING_KINDS] as const;
type Kind = (typeof KINDS)[number];
type ContentKind = (typeof CONTENT_KINDS)[number];
type SettingKind = (typeof SETTING_KINDS)[number];

const isContentKind = (kind: Kind): kind is ContentKind => (CONTENT_KINDS as readonly string[]).includes(kind);
const isSettingKind = (kind: Kind): kind is SettingKind => (SETTING_KINDS as readonly string[]).includes(kind);

const ZONES = ["Asia/Tokyo", "America/New_York", "UTC"] as const;

/**
 * The flags an author builds with: a preview with drafts or future issues, a
 * build under a sub-path, or with the search index (slower, so not the
 * default here); with two worker threads, which parse issues and finish
 * emails off the main thread however few there are (a number asked for
 * wins over the thresholds, worker-pool.ts threadCount), or with one, the
 * in-process path asked for by name (otherwise --threads 0, see build).
 */
const FLAGS = [
  ["--no-search"], ["--no-search", "--drafts"], ["--no-search", "--future"], ["--no-search", "--base", "/sub/"], [],
  ["--no-search", "--threads", "2"], ["--no-search", "--threads", "1", "--drafts"],
] as const;

/** Applies `op` to the site at `state.root`; returns what it did (for the failure message), or undefined when it does not apply. */
function apply(state: State, op: Op): string | undefined {
  const { kind, pick } = op;
  if (isSettingKind(kind)) return applySetting(state, kind, pick);
  return isContentKind(kind) ? applyToContent(state.root, kind, pick) : applyToSite(state.root, kind, pick);
}

/** Replaces `file`'s text with `change` of it; undefined when there is no such file or the change changes nothing. */
function editFile(root: string, kind: Kind, file: string | undefined, change: (text: string) => string): string | undefined {
  // A site's template dropped for gekkan's own is not there to edit.
  if (file === undefined || !existsSync(join(root, file))) return undefined;
  const before = read(root, file);
  const after = change(before);
  if (after === before) return undefined;
  write(root, file, after);
  return `${kind} ${file}`;
}

/** An edit to the issues or their translations. */
function applyToContent(root: string, kind: ContentKind, pick: number): string | undefined {
  const issue = pickOf(issueFiles(root), pick);
  const original = pickOf(originals(root), pick);
  switch (kind) {
    case "add issue": {
      const next = nextIssue(root, pick);
      if (existsSync(join(root, next.file))) return undefined;
      write(root, next.file, next.text);
      return `add issue ${next.file}`;
    }
    case "edit body": return editFile(root, kind, issue, (t) => (pick % 2 === 0 ? `${t}\n追記の段落 ${pick}。\n` : t.replace(/。/, "！")));
    // One in three typed as Markdown (bold), which the build warns of: warm must warn as cold does.
    case "edit title": return editFile(root, kind, issue, (t) => t.replace(/^title: "(.*)"$/m, pick % 3 === 0 ? `title: "$1 **${pick}**"` : `title: "$1 (${pick})"`));
    case "edit date": return editFile(root, kind, issue, (t) => t.replace(/^date: (\d{4}-\d{2})-(\d{2})$/m, (_, month: string, day: string) => `date: ${month}-${day === "01" ? "15" : "01"}`));
    case "edit tags": return editFile(root, kind, issue, (t) => (/^tags: \[corosync, /m.test(t) ? t.replace(/^tags: \[corosync, /m, "tags: [") : t.replace(/^tags: \[/m, "tags: [corosync, ")));
    case "publish draft": return editFile(root, kind, issueFiles(root).find((file) => /^draft: true$/m.test(read(root, file))), (t) => t.replace(/^draft: true\n/m, ""));
    case "delete issue": return deleteIssue(root, original);
    case "rename issue": return renameIssue(root, original, pick);
    case "add translation": return addTranslation(root, originals(root).filter((file) => !existsSync(join(root, translationOf(file)))), pick);
    case "remove translation": {
      const file = pickOf(translations(root), pick);
      if (file === undefined) return undefined;
      rmSync(join(root, file));
      return `remove translation ${file}`;
    }
    case "edit block": return editFile(root, kind, issue, (t) => t.replace(/status="(\w+)"/, (_, status: string) => `status="${status === "released" ? "planned" : "released"}"`).replace(/version="([\d.]+)"/, `version="$1.${pick % 10}"`));
    case "break issue": return editFile(root, kind, issue, (t) => t.replace(/^title:/m, "titel:"));
    case "move address": return editFile(root, kind, original, (t) => moveAddress(t, pick));
    // Whether such a link is marked with hreflang depends on other files (a translation added or removed later): its body's key must say so.
    case "link other edition": return editFile(root, kind, issue, (t) => `${t}\n${editionLinks(root, pick)}\n`);
    case "mark updated": return editFile(root, kind, issue, (t) => (/^updated: /m.test(t) ? t.replace(/^updated: .*\n/m, "") : t.replace(/^date: (\d{4}-\d{2})-\d{2}$/m, (line, month: string) => `${line}\nupdated: ${month}-28`)));
  }
}

/**
 * A paragraph linking an issue's pages in both editions by its month (its
 * address, or its alias once it moved): the English one root-relative, the
 * Japanese one relative (from any issue page, "../../../" is the site's root).
 */
function editionLinks(root: string, pick: number): string {
  const month = (pickOf(originals(root), pick + 1) ?? "2011-04.md").replace(/^.*\//, "").replace(/\.md$/, "");
  return `[English ${month}](/en/issues/${month}/) / [原文 ${month}](../../../issues/${month}/)`;
}

/**
 * An issue's address moved with its old one kept (front matter slug and
 * aliases: the alias pages, the feeds' first ids), its old one then let go
 * (aliases taken out, the slug kept: a translation's feed ids, which follow
 * its original's aliases, change with no edit to the translation), and
 * moved back (the slug taken out): one step of that cycle per edit.
 */
function moveAddress(text: string, pick: number): string {
  if (/^aliases: /m.test(text)) return text.replace(/^aliases: .*\n/m, "");
  if (/^slug: /m.test(text)) return text.replace(/^slug: .*\n/m, "");
  return text.replace(/^date: (\d{4}-\d{2})-\d{2}$/m, (line, month: string) => `${line}\nslug: moved-${pick}\naliases: [${month}]`);
}

/** An edit to the templates, assets, public/ or the config. */
function applyToSite(root: string, kind: Exclude<Kind, ContentKind | SettingKind>, pick: number): string | undefined {
  switch (kind) {
    case "edit partial": return editFile(root, kind, pickOf(["templates/partials/issue-card.liquid", "templates/partials/release-row.liquid", "templates/partials/archive-item.liquid", "templates/layouts/base.liquid"], pick), (t) => `${t}<!-- edit ${pick} -->\n`);
    case "edit locale": return editFile(root, kind, pickOf(["templates/locales/ja.json", "templates/locales/en.json"], pick), (t) => t.replace(/("home": ")([^"]*)"/, `$1$2 ${pick}"`));
    case "edit config": return editConfig(root, pick);
    case "add public file": {
      const file = `public/extra-${pick % 3}.txt`;
      write(root, file, `extra ${pick}\n`);
      return `add public file ${file} (${pick})`;
    }
    case "delete public file": {
      const file = pickOf(["public/extra-0.txt", "public/extra-1.txt", "public/images/linux-ha-stack.svg"], pick) as string;
      if (!existsSync(join(root, file))) return undefined;
      rmSync(join(root, file));
      return `delete public file ${file}`;
    }
    case "edit style": return editFile(root, kind, "templates/assets/style.css", (t) => `${t}\n.edit-${pick} { color: red; }\n`);
    case "footer year": return editFile(root, kind, "templates/layouts/base.liquid", (t) => t.replace('<p class="generator">', '<p class="copyright">© {{ "now" | date: "%Y" }}</p>\n<p class="generator">'));
    case "edit email template": return editFile(root, kind, "templates/email/issue.liquid", (t) => `${t}<!-- email ${pick} -->\n`);
    case "add asset": {
      write(root, "templates/assets/extra.css", `.extra-${pick} {}\n`);
      return `add asset (${pick})`;
    }
    case "delete asset": {
      if (!existsSync(join(root, "templates/assets/extra.css"))) return undefined;
      rmSync(join(root, "templates/assets/extra.css"));
      return "delete asset";
    }
    case "drop template override": {
      const file = pickOf(["templates/partials/issue-card.liquid", "templates/partials/archive-item.liquid", "templates/layouts/base.liquid", "templates/locales/en.json"], pick) as string;
      if (!existsSync(join(root, file))) return undefined;
      rmSync(join(root, file));
      return `drop template override ${file}`;
    }
    case "public shadows output": {
      const file = pickOf(["public/feed.xml", "public/assets/style.css", "public/issues/index.html"], pick) as string;
      write(root, file, `shadow ${pick}\n`);
      return `public shadows output: ${file}`;
    }
    case "format a date": return editFile(root, kind, "templates/partials/issue-card.liquid", (t) => t.replace("{{ card.dateLabel }}", '{{ card.date | date: "%Y/%m/%d" }}'));
    case "link in public": return linkInPublic(root, pick);
    case "editor leftover": return editorLeftover(root, pick);
    case "large public file": {
      // Over PUBLIC_READ_BYTES, so its digest is kept between builds (file-digests.ts); always the same size and times, so only its bytes tell.
      const file = "public/media/talk.mp4";
      mkdirSync(join(root, "public", "media"), { recursive: true });
      writeFileSync(join(root, file), Buffer.alloc(LARGE_BYTES, pick % 251));
      utimesSync(join(root, file), 1_300_000_000, 1_300_000_000);
      return `large public file (${pick % 251})`;
    }
    case "email image": return emailImage(root, pick);
    case "settle": {
      // Two seconds with nothing written: the files written before are "settled", and their digests are trusted from now on.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2100);
      return "settle";
    }
    case "touch": {
      const file = pickOf([...issueFiles(root), "gekkan.config.json", "templates/assets/style.css", "public/favicon.svg"], pick) as string;
      const later = new Date(Date.now() + pick * 1000);
      utimesSync(join(root, file), later, later);
      return `touch ${file}`;
    }
  }
}

/**
 * April's diagram as its email reads it (its width, and the PNG standing in
 * for the SVG), changed as tools do: the PNG's width rewritten in place and
 * the SVG's viewBox, each with the size and mtime put back; the PNG replaced
 * by rename with a JPEG of another width under its name; the PNG removed.
 * The email's facts of them are kept between builds (public-images.ts), so
 * only the bytes (and ctime) tell.
 */
function emailImage(root: string, pick: number): string | undefined {
  const png = join(root, "public/images/linux-ha-stack.png");
  const svg = join(root, "public/images/linux-ha-stack.svg");
  const width = 200 + (pick % 700);
  const keepingTimes = (path: string, write: () => void) => {
    const { atime, mtime } = statSync(path);
    write();
    utimesSync(path, atime, mtime);
  };
  switch (pick % 4) {
    case 0: {
      if (!existsSync(png)) return undefined;
      const bytes = readFileSync(png);
      // A JPEG put here by case 1 has no IHDR: only a PNG's width is rewritten.
      if (bytes.toString("latin1", 12, 16) !== "IHDR") return undefined;
      bytes.writeUInt32BE(width, 16);
      keepingTimes(png, () => writeFileSync(png, bytes));
      return `email image: the PNG's width in place (${width})`;
    }
    case 1: {
      if (!existsSync(png)) return undefined;
      const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xc0, 0, 17, 8, 0, 10, 0, 0, 3, ...Buffer.alloc(16)]);
      jpeg.writeUInt16BE(width, 9);
      writeFileSync(`${png}.new`, jpeg);
      const { atime, mtime } = statSync(png);
      utimesSync(`${png}.new`, atime, mtime);
      renameSync(`${png}.new`, png);
      return `email image: a JPEG renamed over the PNG (${width})`;
    }
    case 2: {
      if (!existsSync(svg)) return undefined;
      const text = readFileSync(svg, "utf8");
      const next = text.replace(/viewBox="0 0 \d{3} /, `viewBox="0 0 ${width} `);
      keepingTimes(svg, () => writeFileSync(svg, next));
      return `email image: the SVG's viewBox in place (${width})`;
    }
    default: {
      if (!existsSync(png)) return undefined;
      rmSync(png);
      return "email image: the PNG removed";
    }
  }
}

/** A change to the next build's day, zone or flags, to what earlier builds left, or the undo. */
function applySetting(state: State, kind: SettingKind, pick: number): string | undefined {
  const { root } = state;
  switch (kind) {
    case "advance today":
    case "rewind today": {
      const days = [1, 20, 40, 400][pick % 4] as number;
      state.day += kind === "advance today" ? days : -days;
      return `${kind} to ${new Date(FIRST_DAY + state.day * DAY_MS).toISOString().slice(0, 10)}`;
    }
    case "travel": {
      state.zone = pickOf(ZONES, pick) as string;
      return `travel to ${state.zone}`;
    }
    case "change flags": {
      state.flags = pickOf(FLAGS, pick) as readonly string[];
      return `build with [${state.flags.join(" ")}]`;
    }
    case "undo": {
      if (!existsSync(state.before)) return undefined;
      const now = join(state.before, "..", "now");
      copyInputs(root, now);
      copyInputs(state.before, root);
      copyInputs(now, state.before);
      return "undo the last edit";
    }
    case "remove output": {
      // rm -rf dist, and (as a fresh CI checkout) the builds beside it too.
      rmSync(join(root, "dist"), { recursive: true, force: true });
      if (pick % 2 === 0) rmSync(join(root, ".dist-gekkan"), { recursive: true, force: true });
      return `remove output${pick % 2 === 0 ? " and its builds" : ""}`;
    }
    case "restore an old cache": {
      rmSync(join(root, ".gekkan", "cache"), { recursive: true, force: true });
      cpSync(state.firstCache, join(root, ".gekkan", "cache"), { recursive: true });
      return "restore the first build's cache";
    }
  }
}

/**
 * A symbolic link in public/ (gekkan warns and does not copy it): made to a
 * file in public/, to one that other edits add and delete (so its target
 * comes and goes under it), to a folder, to an issue elsewhere in the site,
 * or to nothing; pointed elsewhere; or removed.
 */
function linkInPublic(root: string, pick: number): string {
  // Mostly a link already there, so that retargeting and removing are not left to two picks agreeing by chance.
  const links = readdirSync(join(root, "public")).filter((entry) => /^link-\d$/.test(entry));
  const fresh = ["link-0", "link-1"].find((entry) => !links.includes(entry));
  const name = fresh !== undefined && (links.length === 0 || pick % 4 === 0) ? fresh : (pickOf(links, pick) as string);
  const link = join(root, "public", name);
  const target = pickOf(["favicon.svg", "extra-0.txt", "images", "../content/issues/2011/2011-04.md", "missing.txt"], pick) as string;
  // Not existsSync, which follows the link: a link to nothing is there all the same.
  const existed = links.includes(name);
  rmSync(link, { force: true });
  if (existed && pick % 3 === 0) return `remove link public/${name}`;
  symlinkSync(target, link);
  return `${existed ? "retarget" : "make"} link public/${name} → ${target}`;
}

/**
 * What an editor or version control leaves beside the author's files (an
 * Emacs lock, a link leading nowhere; a backup; an auto-save; a clone's .git),
 * made or, when there, removed: the output is as if it never was.
 */
function editorLeftover(root: string, pick: number): string {
  const leftovers = ["templates/partials/.#issue-card.liquid", "public/favicon.svg~", "content/issues/2011/#2011-04.md#", "public/images/.git/config", "templates/assets/.DS_Store"];
  const file = pickOf(leftovers, pick) as string;
  const path = join(root, file);
  // lstat, not existsSync, which follows the lock to nothing.
  if (lstatSync(path, { throwIfNoEntry: false }) !== undefined) {
    rmSync(file.endsWith("/config") ? dirname(path) : path, { recursive: true, force: true });
    return `remove leftover ${file}`;
  }
  mkdirSync(dirname(path), { recursive: true });
  if (file.includes(".#")) symlinkSync("author@laptop.4242:1733400000", path);
  else write(root, file, `leftover ${pick}\n`);
  return `make leftover ${file}`;
}

/** Deletes an original and its translation (an author removing an issue removes both). */
function deleteIssue(root: string, file: string | undefined): string | undefined {
  if (file === undefined) return undefined;
  rmSync(join(root, file));
  rmSync(join(root, translationOf(file)), { force: true });
  return `delete issue ${file}`;
}

/** Moves an original (and its translation, keeping the .en suffix) to another name or folder. */
function renameIssue(root: string, file: string | undefined, pick: number): string | undefined {
  if (file === undefined) return undefined;
  const stem = file.slice(file.lastIndexOf("/") + 1, -".md".length);
  const target = pick % 2 === 0 ? `${ISSUES}/moved/${stem}.md` : `${ISSUES}/${stem}-renamed.md`;
  if (existsSync(join(root, target))) return undefined;
  mkdirSync(dirname(join(root, target)), { recursive: true });
  renameSync(join(root, file), join(root, target));
  if (existsSync(join(root, translationOf(file)))) renameSync(join(root, translationOf(file)), join(root, translationOf(target)));
  return `rename issue ${file} → ${target}`;
}

/** An English translation of an untranslated original: same number and date, with lang: en. */
function addTranslation(root: string, untranslated: readonly string[], pick: number): string | undefined {
  const file = pickOf(untranslated, pick);
  if (file === undefined) return undefined;
  const text = read(root, file);
  const fields = ["issue", "date", "tags"].map((name) => `${name}: ${field(text, name) ?? ""}`).filter((line) => !line.endsWith(": "));
  const blocks = [...text.matchAll(/^:::release\{[^\n]*\}\n[\s\S]*?^:::$/gm)].map((m) => m[0]).slice(0, pick % 3);
  write(root, translationOf(file), `---\ntitle: "Issue ${field(text, "issue") ?? "?"} in English"\n${fields.join("\n")}\nlang: en\n---\n\nThe English text.\n\n${blocks.join("\n\n")}\n`);
  return `add translation ${translationOf(file)} (${blocks.length} blocks)`;
}

/**
 * A config change readers see: display names, the public URL (and so the
 * base path), the titles, the site's language; each can be undone by doing
 * it again.
 */
function editConfig(root: string, pick: number): string {
  const config = JSON.parse(read(root, "gekkan.config.json")) as Record<string, unknown>;
  const variant = pick % 8;
  if (variant === 0) config.componentNames = config.componentNames === undefined ? { pacemaker: "PACEMAKER", booth: "Booth" } : undefined;
  if (variant === 1) config.url = config.url === "https://gekkan.example/" ? "https://gekkan.example/sub/" : "https://gekkan.example/";
  if (variant === 2) config.title = `${String(config.title)}+`;
  if (variant === 3) config.feedItems = config.feedItems === 1 ? undefined : 1;
  const email = config.email as Record<string, unknown>;
  if (variant === 4) config.email = { ...email, files: email.files === false ? undefined : false };
  // The languages section may have been dropped by variant 7.
  const [code, text] = Object.entries((config.languages ?? {}) as Record<string, Record<string, unknown>>)[0] ?? [otherLanguage(config), {}];
  if (variant === 5) config.languages = { [code]: { ...text, title: `${String(text.title ?? config.title)}+` } };
  // The site's language swapped with its translation's: issues with no original in the new one are then errors, which the undo fixes.
  if (variant === 6) swapLanguage(config);
  // Without the section the translations stay, under the site's own title (a fallback the pages must follow both ways).
  if (variant === 7) config.languages = config.languages === undefined ? { [code]: { title: `${String(config.title)} (${code})` } } : undefined;
  write(root, "gekkan.config.json", `${JSON.stringify(config, null, 2)}\n`);
  return `edit config (variant ${variant})`;
}

/** The sample site's other language: its translations are *.en.md, and a swap makes ja the other. */
const otherLanguage = (config: Record<string, unknown>): string => (config.lang === "en" ? "ja" : "en");

/** lang ja with languages.en ⇄ lang en with languages.ja, titles and descriptions going with their language. */
function swapLanguage(config: Record<string, unknown>): void {
  const languages = (config.languages ?? {}) as Record<string, Record<string, unknown>>;
  const [other, text] = Object.entries(languages)[0] ?? [otherLanguage(config), {}];
  config.languages = { [String(config.lang)]: { title: config.title, description: config.description } };
  config.lang = other;
  config.title = text.title ?? config.title;
  config.description = text.description ?? config.description;
}

const op: fc.Arbitrary<Op> = fc.record({ kind: fc.constantFrom(...KINDS), pick: fc.nat({ max: 1000 }) });

interface Run {
  code: number;
  /** Problems, warnings and notes: everything but the summary line, which counts what was reused. */
  said: string[];
}

/** A build on day `day` after FIRST_DAY: "today" (SOURCE_DATE_EPOCH) and the clock move together, as on a real machine, in the machine's zone. */
async function build(root: string, out: string, clock: Pick<State, "day" | "flags" | "zone">, cache: boolean): Promise<Run> {
  const now = FIRST_DAY + clock.day * DAY_MS;
  // Node reads TZ again whenever it is set.
  process.env.TZ = clock.zone;
  vi.stubEnv("SOURCE_DATE_EPOCH", String(Math.floor(now / 1000)));
  vi.setSystemTime(now);
  const io = captureIo();
  const threads = clock.flags.includes("--threads") ? [] : ["--threads", "0"];
  const code = await main(["build", "--root", root, "--out", out, ...threads, ...clock.flags, ...(cache ? [] : ["--no-cache"])], io);
  const said = withoutHistory([...io.stdout, ...io.stderr].filter((line) => !/^gekkan: (built|up to date)/.test(line))).map((line) => line.split(root).join("ROOT"));
  return { code, said };
}

/**
 * The warnings only a build with the cache can give: an issue address the
 * last build published and this one lost (address-moved, address-gone),
 * which the record of that build tells. A cold build has no last build;
 * everything else it says the same. The one line naming the warnings' kinds
 * names these too, so it goes as well: it is made from the warnings kept.
 */
function withoutHistory(lines: readonly string[]): string[] {
  const address = / {2}warning: (?:issue \d+ (?:was published at|\(\S+\) was published by the last build)|the last build published the \S+ edition at)/;
  return lines.filter((line) => !address.test(line) && !line.startsWith("gekkan: if you mean"));
}

/** A fresh copy of the site's inputs (never its cache or output), built without the cache. */
async function coldBuild(root: string, scratch: string, clock: Pick<State, "day" | "flags" | "zone">): Promise<{ run: Run; tree: Map<string, Buffer> }> {
  rmSync(scratch, { recursive: true, force: true });
  const copy = join(scratch, "site");
  mkdirSync(copy, { recursive: true });
  copyInputs(root, copy);
  const out = join(scratch, "dist");
  const run = await build(copy, out, clock, false);
  run.said = run.said.map((line) => line.split(copy).join("ROOT"));
  return { run, tree: run.code === 0 ? readTree(out) : new Map() };
}

/**
 * The sequences that found the divergences fixed with this test (see
 * clock-in-template.test.ts, test/cli/left-out.test.ts), and the rarer
 * edits each run should hold at least once.
 */
const FOUND: ReadonlyArray<readonly Op[]> = [
  // The Japanese April corrected alone (its English page and email now say so, with no edit to them), the English
  // one brought up to date on the same day (the note goes), then the original's correction taken back.
  [{ kind: "mark updated", pick: 1 }, { kind: "mark updated", pick: 0 }, { kind: "mark updated", pick: 1 }],
  [{ kind: "format a date", pick: 0 }, { kind: "travel", pick: 1 }],
  [{ kind: "footer year", pick: 0 }, { kind: "advance today", pick: 3 }],
  [{ kind: "add issue", pick: 0 }, { kind: "advance today", pick: 0 }],
  // Each run holds the rarer edits at least once: worker threads parsing an added and an edited issue, and one
  // thread asked for; every kind of link in public/, its target appearing and removed under it; the site's
  // language swapped while issues lack an original in it (an error the undo fixes), and swapped once every
  // issue has one, built in English, its languages section dropped and restored, then swapped back.
  [{ kind: "change flags", pick: 5 }, { kind: "add issue", pick: 1 }, { kind: "edit body", pick: 2 }, { kind: "change flags", pick: 6 }, { kind: "edit title", pick: 1 }],
  [
    { kind: "link in public", pick: 0 }, { kind: "link in public", pick: 16 }, { kind: "add public file", pick: 0 }, { kind: "link in public", pick: 2 },
    { kind: "delete public file", pick: 0 }, { kind: "link in public", pick: 38 }, { kind: "link in public", pick: 19 }, { kind: "link in public", pick: 6 },
  ],
  [{ kind: "edit config", pick: 6 }, { kind: "add translation", pick: 0 }],
  // April's diagram read by a settled build, then changed under the same size and times (in place, by rename, the
  // stand-in removed), each after a build that trusted what the one before read.
  [
    { kind: "settle", pick: 0 }, { kind: "email image", pick: 4 }, { kind: "email image", pick: 2 }, { kind: "settle", pick: 0 },
    { kind: "edit body", pick: 0 }, { kind: "email image", pick: 5 }, { kind: "settle", pick: 0 }, { kind: "email image", pick: 3 }, { kind: "undo", pick: 0 },
  ],
  // A large file settled and trusted, then other bytes of the same size and times; then the first bytes again.
  [{ kind: "large public file", pick: 1 }, { kind: "settle", pick: 0 }, { kind: "edit body", pick: 0 }, { kind: "large public file", pick: 2 }, { kind: "settle", pick: 0 }, { kind: "undo", pick: 0 }],
  [
    { kind: "add translation", pick: 0 }, { kind: "add translation", pick: 0 }, { kind: "edit config", pick: 6 }, { kind: "edit title", pick: 0 },
    { kind: "edit config", pick: 7 }, { kind: "edit config", pick: 5 }, { kind: "edit config", pick: 7 }, { kind: "edit config", pick: 6 },
  ],
  // Every editor's and version control's leftover made, a build between, then each removed.
  [
    { kind: "editor leftover", pick: 0 }, { kind: "editor leftover", pick: 1 }, { kind: "editor leftover", pick: 2 }, { kind: "edit body", pick: 0 },
    { kind: "editor leftover", pick: 3 }, { kind: "editor leftover", pick: 4 }, { kind: "edit partial", pick: 0 }, { kind: "editor leftover", pick: 0 },
    { kind: "editor leftover", pick: 1 }, { kind: "editor leftover", pick: 2 }, { kind: "editor leftover", pick: 3 }, { kind: "editor leftover", pick: 4 },
  ],
  // The Japanese April given links to May's and April's pages in both editions; May's translation added (its link is
  // marked hreflang="en" from then on, in a body whose own text did not change) and removed, then April's.
  [
    { kind: "link other edition", pick: 9 }, { kind: "add translation", pick: 0 }, { kind: "link other edition", pick: 5 },
    { kind: "remove translation", pick: 1 }, { kind: "remove translation", pick: 0 },
  ],
  // An issue's address moved with its old one kept, its translation added, its body and date edited, its old address
  // let go, then moved back; a correction dated.
  [
    { kind: "move address", pick: 0 }, { kind: "add translation", pick: 0 }, { kind: "edit body", pick: 0 }, { kind: "mark updated", pick: 0 },
    { kind: "edit date", pick: 0 }, { kind: "move address", pick: 0 }, { kind: "move address", pick: 0 }, { kind: "mark updated", pick: 0 },
  ],
  // May translated (a text with no link whose marks would change its key), then its original moved with the old
  // address kept, that address let go (the translation's feed ids follow, with no edit to it), and moved back.
  [
    { kind: "add translation", pick: 0 }, { kind: "move address", pick: 1 }, { kind: "move address", pick: 1 }, { kind: "move address", pick: 1 },
  ],
];

/** Builds the site after each edit of `ops`, warm and cold, and expects the same output and the same words. */
async function sequenceHolds(ops: readonly Op[], scratch: TempDir): Promise<void> {
  const site = await copySite();
  try {
    const root = site.path;
    const out = join(root, "dist");
    const state: State = { root, day: 0, flags: FLAGS[0], zone: ZONES[0], before: join(scratch.path, "before"), firstCache: join(scratch.path, "first-cache") };
    rmSync(state.before, { recursive: true, force: true });
    rmSync(state.firstCache, { recursive: true, force: true });
    // booth is a component of this site, so an added issue may be about it.
    write(root, "gekkan.config.json", `${JSON.stringify({ ...JSON.parse(read(root, "gekkan.config.json")), components: ["booth"] }, null, 2)}\n`);
    expect((await build(root, out, state, true)).code).toBe(0);
    cpSync(join(root, ".gekkan", "cache"), state.firstCache, { recursive: true });
    const done: string[] = [];
    const check = async (did: string): Promise<number> => {
      done.push(did);
      const warm = await build(root, out, state, true);
      const cold = await coldBuild(root, join(scratch.path, "cold"), state);
      const story = done.join("; ");
      expect({ code: warm.code, said: warm.said }, story).toEqual(cold.run);
      if (cold.run.code !== 0) return cold.run.code;
      const tree = readTree(out);
      const differ = [...new Set([...tree.keys(), ...cold.tree.keys()])].filter((path) => !(tree.get(path)?.equals(cold.tree.get(path) ?? Buffer.alloc(0)) ?? false));
      expect(differ, `after ${story}`).toEqual([]);
      return 0;
    };
    for (const step of ops) {
      const before = join(scratch.path, "next-before");
      if (step.kind !== "undo") copyInputs(root, before);
      const did = apply(state, step);
      if (did === undefined) continue;
      if (step.kind !== "undo") {
        rmSync(state.before, { recursive: true, force: true });
        renameSync(before, state.before);
      }
      // A build that fails is fixed, as its author would, by undoing the edit: the next build follows a failed one.
      if ((await check(did)) !== 0) await check(apply(state, { kind: "undo", pick: 0 }) ?? "");
    }
  } finally {
    site.remove();
  }
}

describe("warm builds over sequences of author edits", () => {
  const dirs: TempDir[] = [];
  useBuildClock();
  afterAll(() => dirs.forEach((dir) => dir.remove()));

  it("property: after every edit, the cached build's dist/ is byte for byte a --no-cache build of the same inputs", async () => {
    const scratch = tempDir("cold-");
    dirs.push(scratch);
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 2, maxLength: 5 }), (ops) => sequenceHolds(ops, scratch)),
      {
        // About 1.5 s a run (a warm and a cold build per step): runs stop being started after 70 s, so the test stays under 90 s.
        numRuns: 40,
        interruptAfterTimeLimit: 70_000,
        markInterruptAsFailure: false,
      },
    );
  }, 120_000);

  // Each in full, apart from the random runs: as fast-check examples they shared the time limit, and those listed late never ran.
  it.each(FOUND.map((ops) => ({ ops, name: ops.map((step) => `${step.kind} ${step.pick}`).join(", ") })))("found before: $name", async ({ ops }) => {
    const scratch = tempDir("cold-");
    dirs.push(scratch);
    await sequenceHolds(ops, scratch);
  }, 180_000);
});
