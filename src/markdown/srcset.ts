/**
 * A `srcset` is a comma-separated list of candidates, each a URL and an
 * optional descriptor (`2x`, `640w`): the one reading of it for every
 * place that looks at or rewrites its URLs.
 */
export function srcsetUrls(srcset: string): string[] {
  return srcset.split(",").map((candidate) => candidate.trim().split(/\s+/)[0] ?? "").filter((url) => url !== "");
}

/** The same srcset with each candidate's URL rewritten, its descriptor kept. */
export function mapSrcsetUrls(srcset: string, rewrite: (url: string) => string): string {
  return srcset
    .split(",")
    .map((candidate) => candidate.trim())
    .filter((candidate) => candidate !== "")
    .map((candidate) => {
      const [url = "", ...descriptor] = candidate.split(/\s+/);
      return [rewrite(url), ...descriptor].join(" ");
    })
    .join(", ");
}
