/**
 * Clicking a mention opens the entity's page; clicking a note link opens that note; clicking a
 * paraphrase's citation line opens the reader at the words it paraphrases; clicking a link to a screen
 * of Dossier (`#/source/<id>`, `#/search?q=…`) opens that screen. (Quote blocks handle their
 * own clicks in QuoteComponent.) Uses the DOM attributes the nodes render, so one listener on the
 * editor root serves every node. From the keyboard, Alt+Enter opens the source of the paraphrase the
 * caret is in, or of the selected quote block.
 */
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $getNearestNodeFromDOMNode,
  $getSelection,
  $isNodeSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_HIGH,
  KEY_ENTER_COMMAND,
} from 'lexical';
import { useEffect } from 'react';
import type { EntityId, NoteId } from '../../../../shared/model';
import { useNavigate } from '../../../shell/navigation';
import { routeFromHash } from '../../../shell/routeUrl';
import { readerRouteOf, type Citation } from '../../nodes/citation';
import { $isMentionNode } from '../../nodes/MentionNode';
import { $isParaphraseNode } from '../../nodes/ParaphraseNode';
import { $isQuoteNode } from '../../nodes/QuoteNode';

/**
 * The citation Alt+Enter opens: the paraphrase holding the caret, or the selected quote block. The caret
 * is read from the page when it is in this editor: Lexical learns of a click's new caret from the
 * `selectionchange` event that follows it, which a key pressed right after the click can beat.
 */
function $citationAtSelection(root: HTMLElement | null): Citation | null {
  const selection = $getSelection();
  if ($isNodeSelection(selection)) {
    const quote = selection.getNodes().find($isQuoteNode);
    return quote === undefined ? null : quote.getQuote();
  }
  const caret = window.getSelection()?.anchorNode ?? null;
  const shown = caret !== null && root?.contains(caret) === true ? $getNearestNodeFromDOMNode(caret) : null;
  const node = shown ?? ($isRangeSelection(selection) ? selection.anchor.getNode() : null);
  const block = node?.getTopLevelElement() ?? null;
  return $isParaphraseNode(block) ? block.getCitation() : null;
}

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
        const route = editor.read(() => {
          const node = $getNearestNodeFromDOMNode(mention);
          return $isMentionNode(node)
            ? { screen: 'entity' as const, entityId: node.getEntityId() as EntityId, kind: node.getKind() }
            : null;
        });
        if (route !== null) navigate(route);
        return;
      }
      const appLink = event.target.closest('a[href^="#/"]');
      const appRoute = appLink === null ? null : routeFromHash(appLink.getAttribute('href') ?? '');
      if (appRoute !== null) {
        event.preventDefault();
        navigate(appRoute);
        return;
      }
      const link = event.target.closest('.dossier-note-link[data-note-id]');
      if (link !== null) {
        navigate({ screen: 'notes', noteId: link.getAttribute('data-note-id') as NoteId });
        return;
      }
      const block = event.target;
      if (block.matches('.dossier-paraphrase') && onCitationLine(block, event)) {
        const route = editor.read(() => {
          const node = $getNearestNodeFromDOMNode(block);
          return $isParaphraseNode(node) ? readerRouteOf(node.getCitation()) : null;
        });
        if (route === null) return;
        event.preventDefault();
        navigate(route);
      }
    };
    return mergeRegister(
      editor.registerRootListener((root, previous) => {
        previous?.removeEventListener('click', onClick);
        root?.addEventListener('click', onClick);
      }),
      editor.registerCommand(
        KEY_ENTER_COMMAND,
        (event) => {
          if (event === null || !event.altKey || event.ctrlKey || event.metaKey || event.shiftKey)
            return false;
          const citation = $citationAtSelection(editor.getRootElement());
          const route = citation === null ? null : readerRouteOf(citation);
          if (route === null) return false;
          event.preventDefault();
          navigate(route);
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    );
  }, [editor, navigate]);

  return null;
}
