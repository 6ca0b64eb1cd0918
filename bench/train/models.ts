/** Every model `npm run train` rebuilds, in order (a later model may read an earlier one's files). */
import { eventMatching } from './event-matching';
import { eventTriggers } from './event-triggers';
import { nerModel } from './ner';
import { speakersModel } from './speakers';
import type { TrainableModel } from './types';

// The speaker model's and the event matcher's training read articles through the entity tagger, so the
// tagger comes first; event matching reads articles through the trigger model, so triggers come before it.
export const MODELS: TrainableModel[] = [nerModel, speakersModel, eventTriggers, eventMatching];
