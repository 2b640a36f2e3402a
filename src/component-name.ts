import { z } from "zod";
import { asSuggestion, suggest } from "./suggest.js";
import { idForm } from "./id-form.js";

/**
 * The component a name most likely means: written as readers see it on the
 * site ("Pacemaker", "DRBD MC", "Resource Agents", as a translator writing
 * in English tends to), or a near miss of one ("corosnyc").
 */
export function componentLike(name: string, components: readonly string[]): string | undefined {
  const asId = idForm(name);
  return components.includes(asId) ? asId : suggest(name, components);
}

/**
 * A component name from the config. A near miss gets "did you mean …?";
 * only when nothing is close does the message point at the config.
 */
export function componentName(components: readonly string[]) {
  return z.string().superRefine((name, ctx) => {
    if (components.includes(name)) return;
    const hint = asSuggestion(componentLike(name, components)) || ` (not a known component: the known ones are ${components.join(", ")}; to use a new one, add it to "components" in gekkan.config.json)`;
    ctx.addIssue({ code: "custom", message: "", params: { hint }, input: name });
  });
}
