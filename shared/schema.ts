/**
 * Building blocks for the API's argument schemas (`shared/areas/*.ts`), on valibot. A schema is the one
 * description of an argument: `shared/validate.ts` checks every call against it, and the TypeScript
 * types of the arguments are inferred from it, so the check and the type cannot drift.
 *
 * Messages are templates: `{field}` becomes the name of the field the problem is in (`"limit"`,
 * `"resources[0].path"`, or `the input` for the argument itself), and the method's name goes in front,
 * so every refusal says which call and which field: `listSources: "limit" must be a whole number ...`.
 */
import * as v from 'valibot';
import { isCalendarDate } from './dates';
import { ApiError } from './errors';
import { isHttpUrl } from './url';

/** Throws INVALID_ARGUMENT for `method`, saying `what` is wrong. */
export function invalid(method: string, what: string): never {
  throw new ApiError('INVALID_ARGUMENT', `${method}: ${what}.`);
}

/** Ids are UUIDs; this also accepts the shorter ids tests use, but never arbitrary text. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** An id of brand `T`; `what` names it in the message ("the note id"). */
export const id = <T extends string = string>(what: string) =>
  v.custom<T>((value) => typeof value === 'string' && ID_PATTERN.test(value), `${what} must be an id string`);

/** A string of at most `max` characters. */
export const text = (max: number) =>
  v.pipe(v.string('{field} must be a string'), v.maxLength(max, `{field} is longer than ${max} characters`));

/** A string with something in it besides spaces, at most `max` characters. */
export const nonBlank = (max: number) =>
  v.pipe(
    text(max),
    v.check((s) => s.trim() !== '', '{field} is empty'),
  );

/** A whole number in [min, max]. */
export function wholeNumber(min: number, max: number) {
  const message = `{field} must be a whole number from ${min} to ${max}`;
  return v.pipe(
    v.number(message),
    v.safeInteger(message),
    v.minValue(min, message),
    v.maxValue(max, message),
  );
}

/** true or false. */
export const flag = () => v.boolean('{field} must be true or false');

/** One of `choices`. */
export const oneOf = <const T extends string>(choices: readonly T[]) =>
  v.picklist(choices as T[], `{field} must be one of ${choices.join(', ')}`);

/** A calendar date YYYY-MM-DD that exists (2025-02-30 does not). */
export const day = () =>
  v.pipe(text(10), v.check(isCalendarDate, '{field} must be a date written YYYY-MM-DD'));

/** An http:// or https:// address of at most `max` characters. */
export const httpUrl = (max: number) =>
  v.pipe(text(max), v.check(isHttpUrl, '{field} must be an http:// or https:// address'));

/** A list of at most `max` items of `item`; `what` says what the list holds ("entity ids"). */
export const list = <T extends v.GenericSchema>(item: T, max: number, what: string) =>
  v.pipe(
    v.array(item, `{field} must be a list of ${what}`),
    v.maxLength(max, `{field} holds more than ${max} ${what}`),
  );

/** A list of one to `max` items; `one` names an item ("source"), `what` several ("sources"). */
export const nonEmptyList = <T extends v.GenericSchema>(item: T, max: number, one: string, what: string) =>
  v.pipe(
    v.array(item, `{field} must be a list of at least one ${one}`),
    v.minLength(1, `{field} must be a list of at least one ${one}`),
    v.maxLength(max, `{field} holds more than ${max} ${what}`),
  );

function objectMessage(issue: v.StrictObjectIssue): string {
  if (issue.expected === 'never') return `unknown field "${String(issue.input).slice(0, 100)}"`;
  if (issue.expected === 'Object') return '{field} must be an object';
  return '{field} is required';
}

/** The first field of `value` that `entries` does not name. */
function unknownField(value: object, entries: v.ObjectEntries): string | undefined {
  return Object.keys(value).find((key) => !Object.hasOwn(entries, key));
}

/**
 * An object with exactly these fields: a missing required field, a field of the wrong type and an
 * unknown field (a misspelling, which would otherwise be ignored) are all refused. Unknown fields are
 * reported first, and a list is not taken for an object.
 */
