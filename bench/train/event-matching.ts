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
import { ARTICLE_FEATURES, articleFeatures } from '../../electron/core/analysis/event-match/articles';
import { FEATURES, pairFeatures } from '../../electron/core/analysis/event-match/features';
import {
  MATCH_MODEL_FILE,
  type MatchModel,
  type MatchModelMeta,
  type MatchObservation,
} from '../../electron/core/analysis/event-match/model';
import { TERMS, contentWordsOf, type TermStats } from '../../electron/core/analysis/event-match/terms';
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
/**
 * Event-pair merge thresholds tried (2: events are merged only through their articles). 0.7 was tried
 * beside "off" up to the 2026-12-06 model and lost at every article threshold (F1 0.778-0.821 against
 * 0.792-0.838), so it is no longer run.
 */
const MERGE = [2];
/** Article-pair merge thresholds tried (an article's main event joins its story's). */
const ARTICLE_MERGE = [0.5, 0.6, 0.7];
/**
 * Story bridge thresholds tried (2: stories are never merged). "Never" lost by 0.04-0.10 at every article
 * threshold with the lead features of 2026-12-07 (F1 0.760-0.847 against 0.868-0.895), so it is no longer run.
 */
const ARTICLE_BRIDGE = [0.3, 0.6];
/**
 * How many of a story's articles must lead with one person to keep out an article led by another (0:
 * never). 3 and 5 gave CV F1 0.900 and 0.901 beside 4's 0.902 at article merge 0.6 / bridge 0.3, in a
 * run with this model's features (2026-12-07); only 4 is run beside "never", to keep training short.
 */
const STORY_LEAD = [0, 4];
/** Merge other matching events too from this probability (2: never). */
const BRIDGE = 2;
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
  /** Sorts the rows the same way every run (the notebook's ids are random). */
  key: string;
  row: Row;
}

const byKey = (a: Pair, b: Pair): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Labelled pairs from one never-merging import of every article. */
async function pairs(
  docs: readonly EcbDoc[],
  terms: TermStats,
  extractor: ReturnType<typeof cachingExtractor>,
): Promise<{ events: Pair[]; articles: Pair[] }> {
  const seen: MatchObservation[] = [];
  const notebook = importDirect(docs, observer(terms, seen), extractor);
  const spansOf = notebook.db.prepare(
    `SELECT source_id, span_start, span_end FROM event_sources WHERE event_id = ? AND quote_id IS NULL`,
  );
  const out: Pair[] = [];
  const articles = new Map<string, Pair>();
  for (const o of seen) {
    const doc = notebook.docs.get(o.sourceId)!;
    const mine = chainsOf(doc, o.mentions);
    // Article pairs: a main event's article against the articles of the main events it was compared
    // with (each its own article's, since this import never merges); the same story when ECB+ groups
    // the two articles under one seminal event.
    if (o.signature.main && o.signature.article !== undefined) {
      for (const candidate of o.candidates) {
        if (!candidate.main) continue;
        for (const { sourceId, profile } of candidate.profiles ?? []) {
          const other = notebook.docs.get(sourceId);
          if (other === undefined) continue;
          const key = `${doc.name}|${other.name}`;
          if (articles.has(key)) continue;
          const features = articleFeatures(o.signature.article, profile);
          articles.set(key, {
            topic: doc.topic,
            otherTopic: other.topic,
            key,
            row: {
              features: ARTICLE_FEATURES.map((name, i): [string, number] => [name, features[i]!]),
              label: other.group === doc.group ? 1 : 0,
            },
          });
        }
      }
    }
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
        key: `${doc.name}|${o.mentions[0]?.[0] ?? -1}|${other.name}|${rows[0]?.span_start ?? -1}`,
        row: { features: FEATURES.map((name, i): [string, number] => [name, features[i]!]), label },
      });
    }
  }
  await notebook.close();
  return { events: out.sort(byKey), articles: [...articles.values()].sort(byKey) };
}

interface Setting {
  merge: number;
  articleMerge: number;
  articleBridge: number;
  storyLead: number;
}

function toModel(
  weights: Map<string, number>,
  articleWeights: Map<string, number>,
  setting: Setting,
  terms: TermStats,
): MatchModel {
  return {
    weights: Float64Array.from(FEATURES.map((name) => weights.get(name) ?? 0)),
    merge: setting.merge,
    suggest: suggestFrom(setting.merge),
    bridge: BRIDGE,
    terms,
    article: {
      weights: Float64Array.from(ARTICLE_FEATURES.map((name) => articleWeights.get(name) ?? 0)),
      merge: setting.articleMerge,
      bridge: setting.articleBridge,
      ...(setting.storyLead > 0 ? { storyLead: setting.storyLead } : {}),
    },
  };
}

