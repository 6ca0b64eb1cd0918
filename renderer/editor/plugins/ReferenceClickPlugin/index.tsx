/**
 * Clicking a mention opens the entity's page; clicking a note link opens that note; clicking a
 * paraphrase's citation line opens the reader at the words it paraphrases. (Quote blocks handle their
 * own clicks in QuoteComponent.) Uses the DOM attributes the nodes render, so one listener on the
 * editor root serves every node.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import type { EntityId, NoteId, SourceId } from '../../../../shared/model';
import { useNavigate } from '../../../shell/navigation';

/**
 * Whether a click on a paraphrase block itself (not on its words) fell on the citation line, which CSS
 * draws as a block under the words (::after): below the bottom of its last child.
 */
function onCitationLine(block: Element, event: MouseEvent): boolean {
  const last = block.lastElementChild;
  return last !== null && event.clientY > last.getBoundingClientRect().bottom;
}

export function ReferenceClickPlugin(): null {
  const [editor] = useLexicalComposerContext();
  const navigate = useNavigate();

  useEffect(() => {
    const onClick = (event: MouseEvent): void => {
      if (!(event.target instanceof Element)) return;
      const mention = event.target.closest('.dossier-mention[data-entity-id]');
      if (mention !== null) {
        navigate({ screen: 'entity', entityId: mention.getAttribute('data-entity-id') as EntityId });
        return;
      }
      const link = event.target.closest('.dossier-note-link[data-note-id]');
      if (link !== null) {
        navigate({ screen: 'notes', noteId: link.getAttribute('data-note-id') as NoteId });
        return;
      }
      if (
        event.target.matches('.dossier-paraphrase[data-source-id]') &&
        onCitationLine(event.target, event)
      ) {
        event.preventDefault();
        const span = /^(\d+)-(\d+)$/.exec(event.target.getAttribute('data-span') ?? '');
        navigate({
          screen: 'reader',
          sourceId: event.target.getAttribute('data-source-id') as SourceId,
          ...(span ? { highlight: { start: Number(span[1]), end: Number(span[2]) } } : {}),
        });
      }
    };
    return editor.registerRootListener((root, previous) => {
      previous?.removeEventListener('click', onClick);
      root?.addEventListener('click', onClick);
    });
  }, [editor, navigate]);

  return null;
}
