/**
 * Names Windows keeps for devices, in any case and with any extension: no
 * file or folder can be called so there (a checkout of the built site fails,
 * and a build writes to the device or stops). A slug or a component name
 * becomes a folder of the output (/issues/con/), so it must be none of them,
 * though Linux and macOS take it without a word.
 */
const DEVICE_NAME = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])(?:\.|$)/i;

export function isDeviceName(name: string): boolean {
  return DEVICE_NAME.test(name);
}

/** Said after "found the string "con"": why a well-formed name is refused, and what to write instead. */
export function deviceNameHint(name: string): string {
  return `; "${name}" is a name Windows keeps for a device (con, prn, aux, nul, com0–com9, lpt0–lpt9), so no folder of that name can be made or checked out there, and the page's folder would be missing from the site on Windows: choose another, such as "${name}-1"`;
}

/**
 * Why Windows cannot hold a file or folder of this name, or undefined when it
 * can: a character it keeps for paths (< > : " / \ | ? *) or a control
 * character, a name ending in a dot or space (Windows drops them, so
 * "2011-04.md." would become another file's name), or a device name, with
 * an extension too (con.png). Linux and macOS take all of these.
 */
export function windowsTrouble(name: string): string | undefined {
  const kept = /[<>:"\\|?*\u0000-\u001f]/.exec(name)?.[0];
  if (kept !== undefined) return kept < " " ? "holds a control character" : `holds "${kept}", which Windows keeps for paths`;
  if (/[. ]$/.test(name)) return `ends in a ${name.endsWith(".") ? "dot" : "space"}, which Windows drops`;
  if (isDeviceName(name)) return `is "${name.split(".")[0] ?? name}", a name Windows keeps for a device, with an extension or without`;
  return undefined;
}
