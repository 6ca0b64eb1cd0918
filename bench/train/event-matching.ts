/**
 * The event-matching model: when is a new event the same happening as one in the library. Learned from
 * the training topics of ECB+ 1-35 (their cross-document event coreference; the development topics are
 * left for `npm run eval`), with settings (regularisation, merge threshold) chosen by 5-fold
 * cross-validation over whole training topics, scored by EVAL.md's B-cubed over articles on the held-out
 * topics imported into a fresh notebook. Word document frequencies for
 * "similar articles" come from CoNLL-2003 train and TimeBank (not ECB+).
 *
 * Pairs are what the matcher itself sees: the articles are imported with a model that never merges and
 * reports, for each new event, the candidates the index lookups returned. A pair is the same happening
 * when the two events' mentions overlap ECB+ action mentions of one coreference chain; different when
 * their articles report different seminal events, or both are annotated with different chains.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as prettier from 'prettier';
import { FEATURES, pairFeatures } from '../../electron/core/analysis/event-match/features';
import {
  MATCH_MODEL_FILE,
  type MatchModel,
  type MatchModelMeta,
  type MatchObservation,
} from '../../electron/core/analysis/event-match/model';
import { contentWordsOf, type TermStats } from '../../electron/core/analysis/event-match/terms';
import { encodeModel } from '../../electron/core/extract/models/container';
import { bcubed, cachingExtractor, importDirect } from '../eval/ecb-notebook';
import { ECB_DEV_TOPICS, isAction, isEcbTrainTopic, loadEcbPlus, type EcbDoc } from '../eval/ecbplus-data';
import { loadTimebankEvents } from '../eval/timebank-events';
import { trainLogistic, type Row } from './logistic';
import type { TrainableModel, TrainContext } from './types';

const CARD = 'event-matching.md';
const round = (x: number): number => Math.round(x * 1000) / 1000;
const FOLDS = 5;
const L2 = [1e-3];
const MERGE = [0.3, 0.4, 0.5];
/** Merge other matching events too from this probability (2: never). */
const BRIDGE = [2];
/** Suggested to the user down to this much below the merge threshold. */
const SUGGEST_BELOW = 0.25;

/** Document frequencies of content words over CoNLL-2003 train and TimeBank + AQUAINT. */
export function termStats(dataDir: string): TermStats {
  const texts: string[] = [];
  const conll = readFileSync(join(dataDir, 'ner/conll2003/conll2003_train.txt'), 'utf8');
  let words: string[] = [];
  for (const line of conll.split('\n')) {
    if (line.startsWith('-DOCSTART-')) {
      if (words.length > 0) texts.push(words.join(' '));
      words = [];
    } else if (line.trim() !== '') words.push(line.split(' ')[0] ?? '');
  }
  if (words.length > 0) texts.push(words.join(' '));
  for (const doc of loadTimebankEvents(dataDir)) texts.push(doc.text);
  const frequency = new Map<string, number>();
  for (const text of texts)
    for (const w of new Set(contentWordsOf(text))) frequency.set(w, (frequency.get(w) ?? 0) + 1);
  for (const [w, n] of frequency) if (n < 2) frequency.delete(w);
  return { documents: texts.length, frequency };
}

/** A model that never merges and records what the matcher sees. */
function observer(terms: TermStats, seen: MatchObservation[]): MatchModel {
  return {
    weights: new Float64Array(FEATURES.length),
    merge: 2,
    suggest: 2,
    terms,
    observe: (o) => void seen.push(o),
  };
}

/** Gold chains of action mentions overlapping `spans` of an article. */
function chainsOf(doc: EcbDoc, spans: readonly [number, number][]): Set<string> {
  const chains = new Set<string>();
  for (const m of doc.mentions) {
    if (!isAction(m.type) || m.chain === null) continue;
    if (spans.some(([s, e]) => s < m.span[1] && m.span[0] < e)) chains.add(m.chain);
  }
  return chains;
}

interface Pair {
  topic: number;
  otherTopic: number;
  row: Row;
}

