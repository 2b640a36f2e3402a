import { describe, expect, it } from "vitest";
import { dataSchemas, type DataName } from "../../src/site/data-json.js";
import { fixtureInput, fixtureNames, generateFixture, generateSite } from "../helpers/fixtures.js";
import { join } from "node:path";

describe("STONITH matrix: a newer issue supersedes an older one", () => {
  it("shows the newer plugin as current and the older one as superseded history", async () => {
    const { site } = await generateFixture("stonith-supersede");
    const ilo = site.stonith.find((d) => d.device === "HP iLO3");
    expect(ilo?.current.block.plugin).toBe("ipmi");
    expect(ilo?.current.source.issue.issue.number).toBe(2);
    expect(ilo?.history.map((h) => [h.block.plugin, h.source.issue.issue.number, h.superseded])).toEqual([["riloe", 1, true]]);
  });

  it("treats differently spaced device names as one device, shown with single spaces", async () => {
    const { site } = await generateFixture("stonith-supersede");
    expect(site.stonith.map((d) => d.device)).toEqual(["HP iLO3", "IBM RSA"]);
  });

  it("links the current entry and the history entry to their own issue anchors", async () => {
    const { output } = await generateFixture("stonith-supersede");
    const page = output.text("stonith/index.html") ?? "";
    expect(page).toContain('<a href="/issues/2011-05/#stonith-hp-ilo3">HP iLO3</a>');
    expect(page).toMatch(/<a href="\/issues\/2011-04\/#stonith-hp-ilo3">[^<]+<\/a>: <code class="plugin-name">riloe<\/code> <span class="badge">[^<]+<\/span>/);
    // Both anchors exist on their issue pages.
    expect(output.text("issues/2011-05/index.html")).toContain('id="stonith-hp-ilo3"');
    expect(output.text("issues/2011-04/index.html")).toContain('id="stonith-hp-ilo3"');
    const json = dataSchemas.stonith.parse(JSON.parse(output.text("data/stonith.json") ?? ""));
    expect(json.devices[0]?.url).toBe("https://example.org/issues/2011-05/#stonith-hp-ilo3");
    expect(json.devices[0]?.history[0]).toMatchObject({ plugin: "riloe", superseded: true, url: "https://example.org/issues/2011-04/#stonith-hp-ilo3" });
  });
});

describe("releases", () => {
  it("are one list ordered by component (alphabetically), newest issue first within a component", async () => {
    const { site } = await generateFixture("releases-grouped");
    expect([...new Set(site.releases.map((e) => e.block.component))]).toEqual(["corosync", "drbd", "pacemaker"]);
    const pacemaker = site.releases.filter((e) => e.block.component === "pacemaker");
    expect(pacemaker.map((e) => [e.source.issue.issue.number, e.block.version, e.block.status])).toEqual([
      [3, "1.0.11", "released"],
      [2, "1.0.11", "planned"],
      [1, "1.0.10", "released"],
    ]);
    // No component appears in two runs: the list is sorted, not merely grouped by accident.
    const runs = site.releases.map((e) => e.block.component).filter((c, i, all) => c !== all[i - 1]);
    expect(runs).toEqual([...new Set(runs)]);
  });

  it("data/releases.json lists them newest issue first and uses the block date when given", async () => {
    const { output } = await generateFixture("releases-grouped");
    const json = dataSchemas.releases.parse(JSON.parse(output.text("data/releases.json") ?? ""));
    const numbers = json.releases.map((r) => r.issue.number);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    expect(json.releases.find((r) => r.issue.number === 3 && r.component === "pacemaker")?.date).toBe("2011-05-24");
    expect(json.releases.find((r) => r.issue.number === 2 && r.component === "pacemaker")?.date).toBe("2011-05-01");
  });
});

describe("data JSON", () => {
  const names: DataName[] = ["releases", "compat", "stonith"];
  const sites = [...fixtureNames("output").map((name) => [name, fixtureInput(name)]), ["sample site", join(import.meta.dirname, "..", "..")]];

  it.each(sites)("%s: every /data/*.json validates against dataSchemas", async (_name, root) => {
    const { output } = await generateSite(root as string);
    for (const name of names) {
      const text = output.text(`data/${name}.json`);
      expect(text, `data/${name}.json`).toBeDefined();
      const result = dataSchemas[name].safeParse(JSON.parse(text ?? ""));
      expect(result.success, `data/${name}.json: ${result.error?.message ?? ""}`).toBe(true);
      expect(output.has(`data/${name}.schema.json`)).toBe(true);
    }
  });
});
