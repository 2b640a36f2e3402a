import { createHash } from "node:crypto";
import { cpSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli.js";
import { ContentError, formatDiagnostic } from "../../src/diagnostics.js";
import { memoOver } from "../../src/incremental/memo.js";
import { currentInputs } from "../../src/pipeline/input-key.js";
import { FileDigests } from "../../src/incremental/file-digests.js";
import { loadInputs, type Inputs } from "../../src/pipeline/load-inputs.js";
import { parseIssues } from "../../src/pipeline/parse-issues.js";
import { captureIo } from "../helpers/io.js";
import { copySite } from "../helpers/site-copy.js";
import { readTree, tempDir, type TempDir } from "../helpers/temp-site.js";
import { MemoryStore } from "../helpers/memo-store.js";

const dirs: TempDir[] = [];
afterEach(() => {
  vi.unstubAllEnvs();
  dirs.splice(0).forEach((dir) => dir.remove());
});

const ISSUE = "content/issues/2011/2011-05.md";

/** A source's digest as digest.ts defines it (sha256 of the bytes and a NUL), computed here. */
const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).update("\0").digest("hex");

async function site(): Promise<string> {
  const dir = await copySite();
  dirs.push(dir);
  return dir.path;
}

/** What a build reads: every source (file, bytes, digest) and every problem as printed. */
function seen(inputs: Inputs) {
  return {
    sources: inputs.sources.map((s) => ({ file: s.file, bytes: Buffer.from(s.bytes).toString("base64"), digest: s.digest })),
    problems: inputs.problems.map(formatDiagnostic),
  };
}

/**
 * `gekkan build` reads and hashes every source for its up-to-date check;
 * the build that follows takes those digests (Reuse.checked) and reads a
 * source again only to parse it. Oracles: loadInputs reading every file
 * itself, sha256 computed here, and a build without any cache.
 */
describe("sources the up-to-date check read", () => {
  it("give the build exactly the inputs reading every file gives, refused files included", async () => {
    const root = await site();
    const outside = tempDir("outside-");
    dirs.push(outside);
    const issues = join(root, "content", "issues");
    writeFileSync(join(outside.path, "elsewhere.md"), "---\ntitle: x\n---\n");
    symlinkSync(join(outside.path, "elsewhere.md"), join(issues, "link-out.md"));
    // Over the default limit of 1 MiB: refused with its size, whichever way it was read.
    writeFileSync(join(issues, "huge.md"), `---\ntitle: huge\n---\n${"x".repeat(1_200_000)}\n`);

    const checked = await currentInputs({ root }, FileDigests.empty());
    expect(checked.sources.has("content/issues/huge.md")).toBe(true);
    expect(checked.sources.has("content/issues/link-out.md")).toBe(false);
    const taken = await loadInputs({ root }, checked.sources);
    const alone = await loadInputs({ root });
    expect(seen(taken)).toEqual(seen(alone));
    const problems = seen(taken).problems.join("\n");
    expect(problems).toContain("content/issues/huge.md:1:1  this issue is 1.1 MB; the limit is 1 MB");
    expect(problems).toContain("content/issues/link-out.md:1:1");
    for (const source of taken.sources) expect(source.digest).toBe(sha256(source.bytes));
  });

  it("are read again only to be parsed, and a file changed since the check stops the build by name", async () => {
    const root = await site();
    const store = new MemoryStore();
    const first = await loadInputs({ root });
    await parseIssues(first.sources, first.context, memoOver(store), 1);

    const checked = await currentInputs({ root }, FileDigests.empty());
    const before = readFileSync(join(root, ISSUE));
    writeFileSync(join(root, ISSUE), `${before.toString("utf8")}\nWritten after the check.\n`);
    const inputs = await loadInputs({ root }, checked.sources);
    // Every issue is in the memo: nothing is read, and the build has the version the check hashed.
    const parsed = await parseIssues(inputs.sources, inputs.context, memoOver(store), 1);
    expect(parsed.renderedCount).toBe(0);
    expect(inputs.sources.find((s) => s.file === ISSUE)?.digest).toBe(sha256(before));

    // With nothing in the memo every source is read: the changed one is refused, never rendered under the old digest.
    const fresh = new MemoryStore();
    const failed = await parseIssues(inputs.sources, inputs.context, memoOver(fresh), 1).catch((error: unknown) => error);
    expect(failed).toBeInstanceOf(ContentError);
    expect((failed as ContentError).messages.map(formatDiagnostic)).toEqual([`${ISSUE}:1:1  this file changed while gekkan was building the site, so nothing was written; run the build again`]);
    expect([...fresh.values.values()].some((bytes) => Buffer.from(bytes).includes("Written after the check."))).toBe(false);
  });

  it("a build whose issue cache is gone reads and checks every source, and writes what a build without a cache writes", async () => {
    const root = await site();
    vi.stubEnv("SOURCE_DATE_EPOCH", "1767225600");
    const build = async (args: string[]) => {
      const io = captureIo();
      expect(await main(["build", "--root", root, "--no-search", "--quiet", ...args], io)).toBe(0);
    };
    await build([]);
    writeFileSync(join(root, ISSUE), `${readFileSync(join(root, ISSUE), "utf8")}\nOne more line.\n`);
    rmSync(join(root, ".gekkan", "cache", "issues.pack"));
    await build([]);
    const cold = join(root, "..", `${relative(join(root, ".."), root)}-cold`);
    cpSync(root, cold, { recursive: true });
    dirs.push({ path: cold, remove: () => rmSync(cold, { recursive: true, force: true }) });
    rmSync(join(cold, "dist"), { recursive: true, force: true });
    const io = captureIo();
    expect(await main(["build", "--root", cold, "--no-search", "--quiet", "--no-cache"], io)).toBe(0);
    const warm = readTree(join(root, "dist"));
    expect(warm).toEqual(readTree(join(cold, "dist")));
    expect([...warm.values()].some((bytes) => bytes.includes("One more line."))).toBe(true);
  });
});