/** Labelled pairs from one never-merging import of every article. */
function pairs(
  docs: readonly EcbDoc[],
  terms: TermStats,
  extractor: ReturnType<typeof cachingExtractor>,
): Promise<Pair[]> {
  const seen: MatchObservation[] = [];
  const notebook = importDirect(docs, observer(terms, seen), extractor);
  const spansOf = notebook.db.prepare(
    `SELECT source_id, span_start, span_end FROM event_sources WHERE event_id = ? AND quote_id IS NULL`,
  );
  const out: Pair[] = [];
  for (const o of seen) {
    const doc = notebook.docs.get(o.sourceId)!;
    const mine = chainsOf(doc, o.mentions);
    for (const candidate of o.candidates) {
      const rows = spansOf.all(candidate.id) as { source_id: string; span_start: number; span_end: number }[];
      const other = rows[0] === undefined ? undefined : notebook.docs.get(rows[0].source_id);
      if (other === undefined) continue;
      const theirs = chainsOf(
        other,
        rows.map((r) => [r.span_start, r.span_end]),
      );
      const same = [...mine].some((c) => theirs.has(c));
      let label: 0 | 1 | null;
      if (same) label = 1;
      else if (other.group !== doc.group) label = 0;
      // Two articles' main events of one kind report their seminal event (ECB+ groups articles by it),
      // even where the annotators put the words of each in different chains. (Of different kinds they
      // are left out: labelled the same, the model learnt to merge a meeting into a ceasefire proposal.)
      else if (o.signature.main && candidate.main) label = o.signature.kind === candidate.kind ? 1 : null;
      else if (mine.size > 0 && theirs.size > 0) label = 0;
      else label = null;
      if (label === null) continue;
      const features = pairFeatures(o.signature, candidate);
      out.push({
        topic: doc.topic,
        otherTopic: other.topic,
        row: { features: FEATURES.map((name, i): [string, number] => [name, features[i]!]), label },
      });
    }
  }
  return notebook.close().then(() => out);
}

function toModel(weights: Map<string, number>, merge: number, bridge: number, terms: TermStats): MatchModel {
  return {
    weights: Float64Array.from(FEATURES.map((name) => weights.get(name) ?? 0)),
    merge,
    suggest: Math.max(0.05, merge - SUGGEST_BELOW),
    bridge,
    terms,
  };
}

