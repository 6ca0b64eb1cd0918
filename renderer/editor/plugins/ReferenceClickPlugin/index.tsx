/**
 * Clicking a mention opens the entity's page; clicking a note link opens that note. (Quote blocks
 * handle their own clicks in QuoteComponent.) Uses the DOM attributes the nodes render, so one
 * listener on the editor root serves every node.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import type { EntityId, NoteId } from '../../../../shared/model';
import { useNavigate } from '../../../shell/navigation';

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
      if (link !== null) navigate({ screen: 'notes', noteId: link.getAttribute('data-note-id') as NoteId });
    };
    return editor.registerRootListener((root, previous) => {
      previous?.removeEventListener('click', onClick);
      root?.addEventListener('click', onClick);
    });
  }, [editor, navigate]);

  return null;
}
