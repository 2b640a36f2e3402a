import { z } from "zod";
import { calendarDate } from "../calendar.js";
import { RELEASE_STATUSES } from "./types.js";

const ID = /^[\p{L}\p{N}][\p{L}\p{N}_-]*$/u;
const NAME_LIST = /^[a-z0-9-]+(?:\s+[a-z0-9-]+)*$/;
const VERSION = /^[0-9A-Za-z][0-9A-Za-z.+~_-]*$/;

/** Attribute schemas per block kind. Pure; components come from config. */
export function blockSchemas(components: readonly string[]) {
  const component = z.string().refine((c) => components.includes(c), { message: "not a known component; add it to `components` in gekkan.config.json" });
  const componentList = z
    .string()
    .regex(NAME_LIST)
    .transform((text) => text.split(/\s+/))
    .pipe(z.array(component).min(1));
  const versionList = z.string().trim().transform((text) => (text === "" ? [] : text.split(/\s+/))).pipe(z.array(z.string().regex(VERSION)));
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
