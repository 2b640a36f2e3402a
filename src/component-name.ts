import { z } from "zod";
import { suggest } from "./suggest.js";

/**
 * A component name from the config. A near miss gets "did you mean …?";
 * only when nothing is close does the message point at the config.
 */
export function componentName(components: readonly string[]) {
  return z.string().superRefine((name, ctx) => {
    if (components.includes(name)) return;
    const best = suggest(name, components);
    const hint = best !== undefined
      ? ` — did you mean "${best}"?`
      : ` (not a known component: the known ones are ${components.join(", ")}; to use a new one, add it to "components" in gekkan.config.json)`;
    ctx.addIssue({ code: "custom", message: "", params: { hint }, input: name });
  });
}
