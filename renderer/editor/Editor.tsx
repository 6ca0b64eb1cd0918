/**
 * The rich-text editor of one note. Mount it with a React `key` per note (and per reload of the note's
 * stored text): Lexical reads its initial state only once.
 */
import { LinkPlugin } from '@lexical/react/LexicalLinkPlugin';
import { AutoFocusPlugin } from '@lexical/react/LexicalAutoFocusPlugin';
import { LexicalComposer, type InitialConfigType } from '@lexical/react/LexicalComposer';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { EditorRefPlugin } from '@lexical/react/LexicalEditorRefPlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { ListPlugin } from '@lexical/react/LexicalListPlugin';
import { MarkdownShortcutPlugin } from '@lexical/react/LexicalMarkdownShortcutPlugin';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_EDITOR, type LexicalEditor } from 'lexical';
import { useCallback, useEffect, useMemo, useState, type JSX, type ReactNode, type RefObject } from 'react';
import { NOTE_EDITOR_NAMESPACE, NOTE_MARKDOWN_TRANSFORMERS, NOTE_NODES } from './noteNodes';
import { AutosavePlugin } from './plugins/AutosavePlugin';
import { QuotePanelPlugin } from './plugins/QuotePanelPlugin';
import { OPEN_QUOTE_PANEL_COMMAND, QuotePlugin } from './plugins/QuotePlugin';
import { ReferenceClickPlugin } from './plugins/ReferenceClickPlugin';
import { ReferenceTypeaheadPlugin } from './plugins/ReferenceTypeaheadPlugin';
import { ToolbarPlugin } from './plugins/ToolbarPlugin';
import { noteEditorTheme } from './theme';
import { isSafeLinkUrl } from './url';
import { useReadOnly } from '../shell/read-only';
import './editor.css';
import './nodes/nodes.css';

export interface EditorProps {
  /** The note's stored editor state (JSON text), or '' for a note never edited. */
  initialContent: string;
  /** Called after every change with a function that serializes the editor state (when a save needs it). */
  onChange(read: () => string): void;
  /** Put the caret in the text when the editor opens. */
  autoFocus?: boolean;
  /** Filled with the Lexical editor, e.g. so the title field can move the caret into the body. */
  editorRef?: RefObject<LexicalEditor | null>;
  /** Note-level buttons shown at the end of the toolbar. */
  actions?: ReactNode;
}

// Whether the Quotes panel is open is remembered across notes and restarts (the editor remounts per note).
const QUOTE_PANEL_KEY = 'dossier.editor.quotePanel';

function useQuotePanelOpen(): [boolean, (open: boolean) => void] {
  const [open, setOpen] = useState(() => {
    try {
      return localStorage.getItem(QUOTE_PANEL_KEY) === 'open';
    } catch {
      return false;
    }
  });
  const set = useCallback((next: boolean) => {
    setOpen(next);
    try {
      localStorage.setItem(QUOTE_PANEL_KEY, next ? 'open' : 'closed');
    } catch {
      // Storage refused (private mode, quota): the panel still opens, it just is not remembered.
    }
  }, []);
  return [open, set];
}

/** Opens the Quotes panel when something in the editor asks for the quote picker (`/quote` + Enter). */
function OpenQuotePanelPlugin({ onOpen }: { onOpen(): void }): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        OPEN_QUOTE_PANEL_COMMAND,
        () => {
          onOpen();
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
    [editor, onOpen],
  );
  return null;
}

function reportEditorError(error: Error): void {
  // Lexical recovers from most update errors by discarding the update; log it for bug reports.
  console.error('Dossier editor error:', error);
}

export function Editor({
  initialContent,
  onChange,
  autoFocus,
  editorRef,
  actions,
}: EditorProps): JSX.Element {
  const [quotePanelOpen, setQuotePanelOpen] = useQuotePanelOpen();
  // A fresh key each time the picker is asked for, so an open panel remounts and its search takes the focus.
  const [panelKey, setPanelKey] = useState(0);
  const openQuotePanel = useCallback(() => {
    setQuotePanelOpen(true);
    setPanelKey((k) => k + 1);
  }, [setQuotePanelOpen]);
  // A read-only notebook (StartupGate) cannot store edits, so the editor must not accept any.
  const editable = useReadOnly() === null;
  const initialConfig = useMemo<InitialConfigType>(
    () => ({
      namespace: NOTE_EDITOR_NAMESPACE,
      nodes: NOTE_NODES,
      theme: noteEditorTheme,
      onError: reportEditorError,
      editable,
      // Stored text that cannot be parsed throws here and is caught by NoteErrorBoundary, which shows
      // the problem instead of an empty editor that would overwrite the note on the next keystroke.
      editorState: initialContent === '' ? undefined : initialContent,
    }),
    // Read once per mount on purpose; the parent remounts with a new key to load other text.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );

  return (
    <LexicalComposer initialConfig={initialConfig}>
      <ToolbarPlugin
        actions={actions}
        quotePanelOpen={quotePanelOpen}
        onToggleQuotePanel={() => setQuotePanelOpen(!quotePanelOpen)}
      />
      <div className="editor-body">
        <div className="editor-scroll">
          <RichTextPlugin
            contentEditable={
              <ContentEditable
                className="editor-input"
                aria-label="Note body"
                data-testid="note-editor"
                aria-placeholder="Start writing…"
                placeholder={
                  <div className="editor-placeholder">Start writing… (# heading, - list, &gt; quote)</div>
                }
                spellCheck
              />
            }
            ErrorBoundary={LexicalErrorBoundary}
          />
        </div>
        {quotePanelOpen && <QuotePanelPlugin key={panelKey} onClose={() => setQuotePanelOpen(false)} />}
      </div>
      <HistoryPlugin />
      <ListPlugin />
      <LinkPlugin validateUrl={isSafeLinkUrl} />
      <MarkdownShortcutPlugin transformers={NOTE_MARKDOWN_TRANSFORMERS} />
      <ReferenceTypeaheadPlugin />
      <ReferenceClickPlugin />
      <QuotePlugin />
      <OpenQuotePanelPlugin onOpen={openQuotePanel} />
      <AutosavePlugin onChange={onChange} />
      {autoFocus && <AutoFocusPlugin defaultSelection="rootEnd" />}
      {editorRef && <EditorRefPlugin editorRef={editorRef} />}
    </LexicalComposer>
  );
}
