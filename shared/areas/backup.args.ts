/**
 * The argument schemas of the backup area (`shared/areas/backup.ts`): the one description of
 * its methods' arguments. `shared/validate.ts` checks every call against them, and the argument types
 * are inferred from them. They live apart from the area's contract so that the UI, which imports the
 * area's constants but never validates, does not bundle them.
 */
import * as v from 'valibot';
import { args, input, validatorsOf, wholeNumber, type ArgsSchemas } from '../schema';
import { BACKUP_NAME_PATTERN, MAX_BACKUP_EVERY_HOURS, MAX_BACKUP_KEEP, type BackupApi } from './backup';

/** A change of the backup settings: the fields given, at least one. */
export const BackupSettingsChange = v.pipe(
  input({
    everyHours: v.optional(wholeNumber(0, MAX_BACKUP_EVERY_HOURS)),
    keep: v.optional(wholeNumber(1, MAX_BACKUP_KEEP)),
  }),
  v.check((change) => change.everyHours !== undefined || change.keep !== undefined, 'nothing to change'),
);
export type BackupSettingsChange = v.InferOutput<typeof BackupSettingsChange>;

const backupName = v.custom<string>(
  (value) => typeof value === 'string' && BACKUP_NAME_PATTERN.test(value),
  'the backup name must be one listed by listBackups (dossier-<time>-<kind>.sqlite)',
);

/** The arguments of the backup area's methods. */
export const BACKUP_ARGS = {
  listBackups: args(),
  backupNow: args(),
  getBackupSettings: args(),
  setBackupSettings: args([BackupSettingsChange]),
  verifyBackup: args([backupName]),
  restoreBackup: args([backupName]),
} satisfies ArgsSchemas<BackupApi>;

/** Argument validators of the backup area, from {@link BACKUP_ARGS}. */
export const BACKUP_VALIDATORS = validatorsOf<BackupApi>(BACKUP_ARGS);
