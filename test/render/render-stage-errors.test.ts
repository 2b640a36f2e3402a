import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { ensureCompiled, runCli } from "../helpers/run-cli.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

/**
 * A template error met only while rendering (an undefined variable, valid
 * syntax) in the issue page's template stopped the build before the emails
 * were rendered, so the email template's own such error came only once the
 * first was fixed. One build must report both. The oracle is each line
 * written out here from the templates below.
 */
describe("render-time template errors of pages and emails come in one build", () => {
  let site: TempDir | undefined;
  beforeAll(() => ensureCompiled(), 300_000);
  afterEach(() => site?.remove());

  const files = {
    "content/issues/2011/2011-05.md": issue({ title: "5月号", issue: 1, date: "2011-05-01" }),
    // Line 3, column 8: where "issue.titel" starts; line 2, column 7: where "no_such_value" starts.
    "templates/issue.liquid": "<!DOCTYPE html>\n<title>x</title>\n<h1>{{ issue.titel }}</h1>\n",
    "templates/email/issue.liquid": "<!DOCTYPE html>\n<p>{{ no_such_value }}</p>\n",
  };
  const PAGE_ERROR = "templates/issue.liquid:3:8  template error: undefined variable: issue.titel — this is your own copy of gekkan's templates/issue.liquid, which it replaces; if you copied it from an earlier gekkan, gekkan's own writes issue.title there; compare it with gekkan's current one";
  const EMAIL_ERROR = "templates/email/issue.liquid:2:7  template error: undefined variable: no_such_value";

  it("gekkan build prints both, writes nothing, no stack, and exits 1", async () => {
    site = tempSite(files);
    const result = await runCli(["build", "--no-search"], { cwd: site.path, deadlineMs: 60_000 });
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split("\n")).toEqual([EMAIL_ERROR, PAGE_ERROR, "", "2 problems found; nothing was written."]);
    expect(result.stdout).toBe("");
    expect(existsSync(join(site.path, "dist"))).toBe(false);
    expect(readdirSync(site.path).filter((name) => name.startsWith(".dist"))).toEqual([]);
  });

  it("gekkan check prints both and exits 1", async () => {
    site = tempSite(files);
    const result = await runCli(["check"], { cwd: site.path, deadlineMs: 60_000 });
    expect(result.code).toBe(1);
    expect(result.stderr.trimEnd().split("\n").slice(0, 2)).toEqual([EMAIL_ERROR, PAGE_ERROR]);
  });
});
