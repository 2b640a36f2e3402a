import type { Element } from "hast";
import type { Options } from "rehype-autolink-headings";
import { EXIT, visit } from "unist-util-visit";

/**
 * Each heading is wrapped in a link to itself, except a heading that holds a
 * link already (`## [Pacemaker](https://…)`): a link inside a link is invalid
 * HTML, and browsers split it into an empty self-link and the author's link.
 * Such a heading keeps its id, so the contents list still reaches it.
 */
export const headingLinkOptions: Options = {
  behavior: "wrap",
  properties: { className: ["heading-link"] },
  test: (node: Element) => !containsLink(node),
};

function containsLink(heading: Element): boolean {
  let found = false;
  visit(heading, "element", (node) => {
    if (node.tagName !== "a") return undefined;
    found = true;
    return EXIT;
  });
  return found;
}
