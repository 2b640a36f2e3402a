import { describe, expect, it } from "vitest";
import { contentProblems } from "../helpers/fixtures.js";
import { loadConfig } from "../../src/config.js";
import { tempSite } from "../helpers/temp-site.js";

/** The config's syntax problems as `gekkan build` prints them (the config is read through loadConfig). */
async function configProblems(text: string): Promise<string[]> {
  const site = tempSite({ "gekkan.config.json": text });
  try {
    return await contentProblems(() => loadConfig(site.path));
  } finally {
    site.remove();
  }
}

describe("gekkan.config.json is judged as JSON, in an author's words", () => {
  it.each([
    ['{\n  "title": "x"\n  "url": "https://example.org/"\n}', "gekkan.config.json:3:3  this file is not valid JSON: a comma is missing before this point"],
    ['{\n  "title": "x",\n  "authors": ["a" "b"]\n}', "gekkan.config.json:3:19  this file is not valid JSON: a comma is missing between two items of a list"],
    ['{\n  "title": "x",\n}', "gekkan.config.json:2:15  this file is not valid JSON: remove this comma: in JSON no comma may follow the last field of an object or the last item of a list"],
    // JSON.parse names no place for this one: it was "the file ends too early" at the end of the file.
    ['{\n  "authors": ["a", "b",]\n}', "gekkan.config.json:2:23  this file is not valid JSON: remove this comma"],
    ['{\n  "title": "x" /* 仮 */\n}', "gekkan.config.json:2:16  this file is not valid JSON: JSON has no comments: remove this one"],
    ['{\n  "search": True\n}', 'gekkan.config.json:2:13  this file is not valid JSON: this is not a JSON value: text goes in double quotes ("…"), and true, false and null are written in lower case'],
    ['{\n  "searchShardSize": 5.\n}', "gekkan.config.json:2:24  this file is not valid JSON: this number is not written as JSON writes numbers"],
    ["{\n  'title': 'x'\n}", "gekkan.config.json:2:3  this file is not valid JSON: a field name must be in double quotes"],
    // A comma typed twice was "a field name must be in double quotes" at the second: nothing there to quote.
    ['{\n  "title": "サイト",,\n  "url": "https://example.org/"\n}', "gekkan.config.json:2:18  this file is not valid JSON: a comma too many: remove this one; one comma goes between two fields or two items"],
    ['{\n  "authors": ["a",, "b"]\n}', "gekkan.config.json:2:19  this file is not valid JSON: a comma too many: remove this one"],
    ['{,\n  "title": "x"\n}', "gekkan.config.json:1:2  this file is not valid JSON: a comma too many: remove this one"],
    ['{\n  "title" "x"\n}', "gekkan.config.json:2:11  this file is not valid JSON: a colon is missing after the field name"],
    ['{\n  "title": "x,\n  "url": "y"\n}', "gekkan.config.json:2:15  this file is not valid JSON: a text value is not closed"],
    ['{\n  "title": "x"\n}}', "gekkan.config.json:3:2  this file is not valid JSON: the settings end before this point"],
    ['{\n  "title": "x",\n  "url": "y"\n', "gekkan.config.json:4:1  this file is not valid JSON: the file ends too early"],
    ['{\n  "title": "x",\n  "title": "y"\n}', "gekkan.config.json:3:3  this file names this field twice in the same object; keep one of them"],
  ])("%j", async (text, expected) => {
    const problems = await configProblems(text);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.startsWith(expected), problems[0]).toBe(true);
  });

  it("comments and trailing commas, carried over from JavaScript, are each reported, with what else is wrong, all at once", async () => {
    const text = '{\n  // サイト名\n  "title": "x",\n  "authors": ["a", "b",],\n  "url": "https://example.org/"\n  "lang": "ja",\n}\n';
    expect(await configProblems(text)).toEqual([
      "gekkan.config.json:2:3  this file is not valid JSON: JSON has no comments: remove this one",
      "gekkan.config.json:4:23  this file is not valid JSON: remove this comma: in JSON no comma may follow the last field of an object or the last item of a list",
      "gekkan.config.json:6:3  this file is not valid JSON: a comma is missing before this point (after the value before it), or the } that closes the object",
      "gekkan.config.json:6:15  this file is not valid JSON: remove this comma: in JSON no comma may follow the last field of an object or the last item of a list",
    ]);
  });

  it("a comment's marks inside a text value are text", async () => {
    expect(await configProblems('{ "title": "a // b /* c */", "url": "https://example.org/" }')).toEqual([]);
  });

  it("YAML's leniency is not taken for JSON: a list without commas is an error, not one string", async () => {
    expect(await configProblems('{ "authors": ["a" "b"] }')).toHaveLength(1);
  });

  it("a byte order mark before the JSON is fine", async () => {
    expect(await configProblems('\uFEFF{ "title": "x" }')).toEqual([]);
  });
});
