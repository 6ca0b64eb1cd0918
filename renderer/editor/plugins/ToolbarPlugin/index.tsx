/**
 * The formatting toolbar above a note: marks, block types, links and history. Buttons keep the caret in
 * the text (mousedown does not take focus), say their shortcut in the tooltip and report toggled state
 * to assistive tech with aria-pressed.
 */
import { $createLinkNode, TOGGLE_LINK_COMMAND } from '@lexical/link';
import {
  INSERT_ORDERED_LIST_COMMAND,
  INSERT_UNORDERED_LIST_COMMAND,
  REMOVE_LIST_COMMAND,
} from '@lexical/list';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $createHeadingNode, $createQuoteNode } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import {
  $createParagraphNode,
  $createTextNode,
  $getSelection,
  $insertNodes,
  $isRangeSelection,
  COMMAND_PRIORITY_NORMAL,
  FORMAT_TEXT_COMMAND,
  KEY_DOWN_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
  type ElementNode,
} from 'lexical';
import { useEffect, useState, type JSX, type ReactNode } from 'react';
import {
  BulletListIcon,
  LinkIcon,
  NumberedListIcon,
  QuoteIcon,
  RedoIcon,
  UndoIcon,
} from '../../../shell/icons';
import { isLinkKey, SHORTCUT_LABELS } from '../../../shortcuts';
import { LinkForm } from './LinkForm';
import { useToolbarState, type BlockKind } from './useToolbarState';

export interface ToolbarPluginProps {
  /** Note-level actions (e.g. Move to trash) shown at the end of the toolbar. */
  actions?: ReactNode;
  /** Whether the Quotes panel beside the note is open (the button is shown when a toggle is given). */
  quotePanelOpen?: boolean;
  onToggleQuotePanel?(): void;
}

interface ToolButtonProps {
  label: string;
  shortcut?: string;
  pressed?: boolean;
  disabled?: boolean;
  onClick(): void;
  children: ReactNode;
}