export const input = <const E extends v.ObjectEntries>(entries: E) =>
  v.pipe(
    v.custom<Record<string, unknown>>(
      (value) =>
        value !== null &&
        typeof value === 'object' &&
        !Array.isArray(value) &&
        unknownField(value, entries) === undefined,
      (issue) => {
        const value = issue.input;
        if (value === null || typeof value !== 'object' || Array.isArray(value)) {
          return '{field} must be an object';
        }
        return `unknown field "${String(unknownField(value, entries)).slice(0, 100)}"`;
      },
    ),
    fields(entries),
  );

/** The object part of {@link input}, for the options of a `v.variant` (which must be plain object schemas). */
export const fields = <const E extends v.ObjectEntries>(entries: E) => v.strictObject(entries, objectMessage);

/** Which arguments a method takes: `required` ones, then `optional` ones. */
export interface ArgsSchema<T extends unknown[]> {
  readonly min: number;
  readonly max: number;
  readonly schema: v.GenericSchema<unknown, unknown>;
  /** Only for the type checker: keeps `T` exact (neither wider nor narrower than the method's). */
  readonly args?: (args: T) => T;
}

type Outputs<S extends readonly v.GenericSchema[]> = { [K in keyof S]: v.InferOutput<S[K]> };

/** The argument list of a method: schemas of its required arguments, then of its optional ones. */
export function args<const R extends v.GenericSchema[] = [], const O extends v.GenericSchema[] = []>(
  required: R = [] as unknown as R,
  optional: O = [] as unknown as O,
): ArgsSchema<[...Outputs<R>, ...Partial<Outputs<O>>]> {
  return {
    min: required.length,
    max: required.length + optional.length,
    schema: v.strictTuple([...required, ...optional.map((schema) => v.optional(schema))]),
  };
}

/** The argument schemas of every method of API `A`, each exactly matching the method's parameters. */
export type ArgsSchemas<A> = {
  [M in keyof A]: A[M] extends (...params: infer P) => unknown ? ArgsSchema<P> : never;
};

/** One validator per method of API `A`: raw arguments in, typed arguments out, or INVALID_ARGUMENT. */
export type Validators<A> = {
  [M in keyof A]: A[M] extends (...params: infer P) => unknown ? (args: unknown[]) => P : never;
};

/** `"resources[0].path"` for a problem in that field; `the input` for the argument itself. */
function fieldName(path: v.IssuePathItem[] | undefined): string {
  const keys = (path ?? []).slice(1).map((item) => item.key);
  if (keys.length === 0) return 'the input';
  return `"${keys.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${String(key)}`)).join('')}"`;
}

/** Checks `raw` against `spec`: the typed arguments, or INVALID_ARGUMENT naming `method` and the field. */
export function parseArgs<T extends unknown[]>(method: string, spec: ArgsSchema<T>, raw: unknown[]): T {
  const { min, max } = spec;
  if (raw.length < min || raw.length > max) {
    invalid(method, `expected ${min === max ? min : `${min} to ${max}`} argument(s), got ${raw.length}`);
  }
  const result = v.safeParse(spec.schema, raw, { abortEarly: true });
  if (!result.success) {
    const [issue] = result.issues;
    invalid(method, issue.message.replaceAll('{field}', fieldName(issue.path)));
  }
  const typed = result.output as unknown[];
  // An optional argument given as undefined is the same call as one without it.
  while (typed.length > 0 && typed[typed.length - 1] === undefined) typed.pop();
  return typed as T;
}

/** Validators built from an area's argument schemas. */
export function validatorsOf<A>(schemas: ArgsSchemas<A>): Validators<A> {
  const validators: Record<string, (raw: unknown[]) => unknown> = {};
  for (const [method, spec] of Object.entries(schemas) as [string, ArgsSchema<unknown[]>][]) {
    validators[method] = (raw) => parseArgs(method, spec, raw);
  }
  return validators as Validators<A>;
}
