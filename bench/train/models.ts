/** Every model `npm run train` rebuilds, in order (a later model may read an earlier one's files). */
import { nerModel } from './ner';
import type { TrainableModel } from './types';

export const MODELS: TrainableModel[] = [nerModel];
