import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startDevServer } from "../../src/dev/dev-server.js";
import { memoryIo, openSse } from "../helpers/dev-server.js";
import { buildInProcess } from "../helpers/io.js";
import { issue, tempSite, type TempDir } from "../helpers/temp-site.js";

const APRIL = issue({ title: "4月号", issue: 1, date: "2011-04-01" });

let site: TempDir | undefined;
afterEach(() => {
  site?.remove();
  site = undefined;
});

describe("a file where templates/ or public/ should be", () => {
  for (const folder of ["templates", "public"]) {
    it(`${folder}: a located error saying it must be a folder, not an internal error`, async () => {
      site = tempSite({ "content/issues/2011/2011-04.md": APRIL, [folder]: "not a folder\n" });
      const run = await buildInProcess(site.path);
      const printed = run.stderr.join("\n");
      expect(run.code).toBe(1);
      expect(printed).toMatch(new RegExp(`${folder}:1:1  ${folder} must be a folder holding .*: remove or rename it`));
      expect(printed).not.toMatch(/internal error|\n\s+at /);
    });
  }

  it("gekkan dev shows it in the overlay and recovers when the folder is back", async () => {
    site = tempSite({ "content/issues/2011/2011-04.md": APRIL, "public/humans.txt": "gekkan\n" });
    const server = await startDevServer({ root: site.path, port: 0, io: memoryIo(), debounceMs: 60 });
    const events = await openSse(new URL("/__gekkan/events", server.url).href);
    try {
      await rm(join(site.path, "public"), { recursive: true });
      await writeFile(join(site.path, "public"), "not a folder\n");
      const { messages } = JSON.parse((await events.next("error")).data) as { messages: Array<{ file: string; line: number; message: string }> };
      expect(messages).toMatchObject([{ file: "public", line: 1 }]);
      expect(messages[0]?.message).toMatch(/^public must be a folder/);
      await rm(join(site.path, "public"));
      await mkdir(join(site.path, "public"));
      await writeFile(join(site.path, "public/humans.txt"), "gekkan, back\n");
      await events.next("reload");
      expect(await (await fetch(new URL("/humans.txt", server.url))).text()).toBe("gekkan, back\n");
    } finally {
      events.close();
      await server.close();
    }
  });
});
