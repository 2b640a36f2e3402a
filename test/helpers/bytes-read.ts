import { readFileSync } from "node:fs";

/**
 * Bytes this process has read so far, by the kernel's count (proc(5),
 * /proc/self/io rchar): it also counts the children it has waited for (a
 * `sha256sum` run by execFileSync), so measure before running one.
 */
export function bytesRead(): number {
  return Number(/^rchar: (\d+)$/m.exec(readFileSync("/proc/self/io", "utf8"))?.[1]);
}
