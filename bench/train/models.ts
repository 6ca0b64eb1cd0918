/** Every model `npm run train` rebuilds, in order (a later model may read an earlier one's files). */
import { speakersModel } from './speakers';
import type { TrainableModel } from './types';

export const MODELS: TrainableModel[] = [speakersModel];
