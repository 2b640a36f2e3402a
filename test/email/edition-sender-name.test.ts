/**
 * The English edition's email, on a site whose config gives English a title
 * but no sender of its own (the sample site's shape), came from
 * "月刊 Linux-HA 通信 <news@…>": the first thing an English reader sees of
 * it in the inbox is the newsletter's Japanese name. A sender named after the
 * newsletter (its display name is the site's title) is now named as the
 * edition names it (languages.<code>.title), at the same address; a sender
 * named anything else (a person, a team), or the language's own sender, is
 * used as written. `gekkan email` writes each message to a file, read back
 * with mailparser; the oracle is the config written in the test.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { simpleParser, type AddressObject } from "mailparser";
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli.js";
import { captureIo } from "../helpers/io.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

let dir: TempDir | undefined;
afterEach(() => {
  dir?.remove();
  dir = undefined;
  vi.unstubAllEnvs();
});

function site(email: object, en: object): string {
  const config = { title: "テスト月刊", url: "https://example.org/", lang: "ja", email, languages: { en } };
  dir = tempSite({
    "gekkan.config.json": `${JSON.stringify(config, null, 2)}\n`,
    "content/issues/2011/2011-04.md": issue({ title: "四月号", issue: 1, date: "2011-04-01" }, "日本語の本文です。\n"),
    "content/issues/2011/2011-04.en.md": issue({ title: "April", issue: 1, date: "2011-04-01", lang: "en" }, "The English text.\n"),
  });
  return dir.path;
}

/** The From of `gekkan email 1 [--lang LANG]` as "name <address>". */
async function sender(root: string, lang?: string): Promise<string> {
  vi.stubEnv("SOURCE_DATE_EPOCH", "1325376000");
  const out = join(root, `message-${lang ?? "ja"}.eml`);
  const io = captureIo();
  const code = await main(["email", "1", ...(lang === undefined ? [] : ["--lang", lang]), "--root", root, "--no-cache", "--out", out], io);
  expect(code, io.all()).toBe(0);
  const from = (await simpleParser(readFileSync(out))).from as AddressObject;
  const [box] = from.value;
  return `${box?.name} <${box?.address}>`;
}

describe("the sender's name in each edition's email", () => {
  it("a sender named after the newsletter is named as the English edition names it, at the same address", async () => {
    const root = site({ from: "テスト月刊 <news@example.org>" }, { title: "Test Monthly" });
    expect(await sender(root, "en")).toBe("Test Monthly <news@example.org>");
    expect(await sender(root)).toBe("テスト月刊 <news@example.org>");
  });

  it("an edition title with a comma or quotes stays one name", async () => {
    const root = site({ from: "テスト月刊 <news@example.org>" }, { title: 'Test, the "Monthly"' });
    expect(await sender(root, "en")).toBe('Test, the "Monthly" <news@example.org>');
  });

  it("a sender named anything else, or the language's own sender, is used as written", async () => {
    expect(await sender(site({ from: "山田太郎 <taro@example.org>" }, { title: "Test Monthly" }), "en")).toBe("山田太郎 <taro@example.org>");
    dir?.remove();
    const own = site({ from: "テスト月刊 <news@example.org>" }, { title: "Test Monthly", email: { from: "Monthly News <news-en@example.org>" } });
    expect(await sender(own, "en")).toBe("Monthly News <news-en@example.org>");
  });

  it("an edition with no title of its own keeps the site's sender", async () => {
    expect(await sender(site({ from: "テスト月刊 <news@example.org>" }, { description: "A test" }), "en")).toBe("テスト月刊 <news@example.org>");
  });
});
