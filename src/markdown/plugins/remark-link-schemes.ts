import type { Definition, Image, ImageReference, Link, LinkReference, Root } from "mdast";
import type { VFile } from "vfile";
import { visit } from "unist-util-visit";
import { diagnostic } from "../../diagnostics.js";
import { droppedScheme, HREF_SCHEMES, schemeList, SRC_SCHEMES } from "../url-schemes.js";

type Target = Link | Image | Definition;

/**
 * `[FTP](ftp://…)`, `[電話](tel:…)`, `[資料](file:///C:/…)`, `[x](javascript:…)`:
 * the sanitiser keeps only GitHub's URL schemes and drops any other address
 * without a word, so the page showed the words as a link that goes nowhere
 * (an image, as no picture), and `gekkan check` had no link left to check.
 * Never meant: each is an error at its place, saying which schemes are kept.
 * The scheme is read as the sanitiser reads it (hast-util-sanitize), so
 * what is reported is exactly what it would drop.
 */
export function remarkLinkSchemes() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    const where = String(file.path);
    const report = (target: Target, kept: readonly string[]) => {
      const scheme = droppedScheme(target.url, kept);
      if (scheme === undefined) return;
      const written = source.slice(target.position?.start.offset ?? 0, target.position?.end.offset ?? 0);
      file.messages.push(diagnostic(where, message(target, written, scheme, kept), target.position?.start, "link-scheme"));
    };
    const definitions: Definition[] = [];
    // A definition reaches the page only through the references to it: as an address (href) or a picture (src).
    const usedAs = new Map<string, Set<"href" | "src">>();
    visit(tree, (node) => {
      if (node.type === "link") report(node as Link, HREF_SCHEMES);
      else if (node.type === "image") report(node as Image, SRC_SCHEMES);
      else if (node.type === "definition") definitions.push(node as Definition);
      else if (node.type === "linkReference" || node.type === "imageReference") {
        const { identifier } = node as LinkReference | ImageReference;
        usedAs.set(identifier, (usedAs.get(identifier) ?? new Set()).add(node.type === "linkReference" ? "href" : "src"));
      }
    });
    for (const definition of definitions) {
      const uses = usedAs.get(definition.identifier);
      if (uses !== undefined) report(definition, uses.has("href") ? HREF_SCHEMES.filter((scheme) => !uses.has("src") || SRC_SCHEMES.includes(scheme)) : SRC_SCHEMES);
    }
  };
}

function message(target: Target, written: string, scheme: string, kept: readonly string[]): string {
  const list = schemeList(kept);
  // file:///C:/… or C:\… is a file on the author's own computer, which no reader can open.
  const local = scheme.toLowerCase() === "file" || /^[a-z]$/i.test(scheme);
  const fix = local
    ? "a file on your computer cannot be opened by readers: put it in public/ and link to it from the site root (/files/…)"
    : target.type === "image"
      ? "use an http(s) address or a picture in public/ (![…](/images/…))"
      : "link to an https:// page instead, or write the address as code";
  const what = target.type === "image" ? "readers would see no picture" : target.type === "link" ? "readers would see words that look like a link but go nowhere" : "every link using it would go nowhere";
  return `the address in "${written}" starts with "${scheme}:", which gekkan removes (only ${list} ${target.type === "image" ? "pictures" : "links"} are kept), so ${what}; ${fix}`;
}
