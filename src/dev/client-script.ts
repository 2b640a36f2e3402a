/** Where the dev server answers its own requests; never a site path (sites cannot create "__gekkan/"). */
export const DEV_PREFIX = "/__gekkan/";
export const EVENTS_PATH = `${DEV_PREFIX}events`;
export const CLIENT_PATH = `${DEV_PREFIX}client.js`;
export const OVERLAY_ID = "gekkan-error-overlay";

/** The tag added to HTML the dev server sends, with the version of the output it is from (EventHub.version); `gekkan build` output never has it. */
export function clientTag(version: string): string {
  return `<script src="${CLIENT_PATH}" data-version="${version.replace(/[^\w.-]/g, "")}" defer></script>`;
}

/** Adds the live-reload client before </body> (or at the end of a fragment). */
export function injectClient(html: string, version: string): string {
  const tag = clientTag(version);
  const at = html.lastIndexOf("</body>");
  return at === -1 ? html + tag : `${html.slice(0, at)}${tag}\n${html.slice(at)}`;
}

/**
 * Browser side of live reload, kept dependency-free and small. Problems are
 * put in the page with textContent only: messages quote author text.
 */
export const CLIENT_SCRIPT = `(() => {
  "use strict";
  const OVERLAY = ${JSON.stringify(OVERLAY_ID)};
  const here = () => {
    const path = decodeURIComponent(location.pathname).replace(/^\\/+/, "");
    return path === "" || path.endsWith("/") ? path + "index.html" : path;
  };
  const overlay = () => document.getElementById(OVERLAY);
  const el = (tag, style, text) => {
    const node = document.createElement(tag);
    if (style) node.style.cssText = style;
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const showErrors = (messages) => {
    overlay()?.remove();
    const box = el("div", "position:fixed;inset:0;z-index:2147483647;overflow:auto;background:#141414;color:#f5f5f5;font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;padding:2rem;");
    box.id = OVERLAY;
    box.setAttribute("role", "alertdialog");
    box.setAttribute("aria-modal", "true");
    box.setAttribute("aria-labelledby", OVERLAY + "-title");
    const title = el("h2", "margin:0 0 1rem;font-size:1.1rem;color:#ff8080;", "gekkan: the last edit broke the build — still serving the previous version");
    title.id = OVERLAY + "-title";
    box.append(title);
    for (const m of messages) {
      const item = el("section", "margin:0 0 1.5rem;");
      const where = el("p", "margin:0;color:#ffd479;font-weight:bold;", m.line === undefined ? m.file : m.file + ":" + m.line + ":" + m.column);
      where.className = "gekkan-error-location";
      item.append(where, el("p", "margin:.25rem 0 .5rem;white-space:pre-wrap;", m.message));
      if (m.excerpt) item.append(el("pre", "margin:0;padding:.75rem;background:#000;color:#ddd;overflow:auto;", m.excerpt));
      box.append(item);
    }
    const close = el("button", "position:absolute;top:1rem;right:1rem;font:inherit;", "×");
    close.type = "button";
    close.setAttribute("aria-label", "Close");
    close.addEventListener("click", () => box.remove());
    box.append(close);
    document.body.append(box);
  };
  const swapStyles = (hrefs) => {
    const wanted = new Map(hrefs.map((h) => [new URL(h, location.href).pathname, h]));
    for (const link of document.querySelectorAll('link[rel~="stylesheet"]')) {
      const next = wanted.get(new URL(link.href, location.href).pathname);
      if (next) link.href = next;
    }
  };
  let served = document.querySelector('script[src=${JSON.stringify(CLIENT_PATH)}][data-version]')?.dataset.version;
  const source = new EventSource(${JSON.stringify(EVENTS_PATH)});
  source.addEventListener("hello", (event) => {
    // This page is from an older output: its reload went out before it connected, or to the server before this one.
    if (served !== undefined && JSON.parse(event.data).version !== served) location.reload();
  });
  source.addEventListener("reload", (event) => {
    const { paths, version } = JSON.parse(event.data);
    if (overlay() || paths === null || paths.includes(here())) location.reload();
    else served = version;
  });
  source.addEventListener("css", (event) => {
    if (overlay()) return location.reload();
    const { hrefs, version } = JSON.parse(event.data);
    swapStyles(hrefs);
    served = version;
  });
  source.addEventListener("error", (event) => {
    // EventSource also fires a plain "error" when the connection drops; only ours has data.
    if (event.data) showErrors(JSON.parse(event.data).messages);
  });
})();
`;
