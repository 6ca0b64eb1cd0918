/** The backup area of the API. (Being built: methods are added here with their types and validators.) */
import type { Validators } from '../validation';

/** Methods of the backup area. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface BackupApi {}

/** The backup area's methods, in the order hosts register them. */
export const BACKUP_METHODS = [] as const satisfies readonly (keyof BackupApi)[];

/** Argument validators of the backup area. */
export const BACKUP_VALIDATORS: Validators<BackupApi> = {};
