/**
 * "Mark as quote" and "Mark as mention" for the text selected in the reader: the user picks the speaker
 * (or the entity named), or creates one, and the span is stored as a hand-made quote or mention.
 */
import { useState, type JSX } from 'react';
import type { SpanRange } from '../../shared/areas/analysis';
import type { SourceId } from '../../shared/model';
import { api } from '../api';
import { excerpt } from './analysisView';
import { EntityPicker, resolvePicked, type PickedEntity } from './EntityPicker';

export interface SelectionActionsProps {
  sourceId: SourceId;
  selection: SpanRange | null;
  plainText: string;
  /** After a quote or mention was added. */
  onAdded: (message: string) => void;
  onError: (message: string) => void;
}

type Mode = 'idle' | 'quote' | 'mention';

export function SelectionActions(props: SelectionActionsProps): JSX.Element {
  const { sourceId, selection, plainText, onAdded, onError } = props;
  const [mode, setMode] = useState<Mode>('idle');
  // The selection is taken when the user starts, so clicking in the picker cannot lose it.
  const [span, setSpan] = useState<SpanRange | null>(null);
  const active = mode === 'idle' ? selection : span;
  const words = active ? plainText.slice(active.start, active.end) : '';
  const usable = active !== null && words.trim().length > 0;

  function start(next: Mode): void {
    if (!selection) return;
    setSpan(selection);
    setMode(next);
  }

  async function markQuote(picked: PickedEntity | null): Promise<void> {
    if (!span) return;
    setMode('idle');
    try {
      const speaker = picked ? await resolvePicked(picked) : null;
      await api.addQuote({
        sourceId,
        start: span.start,
        end: span.end,
        ...(speaker ? { speakerId: speaker.id } : {}),
      });
      onAdded(speaker ? `Quote by ${speaker.name} added` : 'Quote added');
    } catch (error) {
      onError((error as Error).message);
    }
  }

  async function markMention(picked: PickedEntity): Promise<void> {
    if (!span) return;
    setMode('idle');
    try {
      const target =
        picked.type === 'existing'
          ? { entityId: picked.entity.id }
          : { newEntity: { kind: picked.kind, name: picked.name } };
      const mention = await api.addMention({ sourceId, start: span.start, end: span.end, ...target });
      onAdded(`Mention of ${mention.entityName} added`);
    } catch (error) {
      onError((error as Error).message);
    }
  }

  return (
    <section className="panel-section selection-actions" data-testid="selection-actions">
      <p className="selection-preview muted">
        {usable ? (
          <>Selected: “{excerpt(words, 80)}”</>
        ) : (
          'Select words in the article to mark a quote or a mention.'
        )}
      </p>
      {mode === 'idle' && (
        <div className="selection-buttons">
          <button
            type="button"
            className="button button-small"
            data-testid="mark-quote"
            disabled={!usable}
            onClick={() => start('quote')}
          >
            Mark as quote
          </button>
          <button
            type="button"
            className="button button-small"
            data-testid="mark-mention"
            disabled={!usable}
            onClick={() => start('mention')}
          >
            Mark as mention
          </button>
        </div>
      )}
      {mode === 'quote' && (
        <>
          <EntityPicker
            kinds={['person', 'org']}
            createKinds={['person']}
            label="Who said it?"
            testId="speaker-picker"
            onPick={(picked) => void markQuote(picked)}
            onCancel={() => setMode('idle')}
          />
          <button
            type="button"
            className="button button-small button-quiet"
            onClick={() => void markQuote(null)}
          >
            Speaker unknown
          </button>
        </>
      )}
      {mode === 'mention' && (
        <EntityPicker
          kinds={['person', 'place', 'org', 'event', 'topic']}
          createKinds={['person', 'place', 'org', 'topic']}
          label="Which person, place or organisation?"
          initialQuery={words.trim().slice(0, 60)}
          testId="mention-picker"
          onPick={(picked) => void markMention(picked)}
          onCancel={() => setMode('idle')}
        />
      )}
    </section>
  );
}
