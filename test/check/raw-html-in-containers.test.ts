/**
 * Raw HTML inside a block quote or a list item: the Markdown parser hands
 * the HTML without each later line's container prefix (`> `, the item's
 * indentation), and the places it was parsed at were counted there. A link
 * on a later line was reported at column 1 of its line (on the `>` marker),
 * quoted decoded ("/x&y/", which is not in the file); a tag going on over a
 * `> ` line, at the tag, decoded too. Now each is quoted as written and
 * reported where its attribute starts, as outside containers
 * (raw-html-address-text.test.ts). Oracle: each test's own literal is what
 * the author finds searching the file; its place is where that literal is
 * (placeInBody over the same body); `gekkan check` run in this process.
 */
import { afterEach, describe, expect, it } from "vitest";
import { SECOND_ISSUE, placeInBody, twoIssueChecker } from "../helpers/two-issue-site.js";

const { checked, remove } = twoIssueChecker();
afterEach(remove);

/** The line `gekkan check` prints for a broken link written `attribute` (`href="…&amp;…"`) in `body`: at the attribute, quoted as written. */
function reported(body: string, attribute: string, nth = 0): string {
  const written = attribute.slice(attribute.indexOf('"') + 1, -1);
  const target = written.replace(/&amp;/g, "&");
  return `${SECOND_ISSUE}:${placeInBody(body, attribute, nth)}  broken link "${written}" (that is "${target}"): nothing is published at ${target}`;
}

describe("gekkan check quotes a raw HTML link inside a container as written, at the attribute", () => {
  it("in a block quote: a tag going on over a `> ` line, and a link on a later line of an HTML block", async () => {
    const continued = 'href="/issues/q1&amp;y/"';
    const later = 'href="/issues/q2&amp;y/"';
    const body = `> <a class="x"\n> ${continued}>引用</a>\n\n> <p>\n> <a ${later}>引用2</a>\n> </p>\n`;
    // By hand: line 8 "> " then the attribute (column 3); line 11 "> <a " (column 6).
    expect([placeInBody(body, continued), placeInBody(body, later)]).toEqual(["8:3", "11:6"]);
    const lines = await checked(body);
    expect(lines).toContain(reported(body, continued));
    expect(lines).toContain(reported(body, later));
    expect(lines.at(-1)).toMatch(/: 2 errors, 0 warnings$/);
  });

  it("in a list item, and in a block quote in a list item and a list item in a block quote", async () => {
    const item = 'href="/issues/l1&amp;y/"';
    const quoteInItem = 'href="/issues/n1&amp;y/"';
    const itemInQuote = 'href="/issues/n2&amp;y/"';
    const body = `- <div>\n  <a ${item}>リスト</a>\n  </div>\n\n1. > <a class="x"\n   > ${quoteInItem}>入れ子</a>\n\n> - <a class="x"\n>   ${itemInQuote}>入れ子2</a>\n`;
    expect([placeInBody(body, item), placeInBody(body, quoteInItem), placeInBody(body, itemInQuote)]).toEqual(["8:6", "12:6", "15:5"]);
    const lines = await checked(body);
    for (const attribute of [item, quoteInItem, itemInQuote]) expect(lines).toContain(reported(body, attribute));
    expect(lines.at(-1)).toMatch(/: 3 errors, 0 warnings$/);
  });

  it("after a comment the HTML drops, on the same line", async () => {
    const attribute = 'href="/issues/c1&amp;y/"';
    const body = `> <!-- メモ --><a ${attribute}>注</a>\n`;
    expect(placeInBody(body, attribute)).toBe("7:17");
    const lines = await checked(body);
    expect(lines).toContain(reported(body, attribute));
  });

  it("where a tab in the prefix is read partly as the container's, partly as the line's indentation", async () => {
    const quoted = 'href="/issues/t1&amp;y/"';
    const listed = 'href="/issues/t2&amp;y/"';
    const body = `> <div>\n>\t<a ${quoted}>タブ</a>\n> </div>\n\n- <div>\n\t<a ${listed}>タブ2</a>\n\t</div>\n`;
    // By hand: ">", the tab, "<a " (column 6); the tab, "<a " (column 5).
    expect([placeInBody(body, quoted), placeInBody(body, listed)]).toEqual(["8:6", "12:5"]);
    const lines = await checked(body);
    expect(lines).toContain(reported(body, quoted));
    expect(lines).toContain(reported(body, listed));
  });
});

/**
 * A footnote's raw HTML stands early in the file but comes last in the page
 * (its notes follow the text): the raw nodes are looked up by their place in
 * the file, so each link, before the note and after it, is still quoted as
 * written at its own attribute.
 */
describe("raw HTML links around a footnote's own raw HTML", () => {
  it("each is quoted as written, at its attribute", async () => {
    const first = 'href="/issues/f1&amp;y/"';
    const inNote = 'href="/issues/f2&amp;y/"';
    const after = 'href="/issues/f3&amp;y/"';
    const body = `前[^n]。<a ${first}>前</a>\n\n[^n]: 注 <a ${inNote}>注</a>\n\n> <p>\n> <a ${after}>後</a>\n> </p>\n`;
    const lines = await checked(body);
    expect(lines).toContain(reported(body, first));
    expect(lines).toContain(reported(body, inNote));
    expect(lines).toContain(reported(body, after));
  });
});
