import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { join } from "node:path";
import { REPO } from "./run-cli.js";

/** The gekkan the shell steps run (bin/gekkan.js, compiled by ensureCompiled), quoted for sh. */
export const SHELL_GEKKAN = `"${process.execPath}" "${join(REPO, "bin", "gekkan.js")}"`;

/**
 * A real full disk: `steps` (sh commands, each run only if the one before
 * succeeded) with the folder `disk` a tmpfs of `size` ("64k", "1m"), in a
 * mount namespace of its own (`unshare -rm`), so nothing is mounted for
 * anyone else and it is gone when the shell ends: a step copies out what
 * the test reads. Paths are quoted with "…", as the temp folders have
 * spaces and Japanese in them.
 */
export function onSmallDisk(options: { cwd: string; disk: string; size: string; steps: readonly string[] }): SpawnSyncReturns<string> {
  const script = [`mount -t tmpfs -o size=${options.size} tmpfs "${options.disk}"`, ...options.steps].join(" && ");
  return spawnSync("unshare", ["-rm", "sh", "-c", script], { cwd: options.cwd, encoding: "utf8" });
}
