import type { ParseArgsConfig } from "node:util";

type Options = NonNullable<ParseArgsConfig["options"]>;

const commonFlags = {
  root: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

/**
 * Every command's flags, in one table: each command parses its own, and an
 * unknown flag that another command takes is answered with that command
 * (`gekkan build --port 3`: "--port is an option of gekkan dev").
 */
export const COMMAND_FLAGS = {
  build: {
    ...commonFlags,
    out: { type: "string" }, base: { type: "string" }, url: { type: "string" },
    drafts: { type: "boolean" }, future: { type: "boolean" }, quiet: { type: "boolean", short: "q" },
    search: { type: "boolean" }, "no-search": { type: "boolean" }, "no-cache": { type: "boolean" },
    "cache-dir": { type: "string" }, threads: { type: "string" }, force: { type: "boolean" }, timings: { type: "boolean" },
  },
  dev: {
    ...commonFlags,
    port: { type: "string" }, host: { type: "string" }, open: { type: "boolean" },
    "no-drafts": { type: "boolean" }, "no-cache": { type: "boolean" },
  },
  init: { ...commonFlags, title: { type: "string" }, url: { type: "string" }, lang: { type: "string" }, author: { type: "string", multiple: true }, "time-zone": { type: "string" }, "no-workflow": { type: "boolean" } },
  new: { ...commonFlags, date: { type: "string" }, slug: { type: "string" }, title: { type: "string" }, lang: { type: "string" }, translate: { type: "string" } },
  check: { ...commonFlags, base: { type: "string" }, url: { type: "string" }, html: { type: "boolean" }, published: { type: "boolean" }, drafts: { type: "boolean" }, future: { type: "boolean" } },
  email: {
    ...commonFlags,
    lang: { type: "string" }, out: { type: "string" }, to: { type: "string", multiple: true }, "to-file": { type: "string", multiple: true }, send: { type: "boolean" },
    base: { type: "string" }, url: { type: "string" }, "no-cache": { type: "boolean" },
  },
} as const satisfies Record<string, Options>;

export type CommandName = keyof typeof COMMAND_FLAGS;

/** The commands other than `command` that take `--name`, in the table's order. */
export function commandsTaking(name: string, command: CommandName): CommandName[] {
  return (Object.keys(COMMAND_FLAGS) as CommandName[]).filter((other) => other !== command && Object.hasOwn(COMMAND_FLAGS[other], name));
}
