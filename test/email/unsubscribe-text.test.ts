/**
 * The unsubscribe link in email.txt, for a list whose only way out is a
 * mailto: with a subject (`mailto:leave@…?subject=unsubscribe`). It read
 * `<leave@news.example.org?subject=unsubscribe>`, which is no address; a
 * reader of the text part must get what mail apps can open. Oracle: the
 * WHATWG URL parser and the config's own address.
 */
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { fixtureInput, fixtureVariants } from "../helpers/fixtures.js";
import { EMAIL_FIXTURE } from "../helpers/email.js";

const variants = fixtureVariants(EMAIL_FIXTURE, "unsubscribe-text-");
afterAll(() => variants.remove());

async function footer(listUnsubscribe: string[]): Promise<string> {
  const config = JSON.parse(readFileSync(`${fixtureInput(EMAIL_FIXTURE)}/gekkan.config.json`, "utf8")) as { email: Record<string, unknown> };
  const built = await variants.buildWith({ "gekkan.config.json": JSON.stringify({ ...config, email: { ...config.email, listUnsubscribe, listUnsubscribeOneClick: false } }) });
  const text = built.output.text("issues/2011-04/email.txt") ?? "";
  return /配信停止 <([^>]*)>/.exec(text)?.[1] ?? "(no unsubscribe link)";
}

describe("the text part's unsubscribe link", () => {
  it("a mailto: with a subject keeps its scheme, so it opens as the address with the subject filled in", async () => {
    const shown = await footer(["mailto:leave@news.example.org?subject=unsubscribe"]);
    const url = new URL(shown);
    expect(url.protocol).toBe("mailto:");
    expect(url.pathname).toBe("leave@news.example.org");
    expect(url.searchParams.get("subject")).toBe("unsubscribe");
  });

  it("a bare mailto: is shown as the address alone, as before", async () => {
    expect(await footer(["mailto:leave@news.example.org"])).toBe("leave@news.example.org");
  });
});
