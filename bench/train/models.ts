/** Every model `npm run train` rebuilds, in order (a later model may read an earlier one's files). */
import { nerModel } from './ner';
import { speakersModel } from './speakers';
import type { TrainableModel } from './types';

// The speaker model's training reads articles through the entity tagger, so the tagger comes first.
export const MODELS: TrainableModel[] = [nerModel, speakersModel];
