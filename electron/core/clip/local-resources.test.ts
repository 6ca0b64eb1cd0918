import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../testing/temp-dir';
import { collectLocalResources } from './local-resources';
import { ResourceMap } from './resources';
import { PNG_1X1 } from './test-server';

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir('dossier-local-');
});
afterEach(() => temp.remove());

describe('collectLocalResources', () => {
  it('reads the images a page refers to inside its folder, and nothing outside it', async () => {
    const page = join(temp.dir, 'site', 'story.html');
    mkdirSync(join(temp.dir, 'site', 'story_files'), { recursive: true });
    writeFileSync(join(temp.dir, 'site', 'story_files', 'a b.png'), PNG_1X1);
    writeFileSync(join(temp.dir, 'site', 'lazy.png'), PNG_1X1);
    writeFileSync(join(temp.dir, 'secret.png'), PNG_1X1);
    symlinkSync(join(temp.dir, 'secret.png'), join(temp.dir, 'site', 'link.png'));
    writeFileSync(join(temp.dir, 'site', 'notes.txt'), 'not an image');
    const html = `<img src="./story_files/a%20b.png?v=2"><img data-src='lazy.png' src="data:image/gif;base64,R0">
      <img src="../secret.png"><img src="link.png"><img src="/etc/passwd.png"><img src=notes.txt>
      <img src="https://cdn.example/x.png"><img src="missing.png">`;
    const found = await collectLocalResources(page, html);
    expect(found.map((r) => r.path).sort()).toEqual(['lazy.png', 'story_files/a b.png']);
    const map = new ResourceMap(found);
    expect(map.lookup('story_files/a%20b.png', null)).toBeDefined();
    expect(map.lookup('./lazy.png#x', null)).toBeDefined();
  });
});
