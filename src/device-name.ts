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
