import { suggest } from "./suggest.js";

/**
 * The zones a slip is most likely one of: the IANA names this Node.js
 * knows, and UTC, which the list leaves out as an alias.
 */
function zoneNames(): string[] {
  return [...Intl.supportedValuesOf("timeZone"), "UTC"];
}

/**
 * The zone a name that is none most likely means: a near miss
 * (`Asia/Tokio`), a space typed for the underscore (`America/New York`), or
 * the city alone (`Tokyo`, as people say it) when exactly one zone is named
 * for it, in any case.
 */
export function nearestTimeZone(name: string): string | undefined {
  const names = zoneNames();
  const typed = name.trim().replaceAll(" ", "_");
  if (!typed.includes("/")) {
    const city = typed.toLowerCase();
    const named = names.filter((zone) => zone.split("/").at(-1)?.toLowerCase() === city);
    if (named.length === 1) return named[0];
  }
  // Case aside, as ECMA-402 reads a name: ASIA/TOKIO is one letter from Asia/Tokyo, not ten.
  const byFolded = new Map(names.map((zone) => [zone.toLowerCase(), zone]));
  const near = suggest(typed.toLowerCase(), [...byFolded.keys()]);
  return near === undefined ? undefined : byFolded.get(near);
}

/**
 * A zone name the way the database spells it (`asia/tokyo` → `Asia/Tokyo`):
 * ECMA-402 reads names in any case, so a config works either way, but the
 * one init writes should say the name as every other site and the README
 * do. A name other than in case only (an old alias such as Japan) is kept.
 */
export function zoneSpelling(name: string): string {
  if (name === "UTC") return name;
  let resolved: string;
  try {
    resolved = new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return name; // no zone: the check beside it says so
  }
  if (resolved.toLowerCase() === name.toLowerCase()) return resolved;
  return zoneNames().find((zone) => zone.toLowerCase() === name.toLowerCase()) ?? name;
}
