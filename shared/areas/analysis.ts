/** The analysis area of the API. (Being built: methods are added here with their types and validators.) */
import type { Validators } from '../validation';

/** Methods of the analysis area. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AnalysisApi {}

/** The analysis area's methods, in the order hosts register them. */
export const ANALYSIS_METHODS = [] as const satisfies readonly (keyof AnalysisApi)[];

/** Argument validators of the analysis area. */
export const ANALYSIS_VALIDATORS: Validators<AnalysisApi> = {};
