/** A page's file name, as a browser's address bar shows it at the end of a path: index.html, about.htm, feed.xml. */
const PAGE_FILE = /\/[^/]+\.(?:html?|xhtml|php|aspx?|jsp|cgi|xml|json|rss|atom)$/i;

/**
 * The folder a path ends in, when its last part is a page's file name
 * (`/news/index.html` → `/news/`), else undefined. A site's address copied
 * from the browser on its home page (https://user.github.io/news/index.html)
 * was taken as the folder `/news/index.html/`: every link of the site, its
 * feeds and its sitemap went under it, and the build said nothing.
 */
export function pageFolder(path: string): string | undefined {
  return PAGE_FILE.test(path) ? path.slice(0, path.lastIndexOf("/") + 1) : undefined;
}

/** The site's address a page's address stands for (https://user.github.io/news/index.html → …/news/), else undefined: the config's url and --url alike. */
export function pageFolderUrl(url: URL): string | undefined {
  const folder = pageFolder(url.pathname);
  return folder === undefined ? undefined : new URL(folder, url).href;
}
