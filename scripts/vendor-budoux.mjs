#!/usr/bin/env node
/**
 * Writes templates/assets/budoux-ja.js, the search page's Japanese phrase
 * segmenter, from an unpacked budoux npm package:
 *
 *   npm pack budoux@0.9.2 && tar xzf budoux-0.9.2.tgz
 *   node scripts/vendor-budoux.mjs package
 *
 * Why a copy and not a dependency: the browser needs BudouX's 40-line scorer
 * and its 24 KB Japanese model, nothing else, while the package depends on
 * commander, linkedom and google-artifactregistry-auth (with
 * google-auth-library), which every gekkan install would then carry. The
 * scorer below is budoux's Parser.parseBoundaries (module/parser.js) as it
 * is; the model is its module/data/models/ja.js, written out in its own order
 * so the file is the same on every run.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const from = process.argv[2];
if (from === undefined) {
  console.error("usage: node scripts/vendor-budoux.mjs <unpacked budoux package folder>");
  process.exit(2);
}
const pkg = JSON.parse(readFileSync(join(from, "package.json"), "utf8"));
const { model } = await import(pathToFileURL(resolve(from, "module/data/models/ja.js")).href);
const out = resolve(import.meta.dirname, "..", "templates/assets/budoux-ja.js");

const text = `/*! Japanese phrase boundaries for the search page's excerpts: BudouX ${pkg.version} (npm budoux), its Parser.parseBoundaries and Japanese model.
 * Copyright 2021 Google LLC
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 *
 * Written by gekkan's scripts/vendor-budoux.mjs; do not edit. */
(() => {
  const model = new Map(Object.entries(${JSON.stringify(model)}).map(([k, v]) => [k, new Map(Object.entries(v))]));
  const baseScore = -0.5 * [...model.values()].flatMap((group) => [...group.values()]).reduce((a, b) => a + b, 0);
  const features = [["UW1", -3, -2], ["UW2", -2, -1], ["UW3", -1, 0], ["UW4", 0, 1], ["UW5", 1, 2], ["UW6", 2, 3], ["BW1", -2, 0], ["BW2", -1, 1], ["BW3", 0, 2], ["TW1", -3, 0], ["TW2", -2, 1], ["TW3", -1, 2], ["TW4", 0, 3]];
  /** The indexes of sentence at which a new phrase starts (never 0). */
  globalThis.budouxJaBoundaries = (sentence) => {
    const result = [];
    for (let i = 1; i < sentence.length; i++) {
      let score = baseScore;
      for (const [name, a, b] of features) score += model.get(name)?.get(sentence.substring(i + a, i + b)) || 0;
      if (score > 0) result.push(i);
    }
    return result;
  };
})();
`;
writeFileSync(out, text);
console.log(`wrote ${out} (${text.length} characters) from budoux ${pkg.version}`);
