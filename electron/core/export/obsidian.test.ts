/**
 * The Obsidian vault, checked the way Obsidian and three operating systems would read it: a notebook
 * full of awkward titles is exported, every file name is checked against the rules of Windows, macOS and
 * Linux, every Markdown file is parsed by a real parser (micromark with GFM), every [[wiki link]],
 * ![[embed]] and [^footnote] is resolved by a resolver written to Obsidian's rules (by file name,
 * ignoring case; `#^id` must name a block of that file), every tag is checked against Obsidian's rule.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type Database from 'better-sqlite3';
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { beforeAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { EntityId, NoteId } from '../../../shared/model';
import { openDatabase } from '../db/open';
import { Notebook } from '../notebook';
import { makeTempDir } from '../testing/temp-dir';
import { exportObsidian } from './obsidian';
import { loadMarkdownTools } from '../notes/markdown-tools';

// The writers load on first use in the app (markdown-tools.ts); these tests call them directly.
beforeAll(() => loadMarkdownTools());

let temp: ReturnType<typeof makeTempDir>;
let notebook: Notebook;
let dataDir: string;

beforeEach(() => {
  temp = makeTempDir();
  dataDir = join(temp.dir, 'data');
  notebook = Notebook.open({ dataDir, host: 'test' });
});

afterEach(async () => {
  await notebook.close();
  temp.remove();
});

// ---------------------------------------------------------------------------------------------------
// Building the notebook

const text = (value: string) => ({
  type: 'text',
  version: 1,
  text: value,
  format: 0,
  style: '',
  mode: 'normal',
  detail: 0,
});
const paragraph = (...children: object[]) => ({ type: 'paragraph', version: 1, children });
const state = (...blocks: object[]) =>
  JSON.stringify({ root: { type: 'root', version: 1, children: blocks } });
const noteLink = (noteId: string, title: string) => ({
  ...text(title),
  type: 'dossier-note-link',
  mode: 'token',
  noteId,
  title,
});
const mention = (entityId: string, kind: string, name: string) => ({
  ...text(name),
  type: 'dossier-mention',
  mode: 'token',
  entityId,
  kind,
  name,
});

const NOW = '2026-03-01T10:00:00.000Z';
// A 1x1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

const AWKWARD_TITLES = [
  'Background: Trump/Clinton — "who said what?"',
  'A | B',
  '#1 priority ^ [draft]',
  'CON',
  'con',
  'Paris',
  'aux.txt',
  '...hidden',
  `${'Long title '.repeat(18)}end one`,
  `${'Long title '.repeat(18)}end two`,
  'Ünïcödé '.repeat(30),
  '',
  'trailing dot.',
  'O\'Brien\'s "quote" * ? < >',
];

interface Built {
  notes: Map<string, NoteId>;
  people: { putin: EntityId; paris: EntityId };
  sources: string[];
  quotes: string[];
  event: EntityId;
}

async function buildNotebook(db: Database.Database): Promise<Built> {
  const putin = await notebook.createEntity({ kind: 'person', name: 'Vladimir Putin' });
  const parisPerson = await notebook.createEntity({ kind: 'person', name: 'Paris' });
  const parisPlace = await notebook.createEntity({ kind: 'place', name: 'Paris' });
  const con = await notebook.createEntity({ kind: 'org', name: 'CON' });
  const topic = await notebook.createEntity({ kind: 'topic', name: 'U.S.-election-2016-&-polls' });
  const numeric = await notebook.createEntity({ kind: 'topic', name: '2016' });
  const event = await notebook.createEntity({ kind: 'event', name: 'Talks: round #2 [Geneva]' });
  db.prepare(
    `UPDATE entities SET event_date = '2026-02-14', event_date_start = '2026-02-14', event_precision = 'day',
       event_place = 'Paris' WHERE id = ?`,
  ).run(event.id);

  const sources: string[] = [];
  const quotes: string[] = [];
  const addSource = (
    title: string,
    byline: string | null,
    site: string,
    published: string | null,
  ): string => {
    const id = randomUUID();
    db.prepare(
      `INSERT INTO sources (id, url, title, byline, site_name, published_at, clipped_at, plain_text, created_at,
         updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      id,
      `https://news.example/${sources.length}?a=1&b=[2]`,
      title,
      byline,
      site,
      published,
      NOW,
      'First paragraph says 1986. A great year.\n- not a list\nThe minister said: "We will act."',
      NOW,
      NOW,
    );
    db.prepare(
      `INSERT INTO source_images (id, source_id, mime, sha256, byte_size, data, created_at)
       VALUES (?, ?, 'image/png', ?, ?, ?, ?)`,
    ).run(randomUUID(), id, randomUUID(), PNG.length, PNG, NOW);
    sources.push(id);
    return id;
  };
  const addQuote = (sourceId: string, words: string, speaker: string | null): string => {
    const id = randomUUID();
    db.prepare(
      `INSERT INTO quotes (id, source_id, span_start, span_end, text, speaker_entity_id, origin, status, created_at,
         updated_at) VALUES (?, ?, 0, 5, ?, ?, 'user', 'confirmed', ?, ?)`,
    ).run(id, sourceId, words, speaker, NOW, NOW);
    quotes.push(id);
    return id;
  };
  const s1 = addSource('Talks stall: "no deal" | Reuters', 'Anna Müller', 'Reuters', '2026-02-15T08:00:00Z');
  const s2 = addSource('Talks stall: "no deal" | Reuters', null, 'AP', '2026-02-10');
  const s3 = addSource('CON', 'By Staff', 'The Hill', null);
  const q1 = addQuote(s1, 'We will not retreat #never ^ever [[ok]]', putin.id);
  const q2 = addQuote(s2, 'Earlier words', putin.id);
  addQuote(s3, 'Unattributed words', null);
  for (const [id, sourceId, quoteId] of [
    [randomUUID(), s1, q1],
    [randomUUID(), s2, null],
  ]) {
    db.prepare(
      `INSERT INTO event_sources (id, event_id, source_id, quote_id, origin, status, created_at)
       VALUES (?, ?, ?, ?, 'user', 'confirmed', ?)`,
    ).run(id, event.id, sourceId, quoteId, NOW);
  }
  db.prepare(
    `INSERT INTO event_participants (id, event_id, entity_id, role, origin, status, created_at)
     VALUES (?, ?, ?, 'speaker', 'user', 'confirmed', ?)`,
  ).run(randomUUID(), event.id, putin.id, NOW);

  // Notes with every awkward title, each linking the next, mentioning, quoting and paraphrasing.
  const notes = new Map<string, NoteId>();
  for (const title of AWKWARD_TITLES) notes.set(title, (await notebook.createNote({ title })).id);
  const quoteNode = (quoteId: string, sourceId: string, words: string) => ({
    type: 'dossier-quote',
    version: 1,
    text: words,
    quoteId,
    sourceId,
    speaker: { name: 'Vladimir Putin', entityId: putin.id },
    sourceTitle: 'Talks stall: "no deal" | Reuters',
    sourceUrl: 'https://news.example/0?a=1&b=[2]',
    date: '2026-02-15',
    span: { start: 0, end: 5 },
  });
  const titles = [...notes.keys()];
  for (const [index, title] of titles.entries()) {
    const next = titles[(index + 1) % titles.length]!;
    const note = await notebook.getNote(notes.get(title)!);
    await notebook.updateNote({
      id: note.id,
      expectedVersion: note.version,
      content: state(
        paragraph(
          text('1986. A great year for '),
          mention(putin.id, 'person', 'Vladimir Putin'),
          text(' and '),
          mention(parisPlace.id, 'place', 'Paris'),
          text(' (not '),
          mention(parisPerson.id, 'person', 'Paris'),
          text(') and '),
          mention(con.id, 'org', 'CON'),
          text('; see '),
          noteLink(notes.get(next)!, next),
          text(' #not-a-tag'),
        ),
        paragraph(
          mention(topic.id, 'topic', 'U.S.-election-2016-&-polls'),
          text(' '),
          mention(numeric.id, 'topic', '2016'),
        ),
        paragraph(mention(event.id, 'event', 'Talks: round #2 [Geneva]')),
        quoteNode(q1, s1, 'We will not retreat #never ^ever [[ok]]'),
        quoteNode(q1, s1, 'We will not retreat #never ^ever [[ok]]'),
        {
          ...quoteNode(q2, s2, ''),
          type: 'dossier-paraphrase',
          text: undefined,
          children: [text('He said so before.')],
        },
      ),
    });
  }
  return { notes, people: { putin: putin.id, paris: parisPerson.id }, sources, quotes, event: event.id };
}

// ---------------------------------------------------------------------------------------------------
// What the three operating systems accept as a file name

const WINDOWS_RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

function fileNameProblems(name: string): string[] {
  const problems: string[] = [];
  // eslint-disable-next-line no-control-regex -- control characters are what Windows refuses
  if (/[<>:"/\\|?*\u0000-\u001f]/.test(name)) problems.push('a character Windows refuses');
  if (WINDOWS_RESERVED.test(name)) problems.push('a name Windows reserves');
  if (/[. ]$/.test(name)) problems.push('a trailing dot or space (Windows drops it)');
  if (Buffer.byteLength(name, 'utf8') > 255) problems.push('longer than 255 bytes (Linux, macOS)');
  if (name.startsWith('.')) problems.push('a leading dot (hidden; Obsidian skips it)');
  if (/[#^[\]|]/.test(name)) problems.push('a character Obsidian reads as link syntax');
  if (name.normalize('NFC') !== name) problems.push('not in NFC (macOS would store it differently)');
  return problems;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? [path, ...walk(path)] : [path];
  });
}

// ---------------------------------------------------------------------------------------------------
// A resolver written to Obsidian's rules

interface VaultFile {
  path: string;
  /** The file name with its extension. */
  name: string;
  source: string;
  frontMatter: Record<string, unknown>;
  tree: Root | null;
}

