/**
 * The whole notebook as an Obsidian vault:
 *
 * - `Notes/`: one file per live note (front matter; mentions, note links and citations as
 *   `[[file name|Title]]` links to files that exist; quotes as `> [!quote]` callouts with a block id
 *   and a footnote that links the quote in its source's file).
 * - `Sources/`: one file per live source, front matter (url, byline, site, published, clipped), its
 *   text, its images (files in `Attachments/`, embedded) and its quotes as callouts with block ids.
 * - `People/`, `Places/`, `Organisations/`, `Events/`, `Topics/`: one file per entity with its aliases,
 *   description, quotes by date, sources and notes that mention it; an event's date, place,
 *   participants, reports and quotes.
 *
 * Obsidian finds a link's file by its name alone, ignoring case, so every name is unique in the whole
 * vault under that rule (file-names.ts), and every link is written with the name the file got. Front
 * matter is written by the `yaml` library. Writes into a new or empty folder only, so nothing of the
 * user's is replaced; a failed export removes what it wrote.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { PhrasingContent, Root, RootContent } from 'mdast';
import type * as Yaml from 'yaml';
import { lazyModule } from '../lazy-module';

// Loaded on the first Obsidian export, not when the core starts.
const yaml = lazyModule<typeof Yaml>('yaml');
import type { EntityKind } from '../../../shared/model';
import { citedSources } from '../notes/cited-sources';
import { mdastToMarkdown } from '../notes/markdown';
import { noteToMarkdown } from '../notes/export';
import {
  citationDate,
  quoteBlockId,
  quoteCallout,
  text,
  wikiLabel,
  type VaultTargets,
  type WikiLink,
} from '../notes/note-tree';
import { FileNamer } from './file-names';
import { obsidianTag } from './tags';
import {
  readVaultData,
  type VaultData,
  type VaultEntity,
  type VaultQuote,
  type VaultSource,
} from './vault-data';

/** How many files of each kind were written. */
export interface ObsidianSummary {
  notes: number;
  sources: number;
  entities: number;
  attachments: number;
}

/** Folder of each kind of entity. */
export const ENTITY_FOLDERS: Record<EntityKind, string> = {
  person: 'People',
  place: 'Places',
  org: 'Organisations',
  event: 'Events',
  topic: 'Topics',
};

const KIND_LABELS: Record<EntityKind, string> = {
  person: 'person',
  place: 'place',
  org: 'organisation',
  event: 'event',
  topic: 'topic',
};

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'image/avif': 'avif',
};

/** Reports progress: `done` of `total` files written. */
export type ExportProgress = (done: number, total: number) => void;

/** YAML front matter (fields that are null or empty are left out), written by the yaml library. */
function frontMatter(fields: Record<string, unknown>): string {
  const kept = Object.fromEntries(
    Object.entries(fields).filter(
      ([, v]) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0),
    ),
  );
  return `---\n${yaml().stringify(kept, { lineWidth: 0 })}---\n`;
}

/**
 * How a link names a file stem: as it is, or with `.md` when the stem ends like a file extension
 * ("aux.txt", "v2.0"), which Obsidian would otherwise take for a file of that type.
 */
export function linkTarget(stem: string): string {
  return /\.[^.\s]+$/.test(stem) ? `${stem}.md` : stem;
}

const link = (stem: string, label: string, block?: string): WikiLink => ({
  type: 'wikiLink',
  target: block === undefined ? linkTarget(stem) : `${linkTarget(stem)}#^${block}`,
  label: wikiLabel(label),
});
const heading = (depth: 1 | 2 | 3, value: string): RootContent => ({
  type: 'heading',
  depth,
  children: [text(value)],
});
const paragraph = (children: PhrasingContent[]): RootContent => ({ type: 'paragraph', children });
const bullets = (items: PhrasingContent[][]): RootContent => ({
  type: 'list',
  ordered: false,
  spread: false,
  children: items.map((children) => ({
    type: 'listItem',
    spread: false,
    children: [paragraph(children)] as never[],
  })),
});

/** `a · b · c` from the parts that are there. */
function joined(parts: (PhrasingContent[] | null)[]): PhrasingContent[] {
  return parts
    .filter((p): p is PhrasingContent[] => p !== null && p.length > 0)
    .flatMap((p, i) => (i === 0 ? p : [text(' · '), ...p]));
}

/**
 * Writes the vault into `dir` (created if missing), one file per step of the generator, which returns
 * what it wrote: the caller runs it in one read transaction and may pause between steps (the app lets
 * other calls through). Throws when `dir` exists and is not empty; a failure removes what it wrote.
 */
