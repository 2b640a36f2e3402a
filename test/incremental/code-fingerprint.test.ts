import { afterEach, describe, expect, it, vi } from "vitest";

/**
 * Every cache is kept under gekkan's code fingerprint. Dates and month labels
 * are formatted by the runtime's Intl (its ICU and CLDR data), so a cache
 * restored by CI after a Node.js upgrade must not serve bodies and pages
 * formatted by the old one. Oracle: the fingerprint of a fresh module, read
 * before and after one runtime version is made to read differently.
 */
const FIELDS = ["node", "icu", "cldr", "unicode", "tz"] as const;
const saved = new Map(FIELDS.map((field) => [field, Object.getOwnPropertyDescriptor(process.versions, field)]));

afterEach(() => {
  for (const [field, descriptor] of saved) {
    if (descriptor === undefined) Reflect.deleteProperty(process.versions, field);
    else Object.defineProperty(process.versions, field, descriptor);
  }
  vi.resetModules();
});

/** The fingerprint as a new process computes it (the module keeps it once read). */
async function fingerprint(): Promise<string> {
  vi.resetModules();
  const module = await import("../../src/incremental/fingerprint.js");
  return module.codeFingerprint();
}

describe("gekkan's code fingerprint", () => {
  it("is the same when read again by the same runtime", async () => {
    expect(await fingerprint()).toBe(await fingerprint());
  });

  it.each(FIELDS)("changes with the runtime's %s version", async (field) => {
    const before = await fingerprint();
    Object.defineProperty(process.versions, field, { value: `${process.versions[field] ?? "0"}-other`, configurable: true, enumerable: true });
    expect(await fingerprint()).not.toBe(before);
  });
});
