import { describe, expect, it } from 'vitest';
import { limitNesting, MAX_NESTING } from './nesting';

describe('limitNesting', () => {
  it('returns shallow pages unchanged', () => {
    const html = '<html><body><div><p>a<p>b<ul><li>c<li>d</ul><br><img src=x></div></body></html>';
    expect(limitNesting(html, 5)).toBe(html);
  });

  it('drops tags beyond the limit and keeps their text', () => {
    const html = '<div><div><div><div>deep</div></div></div></div><p>after</p>';
    expect(limitNesting(html, 2).replace(/\s+/g, '')).toBe('<div><div>deep</div></div><p>after</p>');
  });

  it('does not count optional-end, void or raw-text content as depth', () => {
    const rawText = `<script>${'<div>'.repeat(10)}</script>`;
    const html = `${'<p>'.repeat(10)}${'<br>'.repeat(10)}${rawText}<div>x</div>`;
    expect(limitNesting(html, 2)).toBe(html);
  });

  it('handles 100,000 levels in one pass without recursion', () => {
    const depth = 100_000;
    const limited = limitNesting(`${'<div>'.repeat(depth)}core${'</div>'.repeat(depth)}`);
    expect(limited.match(/<div>/g)).toHaveLength(MAX_NESTING);
    expect(limited.match(/<\/div>/g)).toHaveLength(MAX_NESTING);
    expect(limited).toContain('core');
  });
});
