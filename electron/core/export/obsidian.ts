/**
 * The whole notebook as an Obsidian vault: one Markdown file per note (YAML front matter, mentions and
 * note links as [[wiki links]], quotes as footnotes that keep their source), and one file per person,
 * place, organisation, event and topic with its aliases (which Obsidian resolves links through) and the
 * quotes attributed to it. Writes into a new or empty folder only, so nothing of the user's is replaced.
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { noteToMarkdown } from '../notes/export';

/** How many files were written. */
export interface ObsidianSummary {
  notes: number;
  entities: number;
}

const FOLDERS: Record<string, string> = {
  person: 'People',
  place: 'Places',
  org: 'Organisations',
  event: 'Events',
  topic: 'Topics',
};

/** A file name Obsidian and every OS accept, from a title. */
export function fileNameOf(title: string, fallback: string): string {
  const cleaned = [...title]
    // Control characters are not allowed in file names on Windows.
    .map((ch) => (ch.charCodeAt(0) < 0x20 ? ' ' : ch))
    .join('')
    .replace(/[\\/:*?"<>|#^[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 120)
    .trim();
  return cleaned === '' ? fallback : cleaned;
}

/** A YAML scalar, always double-quoted (JSON strings are valid YAML). */
const yaml = (value: string): string => JSON.stringify(value);

function frontMatter(fields: Record<string, string | string[] | null>): string {
  const lines = ['---'];
  for (const [key, value] of Object.entries(fields)) {
    if (value === null) continue;
    if (Array.isArray(value)) {
      if (value.length === 0) continue;
      lines.push(`${key}:`, ...value.map((v) => `  - ${yaml(v)}`));
    } else lines.push(`${key}: ${yaml(value)}`);
  }
  lines.push('---', '');
  return lines.join('\n');
}

/** Picks `name.md`, or `name (2).md` ... when the name is taken in that folder. */
function uniqueFile(used: Set<string>, name: string): string {
  let candidate = name;
  for (let n = 2; used.has(candidate.toLowerCase()); n++) candidate = `${name} (${n})`;
  used.add(candidate.toLowerCase());
  return `${candidate}.md`;
}

/** Writes the vault into `dir` (created if missing). Throws when `dir` exists and is not empty. */
export function exportObsidian(db: Database.Database, dir: string): ObsidianSummary {
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new Error(`${dir} is not empty. Choose a new or empty folder: the export never replaces files.`);
  }
  mkdirSync(dir, { recursive: true });

  const entities = db
    .prepare<[], { id: string; kind: string; name: string; description: string }>(
      'SELECT id, kind, name, description FROM entities WHERE merged_into IS NULL ORDER BY kind, name',
    )
    .all();
  const aliasesOf = db.prepare<[string], { alias: string }>(
    'SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY alias',
  );
  const quotesOf = db.prepare<
    [string],
    { text: string; title: string; url: string | null; published: string | null }
  >(
    `SELECT q.text, s.title, COALESCE(s.canonical_url, s.url) AS url, s.published_at AS published
       FROM quotes q JOIN sources s ON s.id = q.source_id
      WHERE q.speaker_entity_id = ? AND q.status <> 'rejected' AND s.deleted_at IS NULL
      ORDER BY s.published_at, q.span_start`,
  );
  const topicsOfNote = db.prepare<[string], { name: string }>(
    `SELECT DISTINCT e.name FROM links l JOIN entities e ON e.id = l.to_entity_id
      WHERE l.from_note_id = ? AND e.kind = 'topic' ORDER BY e.name`,
  );

  const usedPerFolder = new Map<string, Set<string>>();
  const used = (folder: string): Set<string> => {
    let set = usedPerFolder.get(folder);
    if (!set) usedPerFolder.set(folder, (set = new Set()));
    return set;
  };

  for (const entity of entities) {
    const folder = FOLDERS[entity.kind] ?? 'Other';
    mkdirSync(join(dir, folder), { recursive: true });
    const aliases = [entity.name, ...aliasesOf.all(entity.id).map((a) => a.alias)].filter(
      (alias, i, all) => all.indexOf(alias) === i,
    );
    const quotes = quotesOf.all(entity.id).map((q) => {
      const cite = [q.title, q.url, q.published?.slice(0, 10)].filter((p) => p).join(', ');
      return `> ${q.text.replace(/\n+/g, ' ')}\n>\n> — ${cite}\n`;
    });
    const body =
      frontMatter({ dossier_id: entity.id, kind: entity.kind, aliases }) +
      `# ${entity.name}\n\n` +
      (entity.description ? `${entity.description}\n\n` : '') +
      (quotes.length > 0 ? `## Quotes\n\n${quotes.join('\n')}` : '');
    writeFileSync(join(dir, folder, uniqueFile(used(folder), fileNameOf(entity.name, 'Unnamed'))), body);
  }

  const notes = db
    .prepare<[], { id: string; title: string; content: string; created_at: string; updated_at: string }>(
      'SELECT id, title, content, created_at, updated_at FROM notes WHERE deleted_at IS NULL ORDER BY created_at, seq',
    )
    .all();
  mkdirSync(join(dir, 'Notes'), { recursive: true });
  for (const note of notes) {
    const title = note.title.trim() === '' ? 'Untitled' : note.title;
    const body =
      frontMatter({
        title,
        created: note.created_at,
        updated: note.updated_at,
        dossier_id: note.id,
        tags: topicsOfNote.all(note.id).map((t) => t.name.replace(/\s+/g, '-')),
      }) + noteToMarkdown(note.content, { mentions: 'wiki' });
    writeFileSync(join(dir, 'Notes', uniqueFile(used('Notes'), fileNameOf(title, 'Untitled'))), body);
  }
  return { notes: notes.length, entities: entities.length };
}
