import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors';
import { NOTES_VALIDATORS } from './notes.args';

function refused(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('INVALID_ARGUMENT');
    return (error as ApiError).message;
  }
  throw new Error('expected INVALID_ARGUMENT');
}

describe('NOTES_VALIDATORS.listNotes', () => {
  it('takes no options, trashed, and a page limit', () => {
    expect(NOTES_VALIDATORS.listNotes([])).toEqual([]);
    expect(NOTES_VALIDATORS.listNotes([{ trashed: true }])).toEqual([{ trashed: true }]);
    expect(NOTES_VALIDATORS.listNotes([{ limit: 60 }])).toEqual([{ limit: 60 }]);
  });

  it('refuses a limit that is not a positive whole number, and unknown fields', () => {
    expect(refused(() => NOTES_VALIDATORS.listNotes([{ limit: 0 }]))).toMatch(/limit/);
    expect(refused(() => NOTES_VALIDATORS.listNotes([{ limit: 2.5 }]))).toMatch(/limit/);
    expect(refused(() => NOTES_VALIDATORS.listNotes([{ limit: '10' }]))).toMatch(/limit/);
    refused(() => NOTES_VALIDATORS.listNotes([{ offset: 10 }]));
  });
});
