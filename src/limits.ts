import { z } from "zod";

/**
 * How much one issue may hold. A hostile or broken file (a 20 MB paste, a
 * list nested 5,000 deep, a YAML alias bomb) must fail fast with a located
 * message instead of hanging the build or overflowing the stack. Every
 * limit is far above what a monthly issue needs, documented in the README,
 * and can be changed with `limits` in gekkan.config.json.
 */
export interface ContentLimits {
  /** Bytes of one issue file. */
  issueBytes: number;
  /** Bytes of the front matter between the two --- lines. */
  frontMatterBytes: number;
  /** Fields in the front matter (a real issue has at most 9). */
  frontMatterKeys: number;
  /** Lists, block quotes, blocks and HTML elements inside one another. */
  nestingDepth: number;
  /** YAML aliases (*name) the front matter may use. */
  yamlAliases: number;
  /** Emphasis and link markers (* _ ~ [ ]) in one paragraph (see inline-density.ts). */
  inlineMarkers: number;
}

export const DEFAULT_LIMITS: Readonly<ContentLimits> = Object.freeze({
  issueBytes: 1024 * 1024,
  frontMatterBytes: 64 * 1024,
  frontMatterKeys: 100,
  nestingDepth: 100,
  yamlAliases: 100,
  inlineMarkers: 2000,
});

/**
 * Upper bounds on the settings themselves: past these, the parsers the
 * limits protect would overflow the stack or run for minutes, so a
 * "limit" there would protect nothing.
 */
const CEILINGS: Readonly<ContentLimits> = Object.freeze({
  issueBytes: 64 * 1024 * 1024,
  frontMatterBytes: 1024 * 1024,
  frontMatterKeys: 10_000,
  nestingDepth: 300,
  yamlAliases: 10_000,
  inlineMarkers: 5000,
});

/**
 * Bytes of an SVG in public/ that gekkan reads for scripts (after unzipping an
 * .svgz): far above any icon or drawing, and about half a second to parse.
 * A larger SVG is published unchecked, with a warning that says so.
 */
export const SVG_CHECK_BYTES = 16 * 1024 * 1024;

/**
 * Bytes of a file in public/ above which gekkan does not read it into memory:
 * it is hashed as it streams by and copied file to file, so a video is not
 * held whole (twice, while written) nor limited to what one buffer holds.
 * Not below SVG_CHECK_BYTES: an SVG that small is read to be checked.
 */
export const PUBLIC_READ_BYTES = 16 * 1024 * 1024;

/**
 * Bytes of a --to-file list of readers (gekkan email): a line is one
 * address, so this holds some hundred thousand of them, more than one
 * send to each should ever go to; past it the file is something else
 * given by mistake (a log, a disk image), not read into memory whole.
 */
export const READER_LIST_BYTES = 8 * 1024 * 1024;

/** A slug names a folder of the output; file systems allow 255 bytes per name, and URLs should stay readable. */
export const SLUG_MAX_LENGTH = 100;

const positive = (key: keyof ContentLimits) => z.number().int().positive().max(CEILINGS[key]);

export const limitsSchema = z
  .strictObject({
    issueBytes: positive("issueBytes").optional(),
    frontMatterBytes: positive("frontMatterBytes").optional(),
    frontMatterKeys: positive("frontMatterKeys").optional(),
    nestingDepth: positive("nestingDepth").optional(),
    yamlAliases: z.number().int().min(0).max(CEILINGS.yamlAliases).optional(),
    inlineMarkers: positive("inlineMarkers").optional(),
  })
  .default({})
  .transform((given): ContentLimits => ({ ...DEFAULT_LIMITS, ...stripUndefined(given) }));

/** What each `limits` field expects, in config error messages. */
export const LIMIT_EXPECTATIONS: Readonly<Record<keyof ContentLimits, string>> = {
  issueBytes: `a whole number of bytes from 1 to ${CEILINGS.issueBytes} (default ${DEFAULT_LIMITS.issueBytes}, 1 MB)`,
  frontMatterBytes: `a whole number of bytes from 1 to ${CEILINGS.frontMatterBytes} (default ${DEFAULT_LIMITS.frontMatterBytes}, 64 KB)`,
  frontMatterKeys: `a whole number from 1 to ${CEILINGS.frontMatterKeys} (default ${DEFAULT_LIMITS.frontMatterKeys})`,
  nestingDepth: `a whole number from 1 to ${CEILINGS.nestingDepth} (default ${DEFAULT_LIMITS.nestingDepth})`,
  yamlAliases: `a whole number from 0 to ${CEILINGS.yamlAliases} (default ${DEFAULT_LIMITS.yamlAliases})`,
  inlineMarkers: `a whole number from 1 to ${CEILINGS.inlineMarkers} (default ${DEFAULT_LIMITS.inlineMarkers})`,
};

/** Where an author changes a limit, for messages. */
export function limitSetting(key: keyof ContentLimits): string {
  return `limits.${key} in gekkan.config.json`;
}

/** 1536 → "1.5 KB", 3_000_000 → "2.9 MB": sizes as people read them (1 KB = 1024 bytes). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const [unit, size] = bytes < 1024 * 1024 ? ["KB", bytes / 1024] : ["MB", bytes / (1024 * 1024)];
  const text = size >= 10 || Number.isInteger(size) ? String(Math.floor(size)) : size.toFixed(1);
  return `${text} ${unit}`;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
