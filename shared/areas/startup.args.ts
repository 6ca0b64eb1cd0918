/**
 * The argument schemas of the start-up area (`shared/areas/startup.ts`): the one description of
 * its methods' arguments. `shared/validate.ts` checks every call against them, and the argument types
 * are inferred from them. They live apart from the area's contract so that the UI, which imports the
 * area's constants but never validates, does not bundle them.
 */
import { args, validatorsOf, type ArgsSchemas } from '../schema';
import type { StartupApi } from './startup';

/** The arguments of the start-up area's methods: none of them takes any. */
export const STARTUP_ARGS = {
  getStartupState: args(),
  restoreFromLastGoodBackup: args(),
  openReadOnly: args(),
  openWithoutLostChanges: args(),
  startNewNotebook: args(),
} satisfies ArgsSchemas<StartupApi>;

/** Argument validators of the start-up area, from {@link STARTUP_ARGS}. */
export const STARTUP_VALIDATORS = validatorsOf<StartupApi>(STARTUP_ARGS);
