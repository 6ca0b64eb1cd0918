/**
 * One well-formed call of every NotebookApi method, for tests that start from a good call and spoil it
 * (shared/validate.test.ts). Typed against NotebookApi, so a new method without an example, or an
 * example that no longer fits its method, is a compile error.
 */
import type { ApiArgs, ApiMethod } from './api';
import type { EntityId, MentionId, NoteId, QuoteId, SourceId } from './model';

const note = 'note-1' as NoteId;
const source = 'source-1' as SourceId;
const entity = 'entity-1' as EntityId;
const other = 'entity-2' as EntityId;
const quote = 'quote-1' as QuoteId;
const mention = 'mention-1' as MentionId;
const backup = 'dossier-20261128T082152123Z-manual.sqlite';

/** A good argument list per method. */
export const API_EXAMPLES: { [M in ApiMethod]: ApiArgs<M> } = {
  getAppInfo: [],
  createNote: [{ title: 'Talks', content: '{}' }],
  getNote: [note],
  listNotes: [{ trashed: false, limit: 10 }],
  updateNote: [{ id: note, expectedVersion: 1, title: 'Talks', content: '{}' }],
  deleteNote: [note],
  restoreNote: [note],
  getBacklinks: [{ kind: 'source', id: source }],
  exportNote: [{ id: note, format: 'markdown' }],
  clipFile: [
    {
      name: 'a.html',
      data: 'PGh0bWw+',
      url: 'https://news.example/a',
      resources: [{ path: 'a_files/x.png', data: 'AAAA' }],
      onDuplicate: 'ask',
      fetchImages: false,
    },
  ],
  clipPaste: [
    {
      html: '<p>hi</p>',
      text: 'hi',
      url: 'https://news.example/a',
      title: 'Hi',
      published: '2025-03-01',
      onDuplicate: 'keep-both',
      fetchImages: false,
    },
  ],
  clipUrl: [{ url: 'https://news.example/a', onDuplicate: 'update' }],
  getClipNetworkSettings: [],
  setClipNetworkSettings: [{ allowedLocalHosts: ['wiki.intranet'] }],
  listSources: [
    {
      sort: 'published',
      descending: true,
      site: 'News',
      from: '2025-01-01',
      to: '2025-12-31',
      trashed: false,
      limit: 50,
      offset: 0,
    },
  ],
  listSites: [],
  getSource: [source],
  getSourceOriginal: [source],
  deleteSource: [source],
  restoreSource: [source],
  guessPublished: [{ html: '<p>hi</p>', text: 'hi', url: 'https://news.example/2008/07/23/a' }],
  getSourceAnalysis: [source],
  reextractSource: [source],
  reviewQuote: [{ id: quote, status: 'confirmed', speakerId: entity }],
  reviewQuotes: [{ reviews: [{ id: quote, status: 'confirmed' }] }],
  reviewMention: [{ id: mention, status: 'rejected' }],
  addQuote: [{ sourceId: source, start: 0, end: 5, speakerId: entity }],
  addMention: [{ sourceId: source, start: 0, end: 5, entityId: entity }],
  listEntities: [{ kinds: ['person'], query: 'pu', limit: 10 }],
  createEntity: [{ kind: 'person', name: 'Ada Lovelace' }],
  renameEntity: [{ id: entity, name: 'Ada Lovelace' }],
  mergeEntities: [{ into: entity, from: [other] }],
  splitEntity: [{ id: entity, aliases: ['Ada'], name: 'Ada King' }],
  getEntityPage: [entity],
  listEntityQuotes: [{ id: entity, after: quote, limit: 10 }],
  listEntitySources: [{ id: entity, after: source, limit: 10 }],
  getTimeline: [{ from: '2025-01-01', to: '2025-12-31', entityIds: [entity], limit: 100, minorQuotes: true }],
  listQuotes: [{ speakerId: entity, sourceId: source, query: 'peace', includeRejected: false, limit: 10 }],
  setSourcePublished: [{ id: source, published: '2025-03-01' }],
  separateEvents: [{ id: entity, otherId: other }],
  splitEvent: [{ id: entity, sourceIds: [source], name: 'Second round' }],
  search: [{ query: 'ceasefire', limit: 20, offset: 0 }],
  getClipEndpoint: [],
  setClipEndpoint: [{ enabled: true, port: 47_321 }],
  startClipPairing: [],
  revokeClipClient: ['client-1'],
  listBackups: [],
  backupNow: [],
  getBackupSettings: [],
  setBackupSettings: [{ everyHours: 24, keep: 10 }],
  verifyBackup: [backup],
  restoreBackup: [backup],
  getStartupState: [],
  restoreFromLastGoodBackup: [],
  openReadOnly: [],
  openWithoutLostChanges: [],
  startNewNotebook: [],
  exportNotebook: [{ kind: 'json' }],
  getInteropProgress: [],
  revealExport: [{ name: 'dossier-export.jsonl' }],
  exportCitations: [{ format: 'bibtex', scope: { kind: 'sources', ids: [source] } }],
  formatCitation: [{ style: 'apa', target: { quoteId: quote } }],
  importNotebookJson: [{ name: 'export.jsonl', data: '{}' }],
};