export function* obsidianSteps(
  db: Database.Database,
  dir: string,
  onProgress?: ExportProgress,
): Generator<void, ObsidianSummary> {
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new Error(`${dir} is not empty. Choose a new or empty folder: the export never replaces files.`);
  }
  const created = !existsSync(dir);
  mkdirSync(dir, { recursive: true });
  try {
    return yield* new VaultWriter(db, readVaultData(db), dir).write(onProgress);
  } catch (error) {
    // Leave no half vault behind: everything in dir is this export's.
    if (created) rmSync(dir, { recursive: true, force: true });
    else for (const entry of readdirSync(dir)) rmSync(join(dir, entry), { recursive: true, force: true });
    throw error;
  }
}

/** Writes the vault into `dir` in one go (see {@link obsidianSteps}). */
export function exportObsidian(
  db: Database.Database,
  dir: string,
  onProgress?: ExportProgress,
): ObsidianSummary {
  return db.transaction(() => {
    const steps = obsidianSteps(db, dir, onProgress);
    for (let step = steps.next(); ; step = steps.next()) if (step.done === true) return step.value;
  })();
}

class VaultWriter {
  private readonly names = new FileNamer();
  private readonly attachmentNames = new FileNamer();
  private readonly noteFiles = new Map<string, string>();
  private readonly sourceFiles = new Map<string, string>();
  private readonly entityFiles = new Map<string, string>();
  private readonly entities: Map<string, VaultEntity>;
  private readonly sources: Map<string, VaultSource>;
  /** Quotes shown in each source's file (so a link to their block id resolves). */
  private readonly quotesBySource = new Map<string, VaultQuote[]>();
  private readonly quotes: Map<string, VaultQuote>;
  private readonly targets: VaultTargets;

  constructor(
    private readonly db: Database.Database,
    private readonly data: VaultData,
    private readonly dir: string,
  ) {
    this.entities = new Map(data.entities.map((e) => [e.id, e]));
    this.sources = new Map(data.sources.map((s) => [s.id, s]));
    this.quotes = new Map(data.quotes.map((q) => [q.id, q]));
    for (const quote of data.quotes) {
      const list = this.quotesBySource.get(quote.source_id);
      if (list) list.push(quote);
      else this.quotesBySource.set(quote.source_id, [quote]);
    }
    // Names are claimed notes first, then sources, then entities: a note keeps its own title when an
    // entity or a source has the same one, which gets a qualified name ("Paris (place)").
    for (const note of data.notes) {
      const title = note.title.trim() === '' ? 'Untitled' : note.title;
      this.noteFiles.set(note.id, this.names.claim(title, 'Untitled', 'note'));
    }
    for (const source of data.sources) {
      this.sourceFiles.set(
        source.id,
        this.names.claim(source.title, 'Untitled source', source.site_name ?? 'source'),
      );
    }
    for (const entity of data.entities) {
      this.entityFiles.set(entity.id, this.names.claim(entity.name, 'Unnamed', KIND_LABELS[entity.kind]));
    }
    const target = (stem: string | undefined): string | null =>
      stem === undefined ? null : linkTarget(stem);
    this.targets = {
      entity: (id) => target(this.entityFiles.get(data.canonical(id))),
      note: (id) => target(this.noteFiles.get(id)),
      source: (id) => target(this.sourceFiles.get(id)),
      quoteBlock: (sourceId, quoteId) =>
        this.quotes.get(quoteId)?.source_id === sourceId ? quoteBlockId(quoteId) : null,
    };
  }

  *write(onProgress?: ExportProgress): Generator<void, ObsidianSummary> {
    const total = this.data.notes.length + this.data.sources.length + this.data.entities.length;
    let done = 0;
    const step = (): void => onProgress?.(++done, total);
    onProgress?.(0, total);
    for (const folder of ['Notes', 'Sources', 'Attachments', ...Object.values(ENTITY_FOLDERS)]) {
      mkdirSync(join(this.dir, folder), { recursive: true });
    }
    const source = citedSources(this.db);
    for (const note of this.data.notes) {
      this.writeNote(note, source);
      step();
      yield;
    }
    let attachments = 0;
    for (const item of this.data.sources) {
      attachments += this.writeSource(item);
      step();
      yield;
    }
    for (const entity of this.data.entities) {
      this.writeEntity(entity);
      step();
      yield;
    }
    return {
      notes: this.data.notes.length,
      sources: this.data.sources.length,
      entities: this.data.entities.length,
      attachments,
    };
  }