function ToolButton({ label, shortcut, pressed, disabled, onClick, children }: ToolButtonProps): JSX.Element {
  return (
    <button
      type="button"
      className="tool"
      aria-label={label}
      aria-pressed={pressed}
      title={shortcut ? `${label} (${shortcut})` : label}
      disabled={disabled}
      // Keep the editor's focus and selection so the command applies to what the user selected.
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

export function ToolbarPlugin({
  actions,
  quotePanelOpen,
  onToggleQuotePanel,
}: ToolbarPluginProps): JSX.Element {
  const [editor] = useLexicalComposerContext();
  const state = useToolbarState();
  const [linkFormOpen, setLinkFormOpen] = useState(false);

  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          // Ctrl/⌘+K alone is the command palette (the app shell takes it before the editor sees it).
          if (!isLinkKey(event)) return false;
          event.preventDefault();
          setLinkFormOpen(true);
          return true;
        },
        COMMAND_PRIORITY_NORMAL,
      ),
    [editor],
  );

  const toggleBlock = (kind: Extract<BlockKind, 'h1' | 'h2' | 'quote'>, create: () => ElementNode): void => {
    editor.update(() => {
      $setBlocksType($getSelection(), state.block === kind ? $createParagraphNode : create);
    });
  };

  const toggleList = (kind: 'bullet' | 'number'): void => {
    if (state.block === kind) editor.dispatchCommand(REMOVE_LIST_COMMAND, undefined);
    else if (kind === 'bullet') editor.dispatchCommand(INSERT_UNORDERED_LIST_COMMAND, undefined);
    else editor.dispatchCommand(INSERT_ORDERED_LIST_COMMAND, undefined);
  };

  const applyLink = (url: string): void => {
    let inserted = false;
    editor.update(() => {
      const selection = $getSelection();
      if ($isRangeSelection(selection) && selection.isCollapsed() && state.linkUrl === null) {
        // Nothing selected: insert the address itself as the link's text.
        const link = $createLinkNode(url);
        link.append($createTextNode(url));
        $insertNodes([link]);
        inserted = true;
      }
    });
    if (!inserted) editor.dispatchCommand(TOGGLE_LINK_COMMAND, url);
    closeLinkForm();
  };

  const closeLinkForm = (): void => {
    setLinkFormOpen(false);
    editor.focus();
  };

  return (
    <div className="toolbar-wrap">
      <div className="toolbar" role="toolbar" aria-label="Formatting">
        <ToolButton
          label="Bold"
          shortcut={SHORTCUT_LABELS.bold}
          pressed={state.bold}
          onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold')}
        >
          <b>B</b>
        </ToolButton>
        <ToolButton
          label="Italic"
          shortcut={SHORTCUT_LABELS.italic}
          pressed={state.italic}
          onClick={() => editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic')}
        >
          <i>I</i>
        </ToolButton>
        <span className="tool-sep" aria-hidden="true" />
        <ToolButton
          label="H1 heading"
          shortcut="# then space"
          pressed={state.block === 'h1'}
          onClick={() => toggleBlock('h1', () => $createHeadingNode('h1'))}
        >
          H1
        </ToolButton>
        <ToolButton
          label="H2 heading"
          shortcut="## then space"
          pressed={state.block === 'h2'}
          onClick={() => toggleBlock('h2', () => $createHeadingNode('h2'))}
        >
          H2
        </ToolButton>
        <ToolButton
          label="Bulleted list"
          shortcut="- then space"
          pressed={state.block === 'bullet'}
          onClick={() => toggleList('bullet')}
        >
          <BulletListIcon />
        </ToolButton>
        <ToolButton
          label="Numbered list"
          shortcut="1. then space"
          pressed={state.block === 'number'}
          onClick={() => toggleList('number')}
        >
          <NumberedListIcon />
        </ToolButton>
        <ToolButton
          label="Quote"
          shortcut="> then space"
          pressed={state.block === 'quote'}
          onClick={() => toggleBlock('quote', $createQuoteNode)}
        >
          <QuoteIcon />
        </ToolButton>
        <ToolButton
          label={state.linkUrl ? 'Edit link' : 'Link'}
          shortcut={SHORTCUT_LABELS.link}
          pressed={state.linkUrl !== null}
          onClick={() => setLinkFormOpen((open) => !open)}
        >
          <LinkIcon />
        </ToolButton>
        <span className="tool-sep" aria-hidden="true" />
        <ToolButton
          label="Undo"
          shortcut={SHORTCUT_LABELS.undo}
          disabled={!state.canUndo}
          onClick={() => editor.dispatchCommand(UNDO_COMMAND, undefined)}
        >
          <UndoIcon />
        </ToolButton>
        <ToolButton
          label="Redo"
          shortcut={SHORTCUT_LABELS.redo}
          disabled={!state.canRedo}
          onClick={() => editor.dispatchCommand(REDO_COMMAND, undefined)}
        >
          <RedoIcon />
        </ToolButton>
        {onToggleQuotePanel && (
          <>
            <span className="tool-sep" aria-hidden="true" />
            <button
              type="button"
              className="tool"
              data-testid="toggle-quote-panel"
              aria-pressed={quotePanelOpen === true}
              title="Quotes from your sources, to drag or insert into the note (or type /quote)"
              onMouseDown={(e) => e.preventDefault()}
              onClick={onToggleQuotePanel}
            >
              <QuoteIcon /> Quotes
            </button>
          </>
        )}
        {actions && <div className="toolbar-actions">{actions}</div>}
      </div>
      {linkFormOpen && (
        <LinkForm
          initialUrl={state.linkUrl}
          onApply={applyLink}
          onRemove={() => {
            editor.dispatchCommand(TOGGLE_LINK_COMMAND, null);
            closeLinkForm();
          }}
          onCancel={closeLinkForm}
        />
      )}
    </div>
  );
}
