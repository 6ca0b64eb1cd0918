// @vitest-environment jsdom
/**
 * The panel rendered in jsdom against an in-memory stand-in for the analysis API and a recording reader:
 * highlights reach the reader, reject hides a quote and Undo brings it back, reassign calls the API with
 * the picked speaker, and j/k/c/r work only when focus is in the panel.
 */
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type {
  EntitySummary,
  MentionView,
  QuoteView,
  ReviewQuoteInput,
  SourceAnalysis,
  SpanRange,
} from '../../shared/areas/analysis';
import type { EntityId, MentionId, QuoteId, SourceId } from '../../shared/model';
import type { Highlight, ReaderHandle } from '../reader/readerHandle';
import { NavigationContext, type Route } from '../shell/navigation';
import { reactRootPerTest } from '../testing/react-root';

const SOURCE = 's1' as SourceId;
const source = {
  id: SOURCE,
  title: 'Putin backs ceasefire',
  siteName: null,
  url: null,
  publishedAt: '2025-03-14',
};
const person = (id: string, name: string): EntitySummary => ({
  id: id as EntityId,
  kind: 'person',
  name,
  aliases: [],
  mentionCount: 1,
  quoteCount: 1,
  sourceCount: 1,
});
const PUTIN = person('e1', 'Vladimir Putin');
const TRUMP = person('e2', 'Donald Trump');

function quote(id: string, start: number, text: string, speaker: EntitySummary | null): QuoteView {
  return {
    id: id as QuoteId,
    source,
    start,
    end: start + text.length,
    text,
    kind: 'direct',
    speaker: speaker && { id: speaker.id, name: speaker.name },
    speakerSpan: null,
    cue: 'said',
    confidence: 0.8,
    rule: 'said-after',
    evidence: ['followed by “said”'],
    status: 'suggested',
    origin: 'auto',
  };
}

/** The analysis API as the panel uses it, over one source held in memory. */
class FakeAnalysis {
  analysis: SourceAnalysis = {
    sourceId: SOURCE,
    extractedAt: '2026-01-01T00:00:00.000Z',
    entities: [PUTIN, TRUMP],
    mentions: [
      {
        id: 'm1' as MentionId,
        entityId: PUTIN.id,
        entityName: PUTIN.name,
        entityKind: 'person',
        start: 0,
        end: 5,
        text: 'Putin',
        status: 'suggested',
        origin: 'auto',
      } satisfies MentionView,
    ],
    quotes: [
      quote('q1', 10, 'We agree with the proposals', PUTIN),
      quote('q2', 60, 'very promising', TRUMP),
      quote('q3', 90, 'The idea itself is correct', PUTIN),
    ],
    events: [],
  };
  reviews: ReviewQuoteInput[] = [];

  getSourceAnalysis = vi.fn(async () => structuredClone(this.analysis));
  reviewQuote = vi.fn(async (input: ReviewQuoteInput) => {
    this.reviews.push(input);
    const q = this.analysis.quotes.find((x) => x.id === input.id)!;
    if (input.status) q.status = input.status;
    if (input.speakerId !== undefined) {
      const speaker = [PUTIN, TRUMP].find((e) => e.id === input.speakerId);
      q.speaker = speaker ? { id: speaker.id, name: speaker.name } : null;
      if (!input.status) q.status = 'confirmed';
    }
    return structuredClone(q);
  });
  listEntities = vi.fn(async () => [PUTIN, TRUMP]);
}

const fake = new FakeAnalysis();
vi.mock('../api', () => ({ api: new Proxy({}, { get: (_, name: string) => (fake as never)[name] }) }));

/** A reader that records what the panel asks of it. */
class RecordingReader implements ReaderHandle {
  highlights: readonly Highlight[] = [];
  focused: SpanRange[] = [];
  setHighlights(highlights: readonly Highlight[]): void {
    this.highlights = highlights;
  }
  focusSpan(span: SpanRange): void {
    this.focused.push(span);
  }
  selectionSpan(): SpanRange | null {
    return null;
  }
  onHighlightClick(): () => void {
    return () => {};
  }
  onSelectionChange(): () => void {
    return () => {};
  }
  onKeyDown(): () => void {
    return () => {};
  }
}

