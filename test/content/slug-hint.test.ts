/**
 * `slug: My_Slug` was refused with the slug's shape and no fix, while a slug
 * in capitals was told the lower-case one. A slug and an alias typed with
 * underscores, blanks or capitals now get the slug they most likely mean,
 * from one rule (idForm, as component names get theirs). The oracle is the
 * messages, written out here.
 */
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { captureIo } from "../helpers/io.js";
import { tempSite, type TempDir } from "../helpers/temp-site.js";

const APRIL = "content/issues/2011/2011-04.md";

describe("a slug or alias not in the form of a slug", () => {
  let dir: TempDir | undefined;
  afterEach(() => dir?.remove());

  it("gets the slug it most likely means, the same for a slug and an alias", async () => {
    dir = tempSite({ [APRIL]: `---\ntitle: 四月号\nissue: 1\ndate: 2011-04-01\nslug: My_Slug\naliases: [Old_One, "old one", 2011_04, Pacemaker, "x__"]\n---\n\n本文です。\n` });
    const io = captureIo();
    expect(await main(["build", "--root", dir.path, "--no-search", "--quiet"], io)).toBe(1);
    const hints = io.stderr.filter((line) => line.includes("invalid front matter field")).map((line) => line.replace(/^.*found the string /, ""));
    expect(hints).toEqual([
      '"My_Slug" — did you mean "my-slug"?',
      '"Old_One" — did you mean "old-one"?',
      '"old one" — did you mean "old-one"?',
      '"2011_04" — did you mean "2011-04"?',
      '"Pacemaker"; write it in lower case: "pacemaker"',
      // No slug comes of it (a hyphen at the end): nothing is offered.
      '"x__"',
    ]);
  });
});
