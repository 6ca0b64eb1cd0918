import { describe, expect, it } from 'vitest';
import { MAX_STEM_LENGTH, exportFileName } from './noteExport';

describe('exportFileName', () => {
  it('names the file after the title with the format’s extension', () => {
    expect(exportFileName('Ceasefire talks', 'markdown')).toBe('Ceasefire talks.md');
    expect(exportFileName('Ceasefire talks', 'html')).toBe('Ceasefire talks.html');
  });

  it('removes what would make a path or that a file system refuses', () => {
    expect(exportFileName('../../etc/passwd', 'markdown')).toBe('etc passwd.md');
    expect(exportFileName('a\\b:c*d?"e"<f>|g', 'html')).toBe('a b c d e f g.html');
    expect(exportFileName('line\nbreak\ttab\u0000nul', 'markdown')).toBe('line break tab nul.md');
    expect(exportFileName('  .hidden. ', 'markdown')).toBe('hidden.md');
  });

  it('gives untitled notes and Windows device names a usable name', () => {
    expect(exportFileName('', 'markdown')).toBe('Untitled note.md');
    expect(exportFileName(' /// ', 'html')).toBe('Untitled note.html');
    expect(exportFileName('CON', 'markdown')).toBe('CON note.md');
    expect(exportFileName('Con.', 'markdown')).toBe('Con note.md');
  });

  it('shortens long titles without splitting a character', () => {
    const name = exportFileName('😀'.repeat(300), 'markdown');
    expect([...name.replace(/\.md$/, '')]).toHaveLength(MAX_STEM_LENGTH);
    expect(name.endsWith('😀.md')).toBe(true);
  });

  it('keeps letters of every script', () => {
    expect(exportFileName('Путин: переговоры', 'markdown')).toBe('Путин переговоры.md');
  });
});
