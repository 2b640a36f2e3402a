import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_COMPONENTS } from "../../src/config.js";
import { createMarkdownRenderer } from "../../src/markdown/processor.js";

const render = createMarkdownRenderer({ components: DEFAULT_COMPONENTS, basePath: "/" });

function ids(markdown: string): string[] {
  const result = render({ file: "content/issues/x.md", body: markdown, bodyLine: 1 });
  if (!result.ok) throw new Error(result.messages.map((m) => m.reason).join("\n"));
  return result.body.blocks.map((b) => b.id);
}

const release = (attrs: string) => `:::release{${attrs}}\nx\n:::`;
const qa = (attrs: string) => `:::qa{${attrs}}\nq\n\n---\n\na\n:::`;
const stonith = (attrs: string) => `:::stonith{${attrs}}\nx\n:::`;

describe("block anchors come from the block's content", () => {
  it("release: component and version, dots kept as hyphens; without a version, the title, else the date", () => {
    expect(ids([
      release('component="pacemaker" version="1.1.6" status="released"'),
      release('component="resource-agents" status="moved" title="リポジトリが git へ"'),
      release('component="pacemaker" status="planned" title="Pacemaker 1.2 の予定"'),
      release('component="corosync" status="planned" date="2011-06-20"'),
      release('component="drbd" status="planned"'),
    ].join("\n\n"))).toEqual([
      "release-pacemaker-1-1-6",
      "release-resource-agents-リポジトリが-git-へ",
      "release-pacemaker-1-2-の予定",
      "release-corosync-2011-06-20",
      "release-drbd",
    ]);
  });

  it("qa: components then versions; stonith: the device", () => {
    expect(ids([qa('components="python-gui pacemaker" versions="1.0 1.1"'), stonith('device="IBM  RSA" plugin="ibmrsa-telnet"')].join("\n\n"))).toEqual([
      "qa-python-gui-pacemaker-1-0-1-1",
      "stonith-ibm-rsa",
    ]);
  });

  it("an explicit #id wins even over an earlier block's default anchor; repeats get -2, -3", () => {
    expect(ids([
      release('component="pacemaker" version="1.0.11" status="planned"'),
      release('component="pacemaker" version="1.0.11" status="released"'),
      release('#release-pacemaker-1-0-11 component="pacemaker" version="1.0.12" status="planned"'),
    ].join("\n\n"))).toEqual(["release-pacemaker-1-0-11-2", "release-pacemaker-1-0-11-3", "release-pacemaker-1-0-11"]);
  });

  it("a very long versionless title is cut to a readable length", () => {
    const [id = ""] = ids(release(`component="linux-ha" status="announcement" title="${"Linux Foundation HA working group mailing list ".repeat(3)}"`));
    expect(id.startsWith("release-linux-ha-linux-foundation-ha-working-group")).toBe(true);
    expect([...id].length).toBeLessThanOrEqual("release-linux-ha-".length + 48);
  });

  it("property: inserting a block anywhere never changes the anchor of a block with other content", () => {
    const piece = fc.oneof(
      fc.constantFrom("pacemaker", "corosync", "drbd").chain((c) => fc.constantFrom("1.0.11", "1.1.6", "2.0").map((v) => release(`component="${c}" version="${v}" status="released"`))),
      fc.constantFrom("hawk", "python-gui pacemaker", "drbd-mc").map((c) => qa(`components="${c}"`)),
      fc.constantFrom("HP iLO3", "IBM RSA", "IBM IMM").map((d) => stonith(`device="${d}" plugin="ipmi"`)),
      fc.constantFrom("intro", "gui").map((id) => qa(`#${id} components="hawk"`)),
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 6 }), piece, fc.nat(), (pieces, inserted, at) => {
        const before = ids(pieces.join("\n\n"));
        const position = at % (pieces.length + 1);
        const after = ids([...pieces.slice(0, position), inserted, ...pieces.slice(position)].join("\n\n"));
        after.splice(position, 1);
        // Blocks with the same content as the inserted one may shift their -2/-3 suffix; no other block may move.
        const sameAsInserted = (source: string) => source === inserted;
        pieces.forEach((source, i) => {
          if (!sameAsInserted(source)) expect(after[i], source).toBe(before[i]);
        });
        expect(new Set(after).size).toBe(after.length);
      }),
      { numRuns: 120 },
    );
  });
});
