/**
 * Temporary folders for tests that use real SQLite files (CONVENTIONS.md: never database mocks).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';

/** A fresh empty folder under the OS temp folder, and a function that removes it. */
export function makeTempDir(prefix = 'dossier-test-'): { dir: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** SHA-256 of a file's bytes, to prove a file was not changed. */
export function hashFile(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}
