import { z } from "zod";
import { calendarDate } from "../calendar.js";
import { RELEASE_STATUSES } from "./types.js";
import { componentLike, componentName } from "../component-name.js";
import { asSuggestion } from "../suggest.js";

const ID = /^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u;
const NAME_LIST = /^[a-z0-9-]+(?:\s+[a-z0-9-]+)*$/;
const VERSION = /^[0-9A-Za-z][0-9A-Za-z.+~_-]*$/;

/** Attribute schemas per block kind. Pure; components come from config. */
export function blockSchemas(components: readonly string[]) {
  // "Pacemaker" is a component readers know, not a new one: the name it means, never "add it to components".
  const component = componentName(components);
  const componentList = z
    .string()
    .superRefine((text, ctx) => {
      if (NAME_LIST.test(text)) return;
      ctx.addIssue({ code: "custom", message: "", params: { hint: asSuggestion(componentListLike(text, components)) }, input: text, continue: false });
    })
    .transform((text) => text.split(/\s+/))
    .pipe(z.array(component).min(1));
  const versionList = z
    .string()
    .trim()
    .superRefine((text, ctx) => {
      // "1.0, 1.1" or "1.0、1.1", parted as a sentence parts a list: the same versions, as the attribute parts them.
      const parted = partedByCommas(text);
      if (parted !== undefined && parted.every((version) => VERSION.test(version))) ctx.addIssue({ code: "custom", message: "", params: { hint: asSuggestion(parted.join(" ")) }, input: text, continue: false });
    })
    .transform((text) => (text === "" ? [] : text.split(/\s+/)))
    .pipe(z.array(z.string().regex(VERSION)));
  const id = z.string().regex(ID).optional();
  return {
    release: z.strictObject({
      component,
      version: z.string().regex(VERSION).optional(),
      status: z.enum(RELEASE_STATUSES),
      title: z.string().trim().min(1).optional(),
      date: calendarDate.optional(),
      id,
    }),
    qa: z.strictObject({ components: componentList, versions: versionList.optional(), id }),
    stonith: z.strictObject({
      // "HP  iLO3" and "HP iLO3" are one device: spacing must not reach anchors or tables.
      device: z.string().trim().min(1).transform((text) => text.replace(/\s+/g, " ")),
      plugin: z.string().regex(/^[a-z0-9][a-z0-9_.-]*(?:\/[a-z0-9][a-z0-9_.-]*)?$/),
      vendor: z.string().trim().min(1).optional(),
      hardware: z.string().trim().min(1).optional(),
      id,
    }),
  };
}

/**
 * The list a `components` value written as readers see the names means:
 * one name with a space ("Python GUI", which reads as two) as a whole, else
 * each name ("pacemaker Corosync" → "pacemaker corosync"), when every one is found.
 */
function componentListLike(text: string, components: readonly string[]): string | undefined {
  const whole = text.normalize("NFKC").trim().toLowerCase().replace(/\s+/g, "-");
  if (components.includes(whole)) return whole;
  const each = (partedByCommas(text) ?? text.trim().split(/\s+/)).map((name) => componentLike(name, components));
  return each.every((name) => name !== undefined) ? each.join(" ") : undefined;
}

/** The items of `text` when commas (ASCII, Japanese or full-width) part them, with or without spaces; undefined without a comma. */
function partedByCommas(text: string): string[] | undefined {
  if (!/[,、，]/.test(text)) return undefined;
  return text.split(/[\s,、，]+/).filter((item) => item !== "");
}

export function blockExpectations(components: readonly string[]): Record<string, Record<string, string>> {
  const names = components.join(", ");
  const id = "an anchor id (letters, digits, - and _)";
  return {
    release: {
      component: `a component name (${names})`,
      version: "a version string such as 1.0.11",
      status: `one of ${RELEASE_STATUSES.join(", ")}`,
      title: "a non-empty title",
      date: "a calendar date written YYYY-MM-DD",
      id,
    },
    qa: {
      components: `space-separated component names (${names})`,
      versions: "space-separated versions such as \"1.0 1.1\"",
      id,
    },
    stonith: {
      device: "the fencing device, e.g. \"HP iLO3\"",
      plugin: "the STONITH plugin name, e.g. ipmi or riloe",
      vendor: "the vendor name, e.g. HP",
      hardware: "the hardware it ships in, e.g. \"ProLiant DL G7\"",
      id,
    },
  };
}