  private file(folder: string, stem: string, body: string): void {
    writeFileSync(join(this.dir, folder, `${stem}.md`), body);
  }

  private page(children: RootContent[]): string {
    return mdastToMarkdown({ type: 'root', children } satisfies Root, 'obsidian');
  }

  private entityLink(id: string): PhrasingContent[] {
    const entity = this.entities.get(this.data.canonical(id));
    const file = entity === undefined ? undefined : this.entityFiles.get(entity.id);
    return entity === undefined || file === undefined ? [] : [link(file, entity.name)];
  }

  private sourceLink(id: string, quoteId?: string): PhrasingContent[] {
    const source = this.sources.get(id);
    const file = this.sourceFiles.get(id);
    if (source === undefined || file === undefined) return [];
    return [link(file, source.title || file, quoteId === undefined ? undefined : quoteBlockId(quoteId))];
  }

  private noteLink(id: string): PhrasingContent[] {
    const note = this.data.notes.find((n) => n.id === id);
    const file = this.noteFiles.get(id);
    return note === undefined || file === undefined ? [] : [link(file, note.title || file)];
  }

  /** Obsidian tags of a note: the topics (and events) it mentions. */
  private tagsOf(noteId: string): string[] {
    const tags = new Set<string>();
    for (const id of this.data.entitiesOfNote.get(noteId) ?? []) {
      const entity = this.entities.get(id);
      if (entity === undefined || (entity.kind !== 'topic' && entity.kind !== 'event')) continue;
      const tag = obsidianTag(entity.name);
      if (tag !== null) tags.add(tag);
    }
    return [...tags].sort((a, b) => a.localeCompare(b));
  }

  private writeNote(note: VaultData['notes'][number], source: ReturnType<typeof citedSources>): void {
    const stem = this.noteFiles.get(note.id)!;
    const title = note.title.trim() === '' ? 'Untitled' : note.title;
    const body = noteToMarkdown(note.content, { flavor: 'obsidian', vault: this.targets, source });
    const head = frontMatter({
      title,
      aliases: stem === title ? [] : [title],
      created: note.created_at,
      updated: note.updated_at,
      tags: this.tagsOf(note.id),
      dossier_id: note.id,
    });
    this.file('Notes', stem, `${head}${body}`);
  }

  /** A quote as a callout: `title` over the quoted words, with the block id its source's file gives it. */
  private callout(quote: VaultQuote, title: PhrasingContent[], blockId: string | null): RootContent[] {
    return quoteCallout(title, [text(`“${quote.text.replace(/\s+/g, ' ').trim()}”`)], blockId);
  }

  /** Writes a source's file and its images; returns how many images. */
  private writeSource(source: VaultSource): number {
    const stem = this.sourceFiles.get(source.id)!;
    const images = this.data.images(source.id);
    const embeds: PhrasingContent[] = [];
    for (const [index, image] of images.entries()) {
      const extension = EXTENSIONS[image.mime] ?? 'bin';
      const name = `${this.attachmentNames.claim(`${stem} ${index + 1}`, 'image', '')}.${extension}`;
      writeFileSync(join(this.dir, 'Attachments', name), image.data);
      embeds.push({ type: 'wikiLink', target: name, label: name, embed: true });
    }
    const published = citationDate(source.published_at);
    const children: RootContent[] = [heading(1, source.title || stem)];
    const byline = joined([
      source.byline ? [text(source.byline)] : null,
      source.site_name ? [text(source.site_name)] : null,
      published ? [text(published)] : null,
      source.url ? [{ type: 'link', url: source.url, children: [text('Original')] }] : null,
    ]);
    if (byline.length > 0) children.push(paragraph(byline));
    for (const embed of embeds) children.push(paragraph([embed]));
    for (const line of source.plain_text.split(/\n+/)) {
      if (line.trim() !== '') children.push(paragraph([text(line.trim())]));
    }
    const quotes = this.quotesBySource.get(source.id) ?? [];
    if (quotes.length > 0) {
      children.push(heading(2, 'Quotes'));
      for (const quote of quotes) {
        const speaker = quote.speaker_id === null ? [] : this.entityLink(quote.speaker_id);
        children.push(...this.callout(quote, speaker, quoteBlockId(quote.id)));
      }
    }
    const head = frontMatter({
      title: source.title,
      aliases: stem === source.title || source.title === '' ? [] : [source.title],
      url: source.url,
      byline: source.byline,
      site: source.site_name,
      published: source.published_at,
      clipped: source.clipped_at,
      dossier_id: source.id,
    });
    this.file('Sources', stem, `${head}${this.page(children)}`);
    return images.length;
  }

