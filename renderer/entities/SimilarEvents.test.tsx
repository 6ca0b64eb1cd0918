// @vitest-environment jsdom
/**
 * The event page's "Possibly the same happening" list: each suggestion with its date, sources and how
 * alike the matcher found it, "Merge into this" and "Not the same" calling back with that event; no
 * section at all when there is nothing to suggest.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SimilarEvent } from '../../shared/areas/analysis';
import type { EntityId } from '../../shared/model';
import { NavigationContext } from '../shell/navigation';
import { SimilarEventsSection } from './EntityPageSections';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const SUGGESTION: SimilarEvent = {
  id: 'e2' as EntityId,
  name: 'Vogel and Mendes meet in Berlin',
  date: '2025-03-11',
  precision: 'day',
  sourceCount: 3,
  score: 0.62,
};

let container: HTMLDivElement;
let root: Root;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});
afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

function render(events: SimilarEvent[], onMerge = vi.fn(), onSeparate = vi.fn()): void {
  act(() =>
    root.render(
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
    const item = container.querySelector('[data-testid="similar-event"]')!;
    expect(item.textContent).toContain('11 March 2025');
    expect(item.textContent).toContain('Vogel and Mendes meet in Berlin');
    expect(item.textContent).toContain('3 sources');
    expect(item.textContent).toContain('62% alike');
    act(() => (container.querySelector('[data-testid="similar-merge"]') as HTMLButtonElement).click());
    expect(onMerge).toHaveBeenCalledWith(SUGGESTION);
    act(() => (container.querySelector('[data-testid="similar-separate"]') as HTMLButtonElement).click());
    expect(onSeparate).toHaveBeenCalledWith(SUGGESTION);
  });

  it('shows nothing when there is nothing to suggest', () => {
    render([]);
    expect(container.querySelector('[data-testid="similar-events"]')).toBeNull();
  });
});
