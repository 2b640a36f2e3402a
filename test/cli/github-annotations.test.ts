/**
 * On GitHub Actions (GITHUB_ACTIONS=true) every problem a command prints is
 * also a workflow command the runner turns into an annotation on the file
 * and line. The oracle is the format GitHub documents for workflow commands
 * (`::error file={name},line={line},col={col},title={title}::{message}`,
 * with `%`, CR and LF escaped in the message and also `:` and `,` in
 * properties), written out by hand here; the file is named from the
 * repository's root (GITHUB_WORKSPACE), the site being a folder inside it
 * whose path has a space and Japanese.
 */
import { basename, dirname, join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli.js";
import { captureIo } from "../helpers/io.js";
import { AWKWARD_TMP, issue, tempSite, type TempDir } from "../helpers/temp-site.js";

let dir: TempDir | undefined;

afterEach(() => {
  dir?.remove();
  dir = undefined;
  vi.unstubAllEnvs();
});

const FILE = "content/issues/2011/2011-04.md";
/** The "repository" the test sites are in: "/tmp/gekkan tests", the sites in its folder "月刊 ニュース". */
const WORKSPACE = dirname(AWKWARD_TMP);
const siteInWorkspace = () => join(basename(AWKWARD_TMP), basename(dir?.path ?? ""));

/** A site with a misspelt field (an error at 2:1), built as CI builds it, from the repository root the site is in. */
async function build(env: Record<string, string>, files: Record<string, string> = {}, ...args: string[]) {
  dir = tempSite({ [FILE]: issue({ titel: "四月号", issue: 1, date: "2011-04-01" }), ...files });
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const io = captureIo();
  const code = await main(["build", "--root", dir.path, "--no-cache", ...args], io);
  return { code, stderr: io.stderr.join("\n").split("\n"), stdout: io.stdout };
}

describe("GitHub Actions annotations", () => {
  it("an error is annotated on its file and line, named from the repository root, after the line gekkan prints", async () => {
    const { code, stderr } = await build({ GITHUB_ACTIONS: "true", GITHUB_WORKSPACE: WORKSPACE });
    const site = siteInWorkspace();
    expect(code).toBe(1);
    const printed = `${FILE}:2:1  unknown front matter field "titel" — did you mean "title"?`;
    expect(stderr.slice(0, 2)).toEqual([printed, `::error file=${site}/${FILE},line=2,col=1,title=gekkan build::unknown front matter field "titel" — did you mean "title"?`]);
  });

  it("a warning is a warning annotation; a problem in a flag has no file; % and newlines in a message are escaped", async () => {
    const bodyH1 = issue({ title: "四月号", issue: 1, date: "2011-04-01" }, "# 100% の見出し\n\n本文です。\n");
    const { code, stderr } = await build({ GITHUB_ACTIONS: "true", GITHUB_WORKSPACE: "/" }, { [FILE]: bodyH1 });
    expect(code).toBe(0);
    const annotation = stderr.find((line) => line.startsWith("::warning "));
    expect(annotation).toMatch(new RegExp(`^::warning file=${dir?.path.slice(1).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/${FILE},line=7,col=1,title=gekkan build::"100%25 の見出し" is a heading 1`));
    dir?.remove();
    // A query in --url is a warning about a flag, not about a file.
    const flag = await build({ GITHUB_ACTIONS: "true" }, { [FILE]: bodyH1 }, "--url", "https://example.org/x/?ref=ci");
    expect(flag.stderr.find((line) => line.startsWith("::warning ") && line.includes("ref=ci"))).toMatch(/^::warning line=1,col=1,title=gekkan build::the site's address holds "\?ref=ci"/);
  });

  it("property values escape : and , (a command's title, a file name)", async () => {
    const odd = "content/issues/2011/a,b:c.md";
    dir = tempSite({ [odd]: issue({ titel: "x", issue: 1, date: "2011-04-01" }) });
    vi.stubEnv("GITHUB_ACTIONS", "true");
    vi.stubEnv("GITHUB_WORKSPACE", WORKSPACE);
    const io = captureIo();
    expect(await main(["build", "--root", dir.path, "--no-cache"], io)).toBe(1);
    const site = siteInWorkspace();
    expect(io.stderr).toContain(`::error file=${site}/content/issues/2011/a%2Cb%3Ac.md,line=2,col=1,title=gekkan build::unknown front matter field "titel" — did you mean "title"?`);
  });

  it("off GitHub Actions nothing but the problems is printed", async () => {
    const { code, stderr, stdout } = await build({ GITHUB_ACTIONS: "" });
    expect(code).toBe(1);
    expect([...stderr, ...stdout].filter((line) => line.startsWith("::"))).toEqual([]);
  });
});