  private writeEntity(entity: VaultEntity): void {
    const stem = this.entityFiles.get(entity.id)!;
    const aliases = [entity.name, ...(this.data.aliases.get(entity.id) ?? [])].filter(
      (alias, i, all) => all.indexOf(alias) === i,
    );
    const children: RootContent[] = [heading(1, entity.name)];
    if (entity.description.trim() !== '') children.push(paragraph([text(entity.description.trim())]));
    if (entity.kind === 'event') children.push(...this.eventFacts(entity));
    const said = this.data.quotes.filter((q) => q.speaker_id === entity.id);
    if (said.length > 0) {
      children.push(heading(2, 'Quotes'));
      for (const quote of said) {
        const title = joined([
          [text(citationDate(quote.said_at))],
          this.sourceLink(quote.source_id, quote.id),
        ]);
        children.push(...this.callout(quote, title, null));
      }
    }
    const sources = [...(this.data.sourcesMentioning.get(entity.id) ?? [])].filter((id) =>
      this.sources.has(id),
    );
    if (sources.length > 0) {
      children.push(heading(2, 'Mentioned in sources'));
      children.push(bullets(sources.map((id) => this.sourceLink(id))));
    }
    const notes = [...(this.data.notesMentioning.get(entity.id) ?? [])].filter((id) =>
      this.noteFiles.has(id),
    );
    if (notes.length > 0) {
      children.push(heading(2, 'Mentioned in notes'));
      children.push(bullets(notes.map((id) => this.noteLink(id))));
    }
    const head = frontMatter({
      kind: entity.kind,
      aliases,
      date: entity.kind === 'event' ? (entity.event_date ?? entity.event_date_start) : null,
      place: entity.kind === 'event' ? entity.event_place : null,
      dossier_id: entity.id,
    });
    this.file(ENTITY_FOLDERS[entity.kind], stem, `${head}${this.page(children)}`);
  }

  /** An event's date, place, participants, the sources that report it and the quotes about it. */
  private eventFacts(event: VaultEntity): RootContent[] {
    const out: RootContent[] = [];
    const date = event.event_date ?? event.event_date_start;
    const facts: PhrasingContent[][] = [];
    if (date) {
      const range =
        event.event_date_end && event.event_date_end !== date ? ` to ${event.event_date_end}` : '';
      const precision = event.event_precision ? ` (${event.event_precision})` : '';
      facts.push([text(`Date: ${date}${range}${precision}`)]);
    }
    if (event.event_place) {
      const place = this.data.entities.find((e) => e.kind === 'place' && e.name === event.event_place);
      facts.push([text('Place: '), ...(place ? this.entityLink(place.id) : [text(event.event_place)])]);
    }
    if (facts.length > 0) out.push(bullets(facts));
    const participants = (this.data.participants.get(event.id) ?? []).filter((p) =>
      this.entities.has(p.entityId),
    );
    if (participants.length > 0) {
      out.push(heading(2, 'Participants'));
      out.push(
        bullets(
          participants.map((p) => [
            ...this.entityLink(p.entityId),
            ...(p.role ? [text(` (${p.role})`)] : []),
          ]),
        ),
      );
    }
    const reports = (this.data.reports.get(event.id) ?? []).filter((r) => this.sources.has(r.sourceId));
    const reportedBy = [...new Set(reports.map((r) => r.sourceId))];
    if (reportedBy.length > 0) {
      out.push(heading(2, 'Sources'));
      out.push(
        bullets(
          reportedBy.map((id) => {
            const source = this.sources.get(id)!;
            const date = citationDate(source.published_at);
            return joined([
              this.sourceLink(id),
              source.site_name ? [text(source.site_name)] : null,
              date ? [text(date)] : null,
            ]);
          }),
        ),
      );
    }
    const quotes = reports
      .map((r) => (r.quoteId === null ? undefined : this.quotes.get(r.quoteId)))
      .filter((q, i, all): q is VaultQuote => q !== undefined && all.indexOf(q) === i);
    if (quotes.length > 0) {
      out.push(heading(2, 'Quotes'));
      for (const quote of quotes) {
        const title = joined([
          quote.speaker_id === null ? null : this.entityLink(quote.speaker_id),
          this.sourceLink(quote.source_id, quote.id),
        ]);
        out.push(...this.callout(quote, title, null));
      }
    }
    return out;
  }
}