const dom = reactRootPerTest();
let reader: RecordingReader;

async function settle(): Promise<void> {
  // Let API promises and the picker's debounce run, then React commit.
  for (let i = 0; i < 5; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 30));
    });
  }
}

function quotesShown(): string[] {
  return [...dom.container.querySelectorAll('[data-testid="panel-quote"]')].map((el) =>
    el.getAttribute('data-quote-id')!,
  );
}

function click(element: Element | null | undefined): Promise<void> {
  if (!element) throw new Error('nothing to click');
  return act(async () => {
    (element as HTMLElement).click();
  });
}

function press(target: Element, key: string): Promise<void> {
  return act(async () => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  });
}

beforeEach(async () => {
  Element.prototype.scrollIntoView = () => {};
  Object.assign(fake, new FakeAnalysis());
  reader = new RecordingReader();
  const { AnalysisPanel } = await import('./AnalysisPanel');
  const navigate = (route: Route): void => void route;
  await act(async () => {
    dom.root.render(
      <NavigationContext.Provider value={navigate}>
        <AnalysisPanel sourceId={SOURCE} reader={reader} plainText={'x'.repeat(200)} />
      </NavigationContext.Provider>,
    );
  });
  await settle();
});

describe('AnalysisPanel', () => {
  it('groups quotes by speaker, most quoted first, and highlights quotes and people in the reader', () => {
    const speakers = [...dom.container.querySelectorAll('.quote-group-speaker button')].map(
      (b) => b.textContent,
    );
    expect(speakers).toEqual(['Vladimir Putin', 'Donald Trump']);
    expect(quotesShown()).toEqual(['q1', 'q3', 'q2']);
    expect(reader.highlights.map((h) => h.id).sort()).toEqual(['m:m1', 'q:q1', 'q:q2', 'q:q3']);
  });

  it('rejecting a quote removes it from the list and the reader; Undo restores it', async () => {
    const item = dom.container.querySelector('[data-quote-id="q2"]');
    await click(item?.querySelector('[data-testid="quote-reject"]'));
    await settle();
    expect(quotesShown()).toEqual(['q1', 'q3']);
    expect(reader.highlights.map((h) => h.id)).not.toContain('q:q2');
    expect(dom.container.querySelector('[data-testid="undo-toast"]')?.textContent).toContain(
      'Quote rejected',
    );

    await click(dom.container.querySelector('[data-testid="undo-button"]'));
    await settle();
    expect(quotesShown()).toEqual(['q1', 'q3', 'q2']);
    expect(fake.reviews).toEqual([
      { id: 'q2', status: 'rejected' },
      { id: 'q2', status: 'suggested' },
    ]);
  });

  it('reassigns a speaker through the picker and offers the reverse call', async () => {
    const item = dom.container.querySelector('[data-quote-id="q2"]')!;
    await click(item.querySelector('[data-testid="quote-reassign"]'));
    await settle();
    const option = [...dom.container.querySelectorAll('[data-testid="entity-picker-option"]')].find((o) =>
      o.textContent?.includes('Vladimir Putin'),
    );
    await click(option);
    await settle();
    expect(fake.reviews.at(-1)).toEqual({ id: 'q2', speakerId: PUTIN.id });
    expect(quotesShown()).toEqual(['q1', 'q2', 'q3']);

    await click(dom.container.querySelector('[data-testid="undo-button"]'));
    await settle();
    expect(fake.reviews.at(-1)).toEqual({ id: 'q2', speakerId: TRUMP.id, status: 'suggested' });
  });

  it('j/k move between quotes and focus them in the reader; c confirms, r rejects', async () => {
    const panel = dom.container.querySelector('[data-testid="analysis-panel"]')!;
    await press(panel, 'j');
    await press(panel, 'j');
    expect(dom.container.querySelector('.quote-item.is-focused')?.getAttribute('data-quote-id')).toBe('q3');
    expect(reader.focused.at(-1)).toEqual({ start: 90, end: 90 + 'The idea itself is correct'.length });
    await press(panel, 'k');
    await press(panel, 'c');
    await settle();
    expect(fake.reviews.at(-1)).toEqual({ id: 'q1', status: 'confirmed' });
    await press(panel, 'r');
    await settle();
    expect(fake.reviews.at(-1)).toEqual({ id: 'q1', status: 'rejected' });
  });

  it('x and Shift+J select cards, and c confirms every selected one', async () => {
    // The keys work from anywhere on the page, not only inside the panel.
    await press(document.body, 'j');
    await press(document.body, 'x');
    await act(async () => {
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'J', shiftKey: true, bubbles: true }));
    });
    expect(
      [...dom.container.querySelectorAll('.quote-item.is-picked')].map((e) =>
        e.getAttribute('data-quote-id'),
      ),
    ).toEqual(['q1', 'q3']);
    await press(document.body, 'c');
    await settle();
    expect(fake.reviews).toEqual([
      { id: 'q1', status: 'confirmed' },
      { id: 'q3', status: 'confirmed' },
    ]);
    expect(dom.container.querySelectorAll('.quote-item.is-picked')).toHaveLength(0);
  });

  it('ignores the keys while typing in a field of the panel', async () => {
    const item = dom.container.querySelector('[data-quote-id="q2"]')!;
    await click(item.querySelector('[data-testid="quote-reassign"]'));
    const input = dom.container.querySelector('.entity-picker-input')!;
    await press(input, 'r');
    await settle();
    expect(fake.reviews).toEqual([]);
  });

  it('shows the words naming a speaker no person is linked to, and nothing more for a linked one', async () => {
    // Before: such a quote sat under "Speaker unknown" with a high confidence and no word of who spoke.
    const text = `${'x'.repeat(150)}a spokesman for the ministry${'x'.repeat(50)}`;
    fake.analysis.quotes.push({
      ...quote('q4', 120, 'We are ready', null),
      speakerSpan: { start: 150, end: 178 },
      confidence: 0.95,
    });
    fake.analysis.quotes[0]!.speakerSpan = { start: 0, end: 5 };
    const { AnalysisPanel } = await import('./AnalysisPanel');
    // Mounted again, so the panel loads the analysis with the new quote.
    await act(async () => {
      dom.root.render(<></>);
    });
    await act(async () => {
      dom.root.render(
        <NavigationContext.Provider value={(route: Route) => void route}>
          <AnalysisPanel sourceId={SOURCE} reader={reader} plainText={text} />
        </NavigationContext.Provider>,
      );
    });
    await settle();
    const card = dom.container.querySelector('[data-quote-id="q4"]');
    expect(card?.querySelector('[data-testid="quote-named-as"]')?.textContent).toBe(
      'Named as: “a spokesman for the ministry” (no person linked)',
    );
    const linked = dom.container.querySelector('[data-quote-id="q1"]');
    expect(linked?.querySelector('[data-testid="quote-named-as"]')).toBeNull();
  });

  it('cuts long words naming a speaker, and gives nothing for a span outside the text', async () => {
    const { namedAs } = await import('./QuoteGroups');
    const base = { ...quote('q9', 0, 'Yes', null), speakerSpan: { start: 0, end: 100 } };
    const shown = namedAs(base, 'word '.repeat(40));
    expect(shown?.endsWith('…')).toBe(true);
    expect(shown!.length).toBeLessThanOrEqual(80);
    expect(namedAs({ ...base, speakerSpan: { start: 0, end: 500 } }, 'short')).toBeNull();
    expect(namedAs({ ...base, speakerSpan: null }, 'word '.repeat(40))).toBeNull();
  });
});