function readVault(dir: string): VaultFile[] {
  return walk(dir)
    .filter((path) => statSync(path).isFile())
    .map((path) => {
      const name = relative(dir, path).split(/[/\\]/).at(-1)!;
      if (!name.endsWith('.md')) return { path, name, source: '', frontMatter: {}, tree: null };
      const raw = readFileSync(path, 'utf8');
      const match = /^---\n([\s\S]*?)\n---\n/.exec(raw);
      const source = match ? raw.slice(match[0].length) : raw;
      const tree = fromMarkdown(source, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
      return {
        path,
        name,
        source,
        frontMatter: match ? (parseYaml(match[1]!) as Record<string, unknown>) : {},
        tree,
      };
    });
}

interface FoundLink {
  embed: boolean;
  target: string;
  label: string | null;
}

/** Positions of code (where `[[` is no link) in a parsed tree. */
function codeRanges(tree: Root): [number, number][] {
  const out: [number, number][] = [];
  const visit = (node: Nodes): void => {
    if ((node.type === 'inlineCode' || node.type === 'code') && node.position) {
      out.push([node.position.start.offset!, node.position.end.offset!]);
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(tree);
  return out;
}

/** Every wiki link and embed of a file, as Obsidian finds them: `[[` not escaped by a backslash, outside code. */
function wikiLinks(file: VaultFile): FoundLink[] {
  const code = codeRanges(file.tree!);
  const links: FoundLink[] = [];
  for (const match of file.source.matchAll(/(?<!\\)(!?)\[\[([^\]\n]*?)\]\]/g)) {
    const at = match.index;
    if (code.some(([start, end]) => at >= start && at < end)) continue;
    const [target, ...label] = match[2]!.split('|');
    links.push({
      embed: match[1] === '!',
      target: target!,
      label: label.length > 0 ? label.join('|') : null,
    });
  }
  return links;
}

/** Obsidian's resolution: the part before '#' names a file by its name (`.md` implied), ignoring case. */
function resolve(files: VaultFile[], link: FoundLink): { file: VaultFile | null; problem: string | null } {
  const [name = '', ...anchor] = link.target.split('#');
  const wanted = (
    /\.[a-z0-9]+$/i.test(name) && !name.endsWith('.md') ? name : `${name.replace(/\.md$/, '')}.md`
  ).toLowerCase();
  const matches = files.filter((f) => f.name.toLowerCase() === wanted);
  if (matches.length !== 1) return { file: null, problem: `${matches.length} files are named ${wanted}` };
  const file = matches[0]!;
  const block = anchor.join('#');
  if (block.startsWith('^')) {
    const id = block.slice(1);
    if (!new RegExp(`(^|\\s)\\^${id}\\s*$`, 'm').test(file.source))
      return { file, problem: `no block ^${id} in ${file.name}` };
  }
  return { file, problem: null };
}

function footnoteProblems(file: VaultFile): string[] {
  const refs = new Set<string>();
  const defs = new Set<string>();
  const visit = (node: Nodes): void => {
    if (node.type === 'footnoteReference') refs.add(node.identifier);
    if (node.type === 'footnoteDefinition') defs.add(node.identifier);
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child);
  };
  visit(file.tree!);
  return [...refs].filter((id) => !defs.has(id)).map((id) => `${file.name}: [^${id}] has no definition`);
}

// Obsidian's tag rule: letters, digits, _ - and / (nesting), at least one character that is not a digit.
const VALID_TAG = /^(?![\d/_-]*$)[\p{L}\p{M}\p{N}_-]+(\/[\p{L}\p{M}\p{N}_-]+)*$/u;

// ---------------------------------------------------------------------------------------------------

describe('exportObsidian', () => {
  it('writes a vault whose names are legal everywhere and whose every link, embed, footnote and tag works', async () => {
    const db = openDatabase(join(dataDir, 'dossier.sqlite'));
    const vault = join(temp.dir, 'vault');
    let built: Built;
    let summary: ReturnType<typeof exportObsidian>;
    const progress: number[] = [];
    try {
      built = await buildNotebook(db);
      summary = exportObsidian(db, vault, (done, total) => progress.push(done / total));
    } finally {
      db.close();
    }
    expect(summary).toEqual({ notes: AWKWARD_TITLES.length, sources: 3, entities: 7, attachments: 3 });
    expect(progress.at(0)).toBe(0);
    expect(progress.at(-1)).toBe(1);

    // File names: legal on Windows, macOS and Linux, unique ignoring case across the vault.
    const paths = walk(vault);
    const problems = paths.flatMap((path) =>
      relative(vault, path)
        .split(/[/\\]/)
        .flatMap((part) => fileNameProblems(part).map((p) => `${relative(vault, path)}: ${p}`)),
    );
    expect(problems).toEqual([]);
    const files = readVault(vault);
    const keys = files.map((f) => f.name.normalize('NFC').toLowerCase());
    expect(new Set(keys).size).toBe(keys.length);

    // Every wiki link, embed and footnote resolves; every tag is valid.
    const unresolved: string[] = [];
    let linkCount = 0;
    let embedCount = 0;
    for (const file of files.filter((f) => f.tree !== null)) {
      for (const link of wikiLinks(file)) {
        linkCount += 1;
        if (link.embed) embedCount += 1;
        const { problem } = resolve(files, link);
        if (problem !== null) unresolved.push(`${file.name}: [[${link.target}]]: ${problem}`);
      }
      unresolved.push(...footnoteProblems(file));
      for (const tag of (file.frontMatter.tags as string[] | undefined) ?? []) {
        if (!VALID_TAG.test(tag)) unresolved.push(`${file.name}: tag ${tag} is not valid`);
      }
    }
    expect(unresolved).toEqual([]);
    expect(embedCount).toBe(3);
    expect(linkCount).toBeGreaterThan(AWKWARD_TITLES.length * 8);

    // Links lead to the right files: each note's [[link]] reaches the note it names (by dossier_id),
    // though CON and con, the two long titles, and the notes named like entities differ only a little.
    const byId = (id: string): VaultFile => files.find((f) => f.frontMatter.dossier_id === id)!;
    const titles = [...built.notes.keys()];
    for (const [index, title] of titles.entries()) {
      const next = titles[(index + 1) % titles.length]!;
      const file = byId(built.notes.get(title)!);
      const linked = wikiLinks(file)
        .map((link) => resolve(files, link).file)
        .filter((f) => f?.path.includes(`${'/'}Notes${'/'}`));
      expect(
        linked.map((f) => f!.frontMatter.dossier_id),
        title,
      ).toEqual([built.notes.get(next)]);
    }
    const first = byId(built.notes.get(titles[0]!)!);
    expect(first.frontMatter.title).toBe(titles[0]);
    expect(first.frontMatter.aliases).toEqual([titles[0]]);
    // Paris the place and Paris the person are different files, each linked where it is meant.
    const mentioned = wikiLinks(first).map((link) => resolve(files, link).file?.frontMatter.dossier_id);
    expect(mentioned).toContain(built.people.paris);
    expect(new Set(mentioned.filter((id) => id !== undefined)).size).toBeGreaterThan(6);
    // Tags come from the topics and the event the note mentions, made valid.
    expect(first.frontMatter.tags).toEqual(['Talks-round-2-Geneva', 'topic-2016', 'U-S-election-2016-polls']);
    // The plain text that looks like syntax stays text: the parser sees one paragraph starting "1986.".
    const firstParagraph = first.tree!.children[0]!;
    expect(firstParagraph.type).toBe('paragraph');
    // Quotes are callouts with a block id, and their footnote links the quote in its source's file.
    expect(first.source).toMatch(/^> \[!quote\] \[\[Vladimir Putin\]\]\n> “We will not retreat/m);
    expect(first.source).toMatch(/\n\^q-[0-9a-f-]+\n/);
    expect(first.source).toMatch(/\n\^q-[0-9a-f-]+-2\n/);
    expect(first.source).toMatch(
      /\[\^1\]: "We will not retreat .*" — Vladimir Putin, \[\[[^\]]+#\^q-[^\]|]+\|[^\]]+\]\], Anna Müller, Reuters, </,
    );
  });

  it('writes sources with front matter and attachments, and entity pages with their content', async () => {
    const db = openDatabase(join(dataDir, 'dossier.sqlite'));
    const vault = join(temp.dir, 'vault');
    let built: Built;
    try {
      built = await buildNotebook(db);
      exportObsidian(db, vault);
    } finally {
      db.close();
    }
    const files = readVault(vault);
    const byId = (id: string): VaultFile => files.find((f) => f.frontMatter.dossier_id === id)!;

    const source = byId(built.sources[0]!);
    expect(source.path).toContain(`${'/'}Sources${'/'}`);
    expect(source.frontMatter).toMatchObject({
      title: 'Talks stall: "no deal" | Reuters',
      url: 'https://news.example/0?a=1&b=[2]',
      byline: 'Anna Müller',
      site: 'Reuters',
      published: '2026-02-15T08:00:00Z',
      clipped: NOW,
    });
    const embed = wikiLinks(source).find((l) => l.embed)!;
    const image = resolve(files, embed).file!;
    expect(readFileSync(image.path)).toEqual(PNG);
    // Its text is paragraphs of text (never a list), and its quotes carry the block ids notes link to.
    expect(source.tree!.children.filter((n) => n.type === 'list')).toEqual([]);
    expect(source.source).toContain(`^q-${built.quotes[0]}`);
    // Same title, second source: a name of its own.
    expect(byId(built.sources[1]!).name).not.toBe(source.name);

    const putin = byId(built.people.putin);
    expect(putin.path).toContain(`${'/'}People${'/'}`);
    const quotesSection = putin.source.slice(putin.source.indexOf('## Quotes'));
    // Quotes by date: the 10 February words before the 15 February ones.
    expect(quotesSection.indexOf('Earlier words')).toBeLessThan(quotesSection.indexOf('We will not retreat'));
    expect(quotesSection).toContain('2026-02-10');
    expect(putin.source).toContain('## Mentioned in notes');

    const event = byId(built.event);
    expect(event.path).toContain(`${'/'}Events${'/'}`);
    expect(event.frontMatter).toMatchObject({ kind: 'event', date: '2026-02-14', place: 'Paris' });
    expect(event.source).toContain('Date: 2026-02-14 (day)');
    const section = (name: string): string => {
      const start = event.source.indexOf(`## ${name}`);
      const end = event.source.indexOf('\n## ', start + 1);
      return event.source.slice(start, end === -1 ? undefined : end);
    };
    expect(section('Participants')).toContain('[[Vladimir Putin]] (speaker)');
    expect(wikiLinks({ ...event, source: section('Sources') })).toHaveLength(2);
    expect(section('Quotes')).toContain('We will not retreat');
    // The place links to the place, not to the person of the same name.
    const placeLink = wikiLinks({ ...event, source: event.source.slice(0, event.source.indexOf('## ')) })[0]!;
    expect(resolve(files, placeLink).file!.path).toContain(`${'/'}Places${'/'}`);
  });

  it('never writes into a folder that has files', async () => {
    const vault = join(temp.dir, 'busy');
    mkdirSync(vault);
    writeFileSync(join(vault, 'mine.md'), 'keep me');
    const db = openDatabase(join(dataDir, 'dossier.sqlite'));
    try {
      expect(() => exportObsidian(db, vault)).toThrow(/not empty/);
    } finally {
      db.close();
    }
    expect(readFileSync(join(vault, 'mine.md'), 'utf8')).toBe('keep me');
    expect(existsSync(join(vault, 'Notes'))).toBe(false);
  });
});