/** Suggested down to this probability (with events merged only through articles: from 0.5). */
const suggestFrom = (merge: number): number =>
  Math.max(0.05, Math.round((Math.min(merge, 0.75) - SUGGEST_BELOW) * 100) / 100);

const fit = (rows: readonly Row[], l2: number, seed: number): Map<string, number> =>
  trainLogistic(rows, { l2, epochs: 20, seed, rate: 0.1 });

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
  const positives = all.events.filter((p) => p.row.label === 1).length;
  const articlePositives = all.articles.filter((p) => p.row.label === 1).length;
  context.log(
    `${all.events.length} labelled event pairs (${positives} the same happening), ${all.articles.length} article pairs (${articlePositives} the same story)`,
  );
  const topics = [...new Set(docs.map((d) => d.topic))].sort((a, b) => a - b);
  const foldOf = new Map(topics.map((t, i) => [t, i % FOLDS]));
  const results: (Setting & { l2: number; p: number; r: number; f1: number })[] = [];
  const settings: Setting[] = MERGE.flatMap((merge) =>
    ARTICLE_MERGE.flatMap((articleMerge) =>
      ARTICLE_BRIDGE.flatMap((articleBridge) =>
        STORY_LEAD.map((storyLead) => ({ merge, articleMerge, articleBridge, storyLead })),
      ),
    ),
  );
  const outside = (fold: number) => (p: Pair) =>
    foldOf.get(p.topic) !== fold && foldOf.get(p.otherTopic) !== fold;
  for (const l2 of L2) {
    const sums = new Map(settings.map((setting) => [setting, { p: 0, r: 0, n: 0 }]));
    for (let fold = 0; fold < FOLDS; fold++) {
      const held = docs.filter((d) => foldOf.get(d.topic) === fold);
      const weights = fit(
        all.events.filter(outside(fold)).map((p) => p.row),
        l2,
        context.seed + fold,
      );
      const articleWeights = fit(
        all.articles.filter(outside(fold)).map((p) => p.row),
        l2,
        context.seed + fold,
      );
      for (const setting of settings) {
        const notebook = importDirect(held, toModel(weights, articleWeights, setting, terms), extractor);
        const score = bcubed(notebook);
        await notebook.close();
        const sum = sums.get(setting)!;
        sum.p += score.p * score.articles;
        sum.r += score.r * score.articles;
        sum.n += score.articles;
      }
    }
    for (const [setting, sum] of sums) {
      const p = sum.p / sum.n;
      const r = sum.r / sum.n;
      const f1 = (2 * p * r) / (p + r);
      results.push({ l2, ...setting, p, r, f1 });
      context.log(
        `cv l2 ${l2} article merge ${setting.articleMerge} bridge ${setting.articleBridge > 1 ? 'off' : setting.articleBridge} story lead ${setting.storyLead || 'off'} event merge ${setting.merge > 1 ? 'off' : setting.merge}: B-cubed P ${p.toFixed(3)} R ${r.toFixed(3)} F1 ${f1.toFixed(3)}`,
      );
    }
  }
  const best = results.reduce((a, b) => (b.f1 > a.f1 ? b : a));
  const weights = fit(
    all.events.map((p) => p.row),
    best.l2,
    context.seed,
  );
  const articleWeights = fit(
    all.articles.map((p) => p.row),
    best.l2,
    context.seed,
  );
  const words = [...terms.frequency.keys()].sort();
  const meta: MatchModelMeta = {
    features: [...FEATURES],
    merge: best.merge,
    suggest: suggestFrom(best.merge),
    bridge: BRIDGE,
    articleMerge: best.articleMerge,
    articleBridge: best.articleBridge,
    ...(best.storyLead > 0 ? { articleStoryLead: best.storyLead } : {}),
    articleFeatures: [...ARTICLE_FEATURES],
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
        articleWeights: Float32Array.from(ARTICLE_FEATURES.map((name) => articleWeights.get(name) ?? 0)),
        frequency: Uint32Array.from(words.map((w) => terms.frequency.get(w) ?? 0)),
      },
    }),
  );
  const off = (merge: number): string => (merge > 1 ? 'off' : String(merge));
  const table = results
    .map(
      (r) =>
        `| ${r.l2} | ${r.articleMerge} | ${off(r.articleBridge)} | ${r.storyLead || 'off'} | ${off(r.merge)} | ${r.p.toFixed(3)} | ${r.r.toFixed(3)} | ${r.f1.toFixed(3)} |`,
    )
    .join('\n');
  const list = (names: readonly string[], w: ReadonlyMap<string, number>): string =>
    names.map((name) => `  - ${name}: ${(w.get(name) ?? 0).toFixed(3)}`).join('\n');
  const card = `# Event matching (${MATCH_MODEL_FILE})

Decides whether an event found in a newly imported article is one already in the library. Two models,
both used by \`electron/core/analysis/event-match\`:

1. **Events**: a new event is merged into the library event the event model finds the same happening
   with a probability of at least **${off(meta.merge)}** (of those, the one sharing most participants).
2. **Articles** (an article's main event, when step 1 merged it nowhere): the main event of the
   articles the new article reports the same story as. Candidates are the main events of the library's
   articles most like it (word index) and of the events sharing its people, places or kind and date;
   each is scored by the mean of the article model's probability over its most recent articles (as
   average-link clustering compares an article with a cluster), and the new main event joins the best
   one from **${meta.articleMerge}**. Another story the new article also matches is merged into the
   one it joins when their articles, the new one included, match pair by pair from **${off(best.articleBridge)}** on
   average (the new report shows they are one story, as average-link clustering merges two clusters).
   ${
     best.storyLead > 0
       ? `A story at least **${best.storyLead}** of whose compared articles lead with one person (the person each
   names most, by surname), none with the new article's, does not take it (13 reports of Mark Felt's
   death do not take Fred LaRue's).`
       : "No check of the stories' leads (chosen by cross-validation)."
   }

