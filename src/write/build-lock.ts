import { open, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { PlainError } from "../diagnostics.js";

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
      const holder = Number((await readFile(path, "utf8").catch(() => "")).trim());
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

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
