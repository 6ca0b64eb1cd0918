/**
 * Text in, entity spans out: cuts each sentence into the tagger's tokens, reads the document's casing
 * habits, tags every sentence with the trained model and returns PER, LOC, ORG and MISC spans as
 * character offsets. The shipped model is loaded once, on first use; a missing or damaged file throws
 * a ModelFileError naming it, so extraction stops with a clear message instead of finding nothing.
 */
import { loadModel, ModelFileError } from '../models/container';
import { join } from 'node:path';
import { modelsDir } from '../models/container';
import type { Span } from '../types';
import { type EntityType, spansOf } from './decode';
import { NerModel } from './model';
import { nerTokenize, type NerToken } from './tokenize';

/** One entity the tagger found. */
export interface EntitySpan {
  type: EntityType;
  start: number;
  end: number;
  /** Index of the sentence (of those passed in) it was found in. */
  sentence: number;
}

/** The file name of the shipped model under resources/models. */
export const NER_MODEL_FILE = 'ner.bin';

/** Sentences longer than this are tagged in pieces (a text without punctuation is one "sentence"). */
const MAX_SENTENCE_TOKENS = 250;

let shipped: NerModel | undefined;

/** The shipped model, loaded on first use. Throws ModelFileError when the file is missing or damaged. */
export function shippedNerModel(): NerModel {
  if (shipped !== undefined) return shipped;
  const data = loadModel(NER_MODEL_FILE);
  try {
    shipped = NerModel.fromData(data);
  } catch (error) {
    throw new ModelFileError(
      join(modelsDir(), NER_MODEL_FILE),
      `does not fit this version of Dossier (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  return shipped;
}

/** Forgets the loaded model (tests that swap the models folder). */
export function unloadNerModel(): void {
  shipped = undefined;
}

/**
 * Finds the entities of `text`, sentence by sentence.
 * @param sentences [start, end) offsets of the text's sentences, in order
 */
export function tagEntities(text: string, sentences: readonly Span[], model: NerModel): EntitySpan[] {
  const pieces: Array<{ tokens: NerToken[]; sentence: number }> = [];
  sentences.forEach(([start, end], sentence) => {
    const tokens = nerTokenize(text, start, end);
    for (let i = 0; i < tokens.length; i += MAX_SENTENCE_TOKENS) {
      pieces.push({ tokens: tokens.slice(i, i + MAX_SENTENCE_TOKENS), sentence });
    }
  });
  const labels = model.tag(pieces.map((p) => p.tokens.map((t) => t.text)));
  const found: EntitySpan[] = [];
  pieces.forEach(({ tokens, sentence }, p) => {
    for (const [type, first, last] of spansOf(labels[p] as Int32Array, tokens.length)) {
      found.push({
        type,
        start: (tokens[first] as NerToken).start,
        end: (tokens[last] as NerToken).end,
        sentence,
      });
    }
  });
  return found;
}
