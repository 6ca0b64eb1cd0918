/**
 * The API's schemas are the only description of its arguments, and every method refuses a call of the
 * wrong shape with a clear INVALID_ARGUMENT (the method's name, then the argument or field at fault),
 * never a crash. Every method of every area is called: a good call (which must pass), calls with too
 * many or too few arguments, and calls where each argument and each field of it, one at a time, has
 * the wrong type.
 */
import { describe, expect, it } from 'vitest';
import { API_METHODS, type ApiMethod } from './api';
import { ANALYSIS_METHODS } from './areas/analysis';
import { BACKUP_METHODS } from './areas/backup';
import { CLIP_ENDPOINT_METHODS } from './areas/clip-endpoint';
import { INTEROP_METHODS } from './areas/interop';
import { LIBRARY_METHODS } from './areas/library';
import { NOTES_METHODS } from './areas/notes';
import { SEARCH_METHODS } from './areas/search';
import { STARTUP_METHODS } from './areas/startup';
import { API_EXAMPLES } from './api-examples.test-data';
import { ApiError } from './errors';
import { API_ARGS, validateArgs } from './validate';

const AREAS = {
  notes: NOTES_METHODS,
  library: LIBRARY_METHODS,
  analysis: ANALYSIS_METHODS,
  search: SEARCH_METHODS,
  'clip endpoint': CLIP_ENDPOINT_METHODS,
  backup: BACKUP_METHODS,
  startup: STARTUP_METHODS,
  interop: INTEROP_METHODS,
};

/** The message of the INVALID_ARGUMENT that `args` gets; fails the test for anything else. */
function refusal(method: ApiMethod, args: unknown): string {
  try {
    validateArgs(method, args);
  } catch (error) {
    expect(error, `${method}(${JSON.stringify(args)})`).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('INVALID_ARGUMENT');
    const { message } = error as ApiError;
    expect(message.startsWith(`${method}: `), message).toBe(true);
    return message;
  }
  throw new Error(`${method}(${JSON.stringify(args)?.slice(0, 200)}) was accepted`);
}

/** Fields where null is a value, not a wrong type ("speaker unknown", "date unknown"). */
const NULLABLE = new Set(['reviewQuote speakerId', 'setSourcePublished published']);

/** Values of another type than `good`. */
function wrongTypes(good: unknown): unknown[] {
  if (typeof good === 'string') return [42, null, {}];
  if (typeof good === 'number') return ['7', null, true];
  if (typeof good === 'boolean') return ['yes', 1];
  if (Array.isArray(good)) return ['x', {}];
  if (good !== null && typeof good === 'object') return ['x', [], 7];
  return [];
}

/** `"resources[0].path"`: a field as messages quote it. */
const quoted = (path: (string | number)[]): string =>
  path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`)).join('');

/**
 * Every way to give one part of `good` (found at `path` in the argument) the wrong type, with the
 * names a message may use for it: the field or one that holds it.
 */
function* spoiled(good: unknown, path: (string | number)[]): Generator<[unknown, (string | number)[]]> {
  for (const wrong of wrongTypes(good)) yield [wrong, path];
  if (Array.isArray(good) && good.length > 0) {
    for (const [value, at] of spoiled(good[0], [...path, 0])) yield [[value, ...good.slice(1)], at];
  } else if (good !== null && typeof good === 'object') {
    for (const [key, field] of Object.entries(good)) {
      for (const [value, at] of spoiled(field, [...path, key])) yield [{ ...good, [key]: value }, at];
    }
  }
}

/** Does `message` name the field at `path` (or a field holding it), the id it is, or the bad value? */
function namesTheField(message: string, path: (string | number)[], value: unknown): boolean {
  for (let n = path.length; n > 0; n--) {
    if (new RegExp(`"${quoted(path.slice(0, n)).replace(/[[\].]/g, '\\$&')}[".[]`).test(message)) return true;
  }
  if (path.length === 0 && /: the (input|[a-z ]*(id|name)) must /.test(message)) return true;
  if (/ id must be an id string\.$/.test(message)) return true;
  return (value === null || typeof value !== 'object') && message.includes(`"${String(value)}"`);
}

describe('every NotebookApi method, called with wrong types', () => {
  it('is in one area list, and has a schema and an example', () => {
    expect(Object.values(AREAS).flat().sort()).toEqual([...API_METHODS].sort());
    expect(Object.keys(API_ARGS).sort()).toEqual([...API_METHODS].sort());
    expect(Object.keys(API_EXAMPLES).sort()).toEqual([...API_METHODS].sort());
  });

  for (const [area, methods] of Object.entries(AREAS)) {
    describe(area, () => {
      it.each(methods.map((m) => [m]))('%s accepts its example', (method) => {
        expect(() => validateArgs(method, API_EXAMPLES[method])).not.toThrow();
      });

      it.each(methods.map((m) => [m]))('%s refuses the wrong number of arguments', (method) => {
        const good = API_EXAMPLES[method] as unknown[];
        const { min, max } = API_ARGS[method];
        expect(refusal(method, [...good, ...Array(max + 1 - good.length).fill('x')])).toMatch(
          /: expected .* argument\(s\), got \d+\.$/,
        );
        if (min > 0) expect(refusal(method, [])).toMatch(/: expected .* argument\(s\), got 0\.$/);
        expect(refusal(method, { 0: good[0] })).toMatch(/: arguments must be sent as a list\.$/);
      });

      it.each(methods.map((m) => [m]))('%s names the argument or field of the wrong type', (method) => {
        const good = API_EXAMPLES[method] as unknown[];
        let calls = 0;
        good.forEach((argument, i) => {
          for (const [value, path] of spoiled(argument, [])) {
            const wrong = path.reduce<unknown>((at, key) => (at as Record<string, unknown>)[key], value);
            if (wrong === null && NULLABLE.has(`${method} ${quoted(path)}`)) continue;
            const args = good.map((a, j) => (j === i ? value : a));
            const message = refusal(method, args);
            expect(
              namesTheField(message, path, wrong),
              `${message} (${quoted(path) || 'the argument'})`,
            ).toBe(true);
            calls++;
          }
        });
        expect(calls > 0).toBe(good.length > 0);
      });
    });
  }
});
