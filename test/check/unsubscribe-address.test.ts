/**
 * An email's unsubscribe link comes from the config (email.listUnsubscribe,
 * or an edition's own), and a mailing service answers it, not the site: a
 * one-click unsubscribe is a POST, which no static page takes. On the site's
 * own host it was judged as a page on every issue's email.html, so a site of
 * thousands of issues got thousands of errors no setting could stop, each
 * saying to "check the templates or public/". It is not checked now; every
 * other link of the email still is. So is the sign-up address
 * (email.subscribe), which every page's footer links to: a mailing service's
 * form, not a page the site builds. The oracle is the CLI's words.
 */
import { afterEach, describe, expect, it } from "vitest";
import { checkInProcess } from "../helpers/io.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

let site: TempDir | undefined;
afterEach(() => site?.remove());

const config = (email: object, languages: object = {}) => JSON.stringify({ title: "T", url: "https://example.org/", lang: "ja", email: { from: "T <news@example.org>", ...email }, languages }, null, 2);
const issues = {
  "content/issues/2011/2011-04.md": issue({ title: "四月号", issue: 1, date: "2011-04-01" }, "本文。\n"),
  "content/issues/2011/2011-05.md": issue({ title: "五月号", issue: 2, date: "2011-05-01" }, "本文。[前号](/issues/2011-04/#ない)\n"),
  "content/issues/2011/2011-05.en.md": issue({ title: "May", issue: 2, date: "2011-05-01", lang: "en" }, "Text.\n"),
};

describe("gekkan check and the config's unsubscribe address on the site's own host", () => {
  it("is not judged as a page of the site, the site's nor an edition's own", async () => {
    site = tempSite({ "gekkan.config.json": config({ listUnsubscribe: ["https://example.org/unsubscribe", "mailto:leave@example.org"], listUnsubscribeOneClick: true }, { en: { title: "T", email: { listUnsubscribe: "https://example.org/en/leave" } } }), ...issues });
    const run = await checkInProcess(site.path);
    expect(run.lines.filter((line) => line.includes("unsubscribe") || line.includes("/en/leave"))).toEqual([]);
    // The email's other links still are: the broken anchor is said once, at the Markdown.
    expect(run.lines).toEqual([
      'content/issues/2011/2011-05.md:7:4  broken anchor in link "/issues/2011-04/#ない": /issues/2011-04/ has no element with id "ない"',
      expect.stringMatching(/: 1 error, 0 warnings$/),
    ]);
  });
});

describe("gekkan check and the config's sign-up address on the site's own host", () => {
  it("is not judged as a page of the site on any page's footer, the site's nor an edition's own", async () => {
    site = tempSite({ "gekkan.config.json": config({ subscribe: "https://example.org/join" }, { en: { title: "T", email: { subscribe: "https://example.org/en/join" } } }), ...issues });
    const run = await checkInProcess(site.path);
    expect(run.lines.filter((line) => line.includes("/join"))).toEqual([]);
    expect(run.lines).toEqual([
      'content/issues/2011/2011-05.md:7:4  broken anchor in link "/issues/2011-04/#ない": /issues/2011-04/ has no element with id "ない"',
      expect.stringMatching(/: 1 error, 0 warnings$/),
    ]);
  });
});
