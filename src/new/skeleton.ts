export const SKELETON_LANGS = ["ja", "en"] as const;
export type SkeletonLang = (typeof SKELETON_LANGS)[number];

export interface SkeletonFields {
  number: number;
  date: string;
  title: string;
  lang: SkeletonLang;
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
 * A new issue's Markdown: draft front matter and one example of every block
 * kind, in the issue's language. It must build as it is (tests check), so
 * an author can preview it at once.
 */
export function issueSkeleton(fields: SkeletonFields): string {
  const t = TEXTS[fields.lang];
  return `---
title: ${JSON.stringify(fields.title)}
issue: ${fields.number}
date: ${fields.date}
summary: ${JSON.stringify(t.summary)}
tags: [pacemaker, stonith]
lang: ${fields.lang}
draft: true
---

${t.intro}

## ${t.releases}

:::release{component="pacemaker" version="1.1.6" status="planned" title="Pacemaker 1.1.6"}
${t.release}
:::

## ${t.compat}

:::qa{components="pacemaker" versions="1.0 1.1"}
${t.question}

---

${t.answer}
:::

## ${t.stonith}

:::stonith{device="HP iLO3" plugin="ipmi" vendor="HP" hardware="ProLiant DL G7"}
${t.device}
:::
`;
}
