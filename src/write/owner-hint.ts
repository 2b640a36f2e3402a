import { lstatSync } from "node:fs";

/**
 * What to do when `refusing`, a folder gekkan may not change, belongs to
 * another user: `whole` (the folder holding it that the author can act on)
 * is to be made theirs or removed. "" when it is the author's own, or whose
 * it is cannot be told. The usual cause is one build run with sudo: its
 * folders belong to root, every later build by the author is refused, and
 * "permission denied" alone says neither whose they are nor how to get them back.
 */
export function ownerHint(refusing: string, whole = refusing): string {
  const me = process.getuid?.();
  let owner: number;
  try {
    owner = lstatSync(refusing).uid;
  } catch {
    return "";
  }
  if (me === undefined || owner === me) return "";
  const who = owner === 0 ? "root (as after a build run with sudo)" : `another user (user id ${owner})`;
  const what = refusing === whole ? "it belongs" : "some of it belongs";
  return `; ${what} to ${who}: make it yours with sudo chown -R "$USER" ${JSON.stringify(whole)}, or remove it with sudo rm -rf ${JSON.stringify(whole)}`;
}
