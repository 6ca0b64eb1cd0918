/**
 * Argument validation for every API method. Hosts run these on data from another process or the
 * network before it reaches the core; a bad argument is rejected with INVALID_ARGUMENT and never
 * touches stored data.
 */
import type { ApiArgs, ApiMethod, CreateNoteInput, ListNotesOptions, UpdateNoteInput } from './api';
import { ApiError } from './errors';
import type { NoteId } from './model';

/** The longest title accepted, in characters. */
export const MAX_TITLE_LENGTH = 1_000;
/** The largest serialized editor state accepted, in characters (about 50 MB of JSON). */
export const MAX_CONTENT_LENGTH = 50_000_000;

function invalid(method: string, what: string): never {
  throw new ApiError('INVALID_ARGUMENT', `${method}: ${what}.`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function onlyKeys(method: string, value: Record<string, unknown>, allowed: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) invalid(method, `unknown field "${key}"`);
  }
}

function arity(method: string, args: unknown[], min: number, max: number): void {
  if (args.length < min || args.length > max) {
    invalid(method, `expected ${min === max ? min : `${min} to ${max}`} argument(s), got ${args.length}`);
  }
}

const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

function noteId(method: string, value: unknown): NoteId {
  if (typeof value !== 'string' || !ID_PATTERN.test(value))
    invalid(method, 'the note id must be an id string');
  return value as NoteId;
}

function optionalString(method: string, name: string, value: unknown, max: number): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') invalid(method, `"${name}" must be a string`);
  if (value.length > max) invalid(method, `"${name}" is longer than ${max} characters`);
  return value;
}

function createNoteInput(method: string, value: unknown): CreateNoteInput | undefined {
  if (value === undefined) return undefined;
  if (!isPlainObject(value)) invalid(method, 'the input must be an object');
  onlyKeys(method, value, ['title', 'content']);
  const result: CreateNoteInput = {};
  const title = optionalString(method, 'title', value.title, MAX_TITLE_LENGTH);
  const content = optionalString(method, 'content', value.content, MAX_CONTENT_LENGTH);
  if (title !== undefined) result.title = title;
  if (content !== undefined) result.content = content;
  return result;
}

function updateNoteInput(method: string, value: unknown): UpdateNoteInput {
  if (!isPlainObject(value)) invalid(method, 'the input must be an object');
  onlyKeys(method, value, ['id', 'expectedVersion', 'title', 'content']);
  const { expectedVersion } = value;
  if (typeof expectedVersion !== 'number' || !Number.isSafeInteger(expectedVersion) || expectedVersion < 1) {
    invalid(method, '"expectedVersion" must be a positive integer');
  }
  const result: UpdateNoteInput = { id: noteId(method, value.id), expectedVersion };
  const title = optionalString(method, 'title', value.title, MAX_TITLE_LENGTH);
  const content = optionalString(method, 'content', value.content, MAX_CONTENT_LENGTH);
  if (title !== undefined) result.title = title;
  if (content !== undefined) result.content = content;
  return result;
}

function listNotesOptions(method: string, value: unknown): ListNotesOptions | undefined {
  if (value === undefined) return undefined;
  if (!isPlainObject(value)) invalid(method, 'the options must be an object');
  onlyKeys(method, value, ['trashed']);
  if (value.trashed !== undefined && typeof value.trashed !== 'boolean')
    invalid(method, '"trashed" must be true or false');
  return value.trashed === undefined ? {} : { trashed: value.trashed };
}

type Validators = { [M in ApiMethod]: (args: unknown[]) => ApiArgs<M> };

/** One validator per API method: takes raw arguments, returns typed ones or throws INVALID_ARGUMENT. */
export const API_VALIDATORS: Validators = {
  getAppInfo: (args) => {
    arity('getAppInfo', args, 0, 0);
    return [];
  },
  createNote: (args) => {
    arity('createNote', args, 0, 1);
    const input = createNoteInput('createNote', args[0]);
    return input === undefined ? [] : [input];
  },
  getNote: (args) => {
    arity('getNote', args, 1, 1);
    return [noteId('getNote', args[0])];
  },
  listNotes: (args) => {
    arity('listNotes', args, 0, 1);
    const options = listNotesOptions('listNotes', args[0]);
    return options === undefined ? [] : [options];
  },
  updateNote: (args) => {
    arity('updateNote', args, 1, 1);
    return [updateNoteInput('updateNote', args[0])];
  },
  deleteNote: (args) => {
    arity('deleteNote', args, 1, 1);
    return [noteId('deleteNote', args[0])];
  },
  restoreNote: (args) => {
    arity('restoreNote', args, 1, 1);
    return [noteId('restoreNote', args[0])];
  },
};

/** Validates the raw arguments of `method`; throws INVALID_ARGUMENT when they are not acceptable. */
export function validateArgs<M extends ApiMethod>(method: M, args: unknown): ApiArgs<M> {
  if (!Array.isArray(args)) invalid(method, 'arguments must be sent as a list');
  return API_VALIDATORS[method](args) as ApiArgs<M>;
}
