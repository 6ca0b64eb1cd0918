/**
 * Building blocks for the argument validators in `shared/areas/*`. Every check throws INVALID_ARGUMENT
 * with a message that names the method and the field, so a bad call never reaches stored data.
 */
import { ApiError } from './errors';

/** One validator per method of API `A`: raw arguments in, typed arguments out, or INVALID_ARGUMENT. */
export type Validators<A> = {
  [M in keyof A]: A[M] extends (...args: infer P) => unknown ? (args: unknown[]) => P : never;
};

/** Throws INVALID_ARGUMENT for `method`, saying `what` is wrong. */
export function invalid(method: string, what: string): never {
  throw new ApiError('INVALID_ARGUMENT', `${method}: ${what}.`);
}

/** True for `{...}` objects (not null, not arrays). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Refuses fields other than `allowed`, so a misspelt field is an error instead of being ignored. */
export function onlyKeys(method: string, value: Record<string, unknown>, allowed: readonly string[]): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) invalid(method, `unknown field "${key}"`);
  }
}

/** Checks the number of arguments. */
export function arity(method: string, args: unknown[], min: number, max: number): void {
  if (args.length < min || args.length > max) {
    invalid(method, `expected ${min === max ? min : `${min} to ${max}`} argument(s), got ${args.length}`);
  }
}

/** Ids are UUIDs; this also accepts the shorter ids tests use, but never arbitrary text. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** An id argument of brand `T`; `what` names it in the message ("the note id"). */
export function idOf<T extends string>(method: string, what: string, value: unknown): T {
  if (typeof value !== 'string' || !ID_PATTERN.test(value)) invalid(method, `${what} must be an id string`);
  return value as T;
}

/** The input object of a method, with only `allowed` fields. */
export function objectOf(
  method: string,
  value: unknown,
  allowed: readonly string[],
): Record<string, unknown> {
  if (!isPlainObject(value)) invalid(method, 'the input must be an object');
  onlyKeys(method, value, allowed);
  return value;
}

/** A string field that may be absent; at most `max` characters. */
export function optionalString(
  method: string,
  name: string,
  value: unknown,
  max: number,
): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') invalid(method, `"${name}" must be a string`);
  if (value.length > max) invalid(method, `"${name}" is longer than ${max} characters`);
  return value;
}

/** A string field that must be present; at most `max` characters. */
export function requiredString(method: string, name: string, value: unknown, max: number): string {
  const result = optionalString(method, name, value, max);
  if (result === undefined) invalid(method, `"${name}" is required`);
  return result;
}

/** A boolean field that may be absent. */
export function optionalBoolean(method: string, name: string, value: unknown): boolean | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') invalid(method, `"${name}" must be true or false`);
  return value;
}

/** An integer field in [min, max] that may be absent. */
export function optionalInteger(
  method: string,
  name: string,
  value: unknown,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    invalid(method, `"${name}" must be a whole number from ${min} to ${max}`);
  }
  return value;
}

/** A field that must be one of `choices` when present. */
export function optionalChoice<T extends string>(
  method: string,
  name: string,
  value: unknown,
  choices: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
    invalid(method, `"${name}" must be one of ${choices.join(', ')}`);
  }
  return value as T;
}

/** Copies the fields of `from` whose value is not undefined (optional fields stay absent, not undefined). */
export function defined<T extends object>(from: T): T {
  const result = {} as T;
  for (const [key, value] of Object.entries(from)) {
    if (value !== undefined) (result as Record<string, unknown>)[key] = value;
  }
  return result;
}
