export const SKELETON_LANGS = ["ja", "en"] as const;
export type SkeletonLang = (typeof SKELETON_LANGS)[number];

export interface SkeletonFields {
  number: number;
  date: string;
  title: string;
  /** The issue's own address (`gekkan new --slug`), when not its month's. */
  slug?: string | undefined;
  /** Any language with a locale pack; one with no example text of its own gets the English one. */
  lang: string;
}

interface Texts {
  summary: string;
  intro: string;
  releases: string;
  release: string;
  compat: string;
  question: string;
  answer: string;
  stonith: string;
  device: string;
}

const TEXTS: Record<SkeletonLang, Texts> = {
  ja: {
    summary: "",
    intro: "今月のまえがきをここに書きます。見出しは ## から始めてください。",
    releases: "リリース・アナウンス",
    release: "リリースの概要を書きます。status は released、planned、rc、beta、announcement、merged、moved、deprecated、eol のいずれかです。",
    compat: "バージョン互換情報",
    question: "質問をここに書きます。",
    answer: "回答をここに書きます。質問と回答のあいだは、--- だけを書いた行で区切ります。",
    stonith: "STONITH プラグイン",
    device: "制御装置と、それに使う STONITH プラグインについて書きます。",
  },
  en: {
    summary: "",
    intro: "Write this month's introduction here. Start headings at ##.",
    releases: "Release news",
    release: "Describe the release. status is one of released, planned, rc, beta, announcement, merged, moved, deprecated, eol.",
    compat: "Version compatibility",
    question: "Write the question here.",
    answer: "Write the answer here. A line holding only --- separates the question from the answer.",
    stonith: "STONITH plugins",
    device: "Say which STONITH plugin fits this management board.",
  },
};

/**
 * The example blocks' opening lines. Each carries an `#example-…` anchor id:
 * the example attributes could be real (Pacemaker 1.1.6 was planned), so the
 * id is what tells gekkan's example from the author's own block.
 */
export const EXAMPLE_BLOCKS = {
  release: ':::release{#example-release component="pacemaker" version="1.1.6" status="planned" title="Pacemaker 1.1.6"}',
  qa: ':::qa{#example-qa components="pacemaker" versions="1.0 1.1"}',
  stonith: ':::stonith{#example-stonith device="HP iLO3" plugin="ipmi" vendor="HP" hardware="ProLiant DL G7"}',
} as const;

export type ExampleBlock = keyof typeof EXAMPLE_BLOCKS;

/** The anchor id of each example block, as written after `{#`. */
export function exampleId(kind: ExampleBlock): string {
  return `example-${kind}`;
}

/** Every placeholder sentence of the skeleton, in every language: a line holding one must not be published. */
export function placeholderTexts(): string[] {
  return SKELETON_LANGS.flatMap((lang) => {
    const t = TEXTS[lang];
    return [t.intro, t.release, t.question, t.answer, t.device];
  });
}

/**
 * A new issue's Markdown: draft front matter and one example of every block
 * kind, in the issue's language. It must build as it is (tests check), so
 * an author can preview it at once. What counts as left-over example text
 * is derived from the same definitions (see leftovers.ts).
 */
export function issueSkeleton(fields: SkeletonFields): string {
  // A site's own language (templates/locales/fr.json) has no example text here; English is read by more authors than any other.
  const t = (Object.hasOwn(TEXTS, fields.lang) ? TEXTS[fields.lang as SkeletonLang] : undefined) ?? TEXTS.en;
  return `---
title: ${JSON.stringify(fields.title)}
issue: ${fields.number}
date: ${fields.date}
${fields.slug === undefined ? "" : `slug: ${fields.slug}\n`}summary: ${JSON.stringify(t.summary)}
tags: [pacemaker, stonith]
lang: ${fields.lang}
draft: true
---

${t.intro}

## ${t.releases}

${EXAMPLE_BLOCKS.release}
${t.release}
:::

## ${t.compat}

${EXAMPLE_BLOCKS.qa}
${t.question}

---

${t.answer}
:::

## ${t.stonith}

${EXAMPLE_BLOCKS.stonith}
${t.device}
:::
`;
}
