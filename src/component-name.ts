import { z } from "zod";
import { asSuggestion, suggest } from "./suggest.js";
import { idForm } from "./id-form.js";
import { JAPANESE_COMMA } from "./author-names.js";

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
 * only when nothing is close does the message point at the config. As an
 * item of a list (`tags`), names parted by a Japanese comma
 * (`[pacemaker、stonith]`, as an input method types it) are told to be
 * parted by an ASCII one: YAML reads them as one item, no component.
 */
export function componentName(components: readonly string[], options: { inList?: boolean } = {}) {
  return z.string().superRefine((name, ctx) => {
    if (components.includes(name)) return;
    const parted = options.inList === true ? namesParted(name, components) : undefined;
    const hint = parted === undefined ? asSuggestion(componentLike(name, components)) || unknown(components) : partedHint(parted, components);
    ctx.addIssue({ code: "custom", message: "", params: { hint }, input: name });
  });
}

function unknown(components: readonly string[]): string {
  return ` (not a known component: ${knownOnes(components)})`;
}

/** The components there are, and how to add one. */
function knownOnes(components: readonly string[]): string {
  return `the known ones are ${components.join(", ")}; to use a new one, add it to "components" in gekkan.config.json`;
}

/** One item holding several names: how to part them, and which of them is no component yet. */
function partedHint(parted: readonly string[], components: readonly string[]): string {
  const strangers = parted.filter((part) => !components.includes(part));
  const which = strangers.length === 0 ? "" : `; ${strangers.map((part) => `"${part}"`).join(" and ")} ${strangers.length === 1 ? "is" : "are"} not a known component: ${knownOnes(components)}`;
  return `; YAML parts a list's items only with an ASCII comma, so this is one item: write it ${parted.join(", ")}${which}`;
}

/** The names `name` holds, parted by Japanese or full-width commas, when it holds two or more: each as the component it most likely means, or as written. */
function namesParted(name: string, components: readonly string[]): string[] | undefined {
  if (!JAPANESE_COMMA.test(name)) return undefined;
  const parts = name.split(/[、，,]/).map((part) => part.trim()).filter((part) => part !== "").map((part) => componentLike(part, components) ?? part);
  return parts.length > 1 ? parts : undefined;
}
