/** Every model `npm run train` rebuilds, in order (a later model may read an earlier one's files). */
import { eventMatching } from './event-matching';
import { eventTriggers } from './event-triggers';
import type { TrainableModel } from './types';

export const MODELS: TrainableModel[] = [eventTriggers, eventMatching];