Otherwise the event is new, and suggested to the user (event page, "Possibly the same") beside library
events the event model scores from **${meta.suggest}**. The user's merges, splits, renames and separations are kept before either model is asked
(\`EventStore.place\`: a re-extracted mention keeps its event).

- **Article model**: logistic regression over ${ARTICLE_FEATURES.length} features of two articles (TF-IDF cosine of their
  ${TERMS} weightiest words, a number chosen by the same cross-validation, \`terms.ts\`; shared or clashing main people, publication dates within a month / more than half a year
  apart, years mentioned in common / none in common, cosine of how often each names each person,
  organisation and place, the share of the people and places one names often that the other never
  names, whether the person each names most has the same surname, the share of the numbers the one
  writing fewer writes in figures (a magnitude, a toll, an age; not years) that the other writes too,
  whether both write three or more and share none, and whether they name a weekday, and a month, in
  common or only different ones); weights:
${list(ARTICLE_FEATURES, articleWeights)}
- **Event model**: logistic regression over ${FEATURES.length} pair features (same kind of happening, trigger
  lemmas, shared participants and places, clashing people or places, date overlap / clash / distance,
  undated, TF-IDF cosine of the reporting articles, salience); weights:
${list(FEATURES, weights)}
- **Training data**: the ${trainTopics.length} training topics of ECB+ 1-35 (${docs.length} articles; CC BY 3.0; the
  development topics ${ECB_DEV_TOPICS.join(', ')} are not used): ${all.articles.length} article pairs the matcher compared
  (${articlePositives} the same seminal event) and ${all.events.length} event pairs (${positives} the same happening by ECB+'s
  cross-document coreference). Word document frequencies: CoNLL-2003 train and TimeBank + AQUAINT
  (${terms.documents} documents, ${words.length} words).
- **Settings**: chosen by ${FOLDS}-fold cross-validation over whole topics (a fold's topics are imported into a
  fresh notebook with models trained on the other folds): B-cubed over articles, EVAL.md's metric.

| L2 | article merge | story bridge | story lead | event merge | P | R | F1 |
|---|---|---|---|---|---|---|---|
${table}

- Chosen: L2 ${best.l2}, article merge ${best.articleMerge}, story bridge ${off(best.articleBridge)}, story lead ${best.storyLead || 'off'}, event merge ${off(best.merge)} (cross-validated F1 ${best.f1.toFixed(3)}).
- **Measured on unseen news**: the development topics, once, in \`bench/results/eval.md\`.
- **Rebuild**: \`npm run train -- event-matching\` (deterministic: \`npm run train -- --check event-matching\`).
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
