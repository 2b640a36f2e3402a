import { open, rm } from "node:fs/promises";
import { join } from "node:path";
import { PlainError } from "../diagnostics.js";
import { readRegularFile } from "../regular-file.js";

/** The lock's name in the folder of builds. */
export const LOCK_FILE = "lock";

export interface BuildLock {
  release: () => Promise<void>;
}

/**
 * One build at a time per output folder: two builds would each remove the
 * other's half-written folder as a leftover. The lock file holds the pid; a
 * lock whose process is gone (a killed build) is taken over.
 */
export async function lockOutput(store: string, out: string): Promise<BuildLock> {
  const path = join(store, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, "wx");
      await handle.writeFile(String(process.pid));
      await handle.close();
      return { release: () => rm(path, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(lockHolder(path, out).trim());
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && alive(holder)) {
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

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
