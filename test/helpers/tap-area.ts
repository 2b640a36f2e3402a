import type { Page } from "playwright-core";

/** The least target a thumb needs, in CSS px (WCAG 2.2 SC 2.5.8). */
export const LEAST_TARGET = 24;

/**
 * Each element matching `selector` that misses a tap somewhere in the square
 * of LEAST_TARGET px centred on it, with how many points of the square missed
 * it. Chromium's hit testing (elementFromPoint, after scrolling the element
 * into view) is the oracle: what a tap at that point would reach, whatever
 * the stylesheet does to make the target larger.
 */
export function tapMisses(page: Page, selector: string): Promise<string[]> {
  return page.evaluate(
    ({ selector, least }) => {
      const half = least / 2 - 0.5;
      const offsets = [-half, -half / 2, 0, half / 2, half];
      return [...document.querySelectorAll(selector)].flatMap((el, i) => {
        el.scrollIntoView({ block: "center", inline: "center" });
        const box = el.getBoundingClientRect();
        const x = box.left + box.width / 2;
        const y = box.top + box.height / 2;
        const points = offsets.flatMap((dx) => offsets.map((dy) => document.elementFromPoint(x + dx, y + dy)));
        const missed = points.filter((hit) => hit?.closest(selector) !== el).length;
        return missed === 0 ? [] : [`${selector} #${i + 1} "${el.textContent ?? ""}" (${box.width.toFixed(1)} × ${box.height.toFixed(1)}): ${missed} of ${points.length} points miss it`];
      });
    },
    { selector, least: LEAST_TARGET },
  );
}

/**
 * Each element matching `selector` whose paragraph is taller than the same
 * paragraph without it (a copy beside it, `remove` taken out of the copy): the
 * oracle is that copy, laid out by Chromium in the same place. The element
 * must sit where taking it out does not rewrap the paragraph.
 */
export function paragraphGrowth(page: Page, selector: string, remove: string): Promise<string[]> {
  return page.evaluate(
    ({ selector, remove }) =>
      [...document.querySelectorAll(selector)].flatMap((el, i) => {
        const paragraph = el.closest("p") as HTMLElement;
        const copy = paragraph.cloneNode(true) as HTMLElement;
        copy.removeAttribute("id");
        for (const part of copy.querySelectorAll(remove)) part.remove();
        paragraph.after(copy);
        const [withIt, without] = [paragraph, copy].map((p) => p.getBoundingClientRect().height);
        copy.remove();
        return withIt === without ? [] : [`${selector} #${i + 1}: its paragraph is ${withIt} px tall, ${without} px without it`];
      }),
    { selector, remove },
  );
}
