import { readFileSync } from "node:fs";
import { open, rm } from "node:fs/promises";
import { join } from "node:path";
import { PlainError } from "../diagnostics.js";
import { readRegularFile } from "../regular-file.js";
import { machineWords } from "./fs-errors.js";
import { ownerHint } from "./owner-hint.js";

/** The lock's name in the folder of builds. */
export const LOCK_FILE = "lock";

export interface BuildLock {
  release: () => Promise<void>;
}

/**
 * One build at a time per output folder: two builds would each remove the
 * other's half-written folder as a leftover. The lock file holds the pid and,
 * where the system says it, when that process started (see processStart); a
 * lock whose process is gone (a killed build), or whose number another
 * process has taken since, is taken over.
 */
export async function lockOutput(store: string, out: string): Promise<BuildLock> {
  const path = join(store, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, "wx");
      const start = processStart(process.pid);
      await handle.writeFile(start === undefined ? String(process.pid) : `${process.pid} ${start}`);
      await handle.close();
      return { release: () => rm(path, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw lockRefused(error, store, out);
      const [holderText = "", started] = lockHolder(path, out).trim().split(" ");
      const holder = Number(holderText);
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder, started)) {
        // A build killed with SIGKILL leaves its lock, and its process number can be taken by another program (pid 1 in a
        // new container): the author is told which file to remove, as nothing else would ever release it.
        throw new PlainError(`another gekkan build (process ${holder}) is writing ${JSON.stringify(out)}; wait for it to finish, then build again (if process ${holder} is no gekkan build, one was killed and its number reused: remove ${JSON.stringify(path)})`);
      }
      await rm(path, { force: true });
    }
  }
  throw new PlainError(`could not lock ${JSON.stringify(out)} for writing; remove ${JSON.stringify(path)} if no build is running`);
}

/**
 * Why the lock could not be made, in words: a folder of builds left by a
 * build run with sudo refuses every later build of the author with EACCES,
 * which reached them as an internal error with a stack trace.
 */
function lockRefused(error: unknown, store: string, out: string): unknown {
  const words = machineWords(error);
  if (words === undefined) return error;
  return new PlainError(`could not lock ${JSON.stringify(out)} for writing: ${words} in ${JSON.stringify(store)}${ownerHint(store)}; the previous output is unchanged`);
}

/**
 * The lock's text ("" when it cannot be read: a lock being written). A named
 * pipe there made readFile wait forever, and a folder made rm fail with a
 * stack trace: neither is a lock gekkan made, so the author is asked to remove it.
 */
function lockHolder(path: string, out: string): string {
  try {
    return readRegularFile(path).toString("utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "ENOTREG" && code !== "EISDIR") return "";
    throw new PlainError(`could not lock ${JSON.stringify(out)} for writing: ${JSON.stringify(path)} is not a lock file gekkan made (it is a ${code === "EISDIR" ? "folder" : "named pipe, socket or device"}); remove it, then build again`);
  }
}

/** Whether process `pid` runs, and is the one that started at `started` when the lock says so (a lock of an older gekkan says only the pid). */
function alive(pid: number, started: string | undefined): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const now = started === undefined ? undefined : processStart(pid);
  return now === undefined || now === started;
}

/**
 * When process `pid` started, as the boot it runs in and its start time in
 * clock ticks since that boot (/proc/PID/stat, field 22): a number a killed
 * build's successor cannot share with it, as the pid alone can (a container's
 * first process is pid 1 every time). Undefined where /proc does not say.
 */
function processStart(pid: number): string | undefined {
  try {
    const boot = readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) is in parentheses and may hold spaces and ")": the fields after it follow the last ")".
    const start = stat.slice(stat.lastIndexOf(")") + 2).split(" ")[19];
    return start === undefined || !/^\d+$/.test(start) ? undefined : `${boot}:${start}`;
  } catch {
    return undefined;
  }
}
