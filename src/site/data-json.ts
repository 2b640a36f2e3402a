import { z } from "zod";
import type { SiteConfig } from "../config.js";
import { RELEASE_STATUSES } from "../blocks/types.js";
import type { BlockSource, Site } from "./model.js";
import { absolutizeHtml } from "./absolute-html.js";
import { pageLinksAway } from "./page-links-away.js";
import { ROUTES, siteUrl } from "./urls.js";

const issueRef = z.object({
  number: z.number().int().positive(),
  title: z.string(),
  date: z.iso.date(),
  url: z.url(),
});

const HTML_AWAY = "HTML as on the issue's page, every URL in it absolute; a footnote reference links to its note there";

/** Schemas of /data/*.json: the contract for other tools. Also published as JSON Schema. */
export const dataSchemas = {
  releases: z.object({
    version: z.literal(1),
    releases: z.array(z.object({
      component: z.string(), version: z.string(), status: z.enum(RELEASE_STATUSES), title: z.string(),
      date: z.iso.date().describe("the release's own date, or the issue's date when the block gives none"),
      url: z.url().describe("link to the block in its issue"), issue: issueRef,
    })),
  }),
  compat: z.object({
    version: z.literal(1),
    questions: z.array(z.object({
      components: z.array(z.string()).min(1), versions: z.array(z.string()),
      question: z.string(),
      questionHtml: z.string().describe(HTML_AWAY), answerHtml: z.string().describe(HTML_AWAY),
      url: z.url(), issue: issueRef,
    })),
  }),
  stonith: z.object({
    version: z.literal(1),
    devices: z.array(z.object({
      device: z.string(), vendor: z.string(), hardware: z.string(), plugin: z.string(), url: z.url(), issue: issueRef,
      history: z.array(z.object({ plugin: z.string(), hardware: z.string(), superseded: z.boolean(), url: z.url(), issue: issueRef })),
    })),
  }),
} as const;

export type DataName = keyof typeof dataSchemas;

/** The reference data as JSON files (and their JSON Schemas), newest first. */
export function dataFiles(site: Site, config: SiteConfig): Map<string, string> {
  const abs = (route: string) => siteUrl(config, route);
  const ref = (source: BlockSource) => ({
    number: source.issue.issue.number, title: source.issue.issue.title, date: source.issue.issue.date, url: abs(source.issue.route),
  });
  // Read away from the site: every link absolute, links to places on the issue page (footnote references too) to that page.
  const away = (html: string, source: BlockSource) => absolutizeHtml(pageLinksAway(html, abs(source.issue.route)), config, source.issue.route);
  // Newest issue first; inside an issue, the order the blocks were written.
  const position = (source: BlockSource) => source.issue.body.blocks.findIndex((b) => source.anchorRoute.endsWith(`#${b.id}`));
  const byNewest = <T extends { source: BlockSource }>(list: T[]) =>
    list.sort((a, b) => b.source.issue.issue.number - a.source.issue.issue.number || position(a.source) - position(b.source));
  const releases = byNewest([...site.releases]);
  const payloads: Record<DataName, unknown> = {
    releases: {
      version: 1,
      releases: releases.map((e) => ({
        component: e.block.component, version: e.block.version, status: e.block.status, title: e.block.title,
        date: e.block.date || e.source.issue.issue.date, url: abs(e.source.anchorRoute), issue: ref(e.source),
      })),
    },
    compat: {
      version: 1,
      questions: byNewest([...site.compat]).map((e) => ({
        components: e.block.components, versions: e.block.versions, question: e.block.questionText,
        questionHtml: away(e.block.questionHtml, e.source), answerHtml: away(e.block.answerHtml, e.source), url: abs(e.source.anchorRoute), issue: ref(e.source),
      })),
    },
    stonith: {
      version: 1,
      devices: site.stonith.map((d) => ({
        device: d.device, vendor: d.current.block.vendor, hardware: d.current.block.hardware, plugin: d.current.block.plugin,
        url: abs(d.current.source.anchorRoute), issue: ref(d.current.source),
        history: d.history.map((h) => ({ plugin: h.block.plugin, hardware: h.block.hardware, superseded: h.superseded, url: abs(h.source.anchorRoute), issue: ref(h.source) })),
      })),
    },
  };
  const files = new Map<string, string>();
  for (const name of Object.keys(dataSchemas) as DataName[]) {
    files.set(ROUTES.data(name), `${JSON.stringify(payloads[name], null, 2)}\n`);
    files.set(ROUTES.data(`${name}.schema`), `${JSON.stringify(z.toJSONSchema(dataSchemas[name]), null, 2)}\n`);
  }
  return files;
}