async function train(context: TrainContext): Promise<void> {
  // DOSSIER_TRAIN_TOPICS=1-6 trains on fewer topics, for a quick look at the pipeline (never shipped).
  const [from, to] = (process.env.DOSSIER_TRAIN_TOPICS ?? '1-35').split('-').map(Number);
  // Training topics only: the development topics are measured once, by `npm run eval`.
  const docs = loadEcbPlus(context.dataDir, from, to).filter((d) => isEcbTrainTopic(d.topic));
  const trainTopics = [...new Set(docs.map((d) => d.topic))];
  const terms = termStats(context.dataDir);
  const extractor = cachingExtractor();
  context.log(`${docs.length} ECB+ articles; word frequencies from ${terms.documents} documents`);
  const all = await pairs(docs, terms, extractor);
  const positives = all.filter((p) => p.row.label === 1).length;
  context.log(`${all.length} labelled pairs (${positives} the same happening)`);
  const topics = [...new Set(docs.map((d) => d.topic))].sort((a, b) => a - b);
  const foldOf = new Map(topics.map((t, i) => [t, i % FOLDS]));
  const results: { l2: number; merge: number; bridge: number; p: number; r: number; f1: number }[] = [];
  const settings = MERGE.flatMap((merge) => BRIDGE.map((bridge) => ({ merge, bridge })));
  for (const l2 of L2) {
    const sums = new Map(settings.map((setting) => [setting, { p: 0, r: 0, n: 0 }]));
    for (let fold = 0; fold < FOLDS; fold++) {
      const held = docs.filter((d) => foldOf.get(d.topic) === fold);
      const rows = all
        .filter((p) => foldOf.get(p.topic) !== fold && foldOf.get(p.otherTopic) !== fold)
        .map((p) => p.row);
      const weights = trainLogistic(rows, { l2, epochs: 20, seed: context.seed + fold, rate: 0.1 });
      for (const setting of settings) {
        const notebook = importDirect(
          held,
          toModel(weights, setting.merge, setting.bridge, terms),
          extractor,
        );
        const score = bcubed(notebook);
        await notebook.close();
        const sum = sums.get(setting)!;
        sum.p += score.p * score.articles;
        sum.r += score.r * score.articles;
        sum.n += score.articles;
      }
    }
    for (const [{ merge, bridge }, sum] of sums) {
      const p = sum.p / sum.n;
      const r = sum.r / sum.n;
      results.push({ l2, merge, bridge, p, r, f1: (2 * p * r) / (p + r) });
      context.log(
        `cv l2 ${l2} merge ${merge} bridge ${bridge > 1 ? 'off' : bridge}: B-cubed P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${((2 * p * r) / (p + r)).toFixed(3)}`,
      );
    }
  }
  const best = results.reduce((a, b) => (b.f1 > a.f1 ? b : a));
  const weights = trainLogistic(
    all.map((p) => p.row),
    { l2: best.l2, epochs: 20, seed: context.seed, rate: 0.1 },
  );
  const words = [...terms.frequency.keys()].sort();
  const meta: MatchModelMeta = {
    features: [...FEATURES],
    merge: best.merge,
    suggest: Math.max(0.05, Math.round((best.merge - SUGGEST_BELOW) * 100) / 100),
    bridge: best.bridge,
    documents: terms.documents,
    words,
    cv: { p: round(best.p), r: round(best.r), f1: round(best.f1) },
  };
  writeFileSync(
    join(context.outDir, MATCH_MODEL_FILE),
    encodeModel({
      name: 'event-matching',
      meta,
      arrays: {
        weights: Float32Array.from(FEATURES.map((name) => weights.get(name) ?? 0)),
        frequency: Uint32Array.from(words.map((w) => terms.frequency.get(w) ?? 0)),
      },
    }),
  );
  const table = results
    .map(
      (r) =>
        `| ${r.l2} | ${r.merge} | ${r.bridge > 1 ? 'off' : r.bridge} | ${r.p.toFixed(3)} | ${r.r.toFixed(3)} | ${r.f1.toFixed(3)} |`,
    )
    .join('\n');
  const card = `# Event matching (${MATCH_MODEL_FILE})

Decides whether an event found in a newly imported article is one already in the library: merged when
the probability is at least **${meta.merge}**, suggested to the user (event page, "Possibly the same")
from **${meta.suggest}**. Used by \`electron/core/analysis/event-match\`.

- **Model**: logistic regression over ${FEATURES.length} pair features (same kind of happening, trigger
  lemmas, shared participants and places, clashing people or places, date overlap / clash / distance,
  undated, TF-IDF cosine of the reporting articles, salience); weights:
${FEATURES.map((name) => `  - ${name}: ${(weights.get(name) ?? 0).toFixed(3)}`).join('\n')}
- **Training data**: the ${trainTopics.length} training topics of ECB+ 1-35 (${docs.length} articles; CC BY 3.0; the
  development topics ${ECB_DEV_TOPICS.join(', ')} are not used): ${all.length} event pairs the matcher
  compared (${positives} the same happening by ECB+'s cross-document coreference). Word document
  frequencies: CoNLL-2003 train and TimeBank + AQUAINT (${terms.documents} documents, ${words.length} words).
- **Settings**: chosen by ${FOLDS}-fold cross-validation over whole topics (a fold's topics are imported into a
  fresh notebook with a model trained on the other folds): B-cubed over articles, EVAL.md's metric.

| L2 | merge threshold | merge others from | P | R | F1 |
|---|---|---|---|---|---|
${table}

- Chosen: L2 ${best.l2}, merge ${best.merge}, merge other matches from ${best.bridge > 1 ? 'never' : best.bridge} (cross-validated F1 ${best.f1.toFixed(3)}).
- **Measured on unseen news**: the development topics, once, in \`bench/results/eval.md\`.
- **Rebuild**: \`npm run train -- event-matching\` (deterministic).
`;
  // Written as the repository's formatter would (its tables aligned), so \`npm run lint\` passes on it.
  const options =
    (await prettier.resolveConfig(join(import.meta.dirname, '../../resources/models', CARD))) ?? {};
  writeFileSync(join(context.outDir, CARD), await prettier.format(card, { ...options, parser: 'markdown' }));
}

/** `npm run train -- event-matching`. */
export const eventMatching: TrainableModel = {
  name: 'event-matching',
  files: [MATCH_MODEL_FILE, CARD],
  train,
};
