import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { main } from "../../src/cli.js";
import { captureIo } from "../helpers/io.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

let site: TempDir | undefined;
afterEach(() => site?.remove());

/** Processes whose parent is this one, by name: Pagefind's runs as a child of the build. */
function children(): string[] {
  return readdirSync("/proc").filter((name) => /^\d+$/.test(name)).flatMap((pid) => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // "pid (comm) state ppid …": the name may hold spaces, so read after its closing parenthesis.
      const close = stat.lastIndexOf(")");
      const ppid = Number(stat.slice(close + 2).split(" ")[1]);
      return ppid === process.pid ? [stat.slice(stat.indexOf("(") + 1, close)] : [];
    } catch {
      return [];
    }
  });
}

describe("a build that fails while Pagefind indexes (the search index is made beside the emails)", () => {
  it("reports the error, writes nothing, and leaves no Pagefind process behind", async () => {
    site = tempSite({
      "content/issues/2011/2011-05.md": issue({ title: "5月号", issue: 1, date: "2011-05-01" }),
      // Valid syntax, so only rendering the email finds it: the search index is being made by then.
      "templates/email/issue.liquid": "<p>{{ no_such_value }}</p>\n",
    });
    const io = captureIo();
    const out = join(site.path, "out");
    const code = await main(["build", "--root", site.path, "--no-cache", "--out", out], io);
    const lines = io.stderr.join("\n").split("\n");
    expect(code).toBe(1);
    expect(lines[0]).toMatch(/^templates\/email\/issue\.liquid:1:7 {2}template error: undefined variable: no_such_value/);
    expect(lines.at(-1)).toBe("1 problem found; nothing was written.");
    expect(existsSync(out)).toBe(false);
    // Closing Pagefind sends its process a signal; give it a moment to go.
    const stray = () => children().filter((name) => name.toLowerCase().includes("pagefind"));
    for (let waited = 0; stray().length > 0 && waited < 5000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stray()).toEqual([]);
  });
});
