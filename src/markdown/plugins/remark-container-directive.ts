import type { Processor } from "unified";
import type { Construct, Extension } from "micromark-util-types";
import remarkDirective from "remark-directive";

/**
 * remark-directive limited to its container form (`:::name{…}` … `:::`).
 *
 * Typed blocks are the only directives gekkan has. The text form (`:name`)
 * and the leaf form (`::name`) would otherwise be tokenized inside ordinary
 * prose — `連絡先:info@example.com`, `ref:docs[こちら](…)` — and take the
 * colon, the label brackets and what follows away from autolinks, links and
 * emphasis. Registering only the container construct means those shapes are
 * never tokenized, so all other text parses exactly as plain GFM parses it.
 */
export function remarkContainerDirective(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: Extension[] };
  const before = data.micromarkExtensions?.length ?? 0;
  (remarkDirective as (this: Processor) => void).call(this);
  const added = data.micromarkExtensions?.slice(before) ?? [];
  const syntax = added[0];
  if (added.length !== 1 || syntax === undefined || data.micromarkExtensions === undefined) {
    throw new Error("gekkan bug: remark-directive no longer adds exactly one micromark extension; update remark-container-directive.ts");
  }
  data.micromarkExtensions[before] = containerOnly(syntax);
}

const COLON = 58;

/** The container construct is the only concrete one remark-directive registers on ":". */
function containerOnly(syntax: Extension): Extension {
  const flow = syntax.flow?.[COLON];
  const constructs: Construct[] = flow === undefined || flow === null ? [] : Array.isArray(flow) ? flow : [flow as Construct];
  const containers = constructs.filter((construct) => construct.concrete === true);
  if (containers.length !== 1) {
    throw new Error("gekkan bug: remark-directive's container construct not found; update remark-container-directive.ts");
  }
  return { flow: { [COLON]: containers } };
}
