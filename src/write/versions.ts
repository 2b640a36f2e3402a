import { lstatSync, readlinkSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import { LOCK_FILE } from "./build-lock.js";

/**
 * Where an output folder's builds live. The output path itself (`dist`) is
 * a symbolic link to the current build, a folder in a hidden sibling
 * (`.dist-gekkan/<build>/`); a new build is filled beside it and the link is
 * replaced with one rename, the one step that publishes it.
 */
export interface OutputPlace {
  /** The path readers use, e.g. ROOT/dist. */
  out: string;
  /** The folder holding the builds, e.g. ROOT/.dist-gekkan. */
  store: string;
}

export function outputPlace(out: string): OutputPlace {
  const abs = resolve(out);
  return { out: abs, store: join(dirname(abs), `.${basename(abs)}-gekkan`) };
}

/** The output a folder of builds serves (outputPlace's inverse): ROOT/.dist-gekkan → ROOT/dist. */
export function outputOfStore(store: string): string {
  return join(dirname(store), basename(store).slice(1, -"-gekkan".length));
}

/** Whether a folder's name is that of a folder of builds (outputPlace's `store`): `.dist-gekkan` for dist. */
export function isStoreName(name: string): boolean {
  return /^\..+-gekkan$/.test(name);
}

/** How a build folder is named (newBuildFolder in write-output.ts): b<time>-<pid>-<random>. */
export const BUILD_NAME = /^b[0-9a-z]+-\d+-[0-9a-f]{8}$/;

/**
 * Whether gekkan could have put an entry of that name in a folder of builds:
 * a build (gekkan 0.1 before the random part, too), an output folder moved
 * aside (`earlier-…`), or the lock. Anything else there is someone's own,
 * and the next build would remove it with the leftovers.
 */
export function isStoreEntry(name: string): boolean {
  return name === LOCK_FILE || BUILD_NAME.test(name) || /^b[0-9a-z]+-\d+$/.test(name) || /^earlier-[0-9a-z]+$/.test(name);
}

/** The build folder `out` links to when it is one of ours, else undefined (a real folder, absent, or a foreign link). */
export function currentBuild(place: OutputPlace): string | undefined {
  const stat = lstatSync(place.out, { throwIfNoEntry: false });
  if (stat === undefined || !stat.isSymbolicLink()) return undefined;
  const target = resolve(dirname(place.out), readlinkSync(place.out));
  return dirname(target) === place.store ? target : undefined;
}

/** True when `out` is a link gekkan made (into its own store). */
export function isOwnLink(out: string): boolean {
  return currentBuild(outputPlace(out)) !== undefined;
}

/** The link text for a build: relative, so moving the whole site keeps it working. */
export function linkText(place: OutputPlace, build: string): string {
  return relative(dirname(place.out), build).split(sep).join("/");
}
