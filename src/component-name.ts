import { z } from "zod";
import { didYouMean } from "./suggest.js";

/**
 * A component name from the config. A near miss gets "did you mean …?";
 * only when nothing is close does the message point at the config.
 */
export function componentName(components: readonly string[]) {
  return z.string().superRefine((name, ctx) => {
    if (components.includes(name)) return;
    const hint = didYouMean(name, components) || ` (not a known component: the known ones are ${components.join(", ")}; to use a new one, add it to "components" in gekkan.config.json)`;
    ctx.addIssue({ code: "custom", message: "", params: { hint }, input: name });
  });
}
