// @vitest-environment jsdom
/**
 * The event page's "Possibly the same happening" list: each suggestion with its date, sources and how
 * alike the matcher found it, "Merge into this" and "Not the same" calling back with that event; no
 * section at all when there is nothing to suggest.
 */
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { SimilarEvent } from '../../shared/areas/analysis';
import type { EntityId } from '../../shared/model';
import { NavigationContext } from '../shell/navigation';
import { SimilarEventsSection } from './EntityPageSections';
import { reactRootPerTest } from '../testing/react-root';

const SUGGESTION: SimilarEvent = {
  id: 'e2' as EntityId,
  name: 'Vogel and Mendes meet in Berlin',
  date: '2025-03-11',
  precision: 'day',
  sourceCount: 3,
  score: 0.62,
};

const dom = reactRootPerTest();

function render(events: SimilarEvent[], onMerge = vi.fn(), onSeparate = vi.fn()): void {
  act(() =>
    dom.root.render(
      <NavigationContext.Provider value={vi.fn()}>
        <SimilarEventsSection events={events} onMerge={onMerge} onSeparate={onSeparate} />
      </NavigationContext.Provider>,
    ),
  );
}

describe('SimilarEventsSection', () => {
  it('lists a suggestion with its date, sources and likeness, and calls back on merge and separate', () => {
    const onMerge = vi.fn();
    const onSeparate = vi.fn();
    render([SUGGESTION], onMerge, onSeparate);
    const item = dom.container.querySelector('[data-testid="similar-event"]')!;
    expect(item.textContent).toContain('11 March 2025');
    expect(item.textContent).toContain('Vogel and Mendes meet in Berlin');
    expect(item.textContent).toContain('3 sources');
    expect(item.textContent).toContain('62% alike');
    act(() => (dom.container.querySelector('[data-testid="similar-merge"]') as HTMLButtonElement).click());
    expect(onMerge).toHaveBeenCalledWith(SUGGESTION);
    act(() => (dom.container.querySelector('[data-testid="similar-separate"]') as HTMLButtonElement).click());
    expect(onSeparate).toHaveBeenCalledWith(SUGGESTION);
  });

  it('shows nothing when there is nothing to suggest', () => {
    render([]);
    expect(dom.container.querySelector('[data-testid="similar-events"]')).toBeNull();
  });
});
