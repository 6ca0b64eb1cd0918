/**
 * Typing latency in a big note, in real Chromium against the built browser host (issue 5's target):
 * a 10,000-word note with 500 mentions, then keys typed one by one at its end. For each key:
 * - keydown -> committed Lexical update (the editor's update listener fires after the DOM commit);
 * - keydown -> next animation frame (the first frame that can show the character).
 * Times start at the keydown event's own timestamp, so they include the browser's input queueing.
 */
import { chromium } from '@playwright/test';
import { startHost, tempDataDir } from '../../e2e/host';
import { HostClient } from '../host-client';
import { row } from '../stats';
import type { BenchSuite } from './types';

const WORDS = 10_000;
const MENTIONS = 500;
const KEYS = 300;
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Serialized text node. */
function text(value: string): object {
  return { type: 'text', version: 1, text: value, format: 0, style: '', mode: 'normal', detail: 0 };
}

/** Serialized mention node (renderer/editor/nodes/MentionNode.ts). */
function mention(entityId: string, name: string): object {
  // A mention is a TextNode (token mode) carrying the entity's id, kind and name.
  return { ...text(name), type: 'dossier-mention', mode: 'token', entityId, kind: 'person', name };
}

/**
 * A note of WORDS words in paragraphs of 100, with MENTIONS mentions spread evenly, of people that
 * exist in the notebook (ids from `people`).
 */
function bigNote(people: { id: string; name: string }[]): string {
  const paragraphs: object[] = [];
  const every = Math.floor(WORDS / MENTIONS);
  let words: string[] = [];
  let children: object[] = [];
  for (let i = 0; i < WORDS; i++) {
    words.push(`word${i % 997}`);
    if ((i + 1) % every === 0) {
      children.push(text(`${words.join(' ')} `));
      words = [];
      const person = people[Math.floor((i + 1) / every) % people.length]!;
      children.push(mention(person.id, person.name));
    }
    if ((i + 1) % 100 === 0) {
      if (words.length > 0) children.push(text(` ${words.join(' ')}`));
      paragraphs.push({
        type: 'paragraph',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        textFormat: 0,
        textStyle: '',
        children,
      });
      words = [];
      children = [];
    }
  }
  return JSON.stringify({
    root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: paragraphs },
  });
}

export const TYPING_SUITE: BenchSuite = {
  name: 'typing',
  title: 'Typing in a 10,000-word note with 500 mentions (Chromium, browser host)',
  async run() {
    const host = await startHost(tempDataDir());
    const browser = await chromium.launch({
      executablePath: process.env.DOSSIER_CHROMIUM ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
    try {
      const client = await HostClient.connect(host.url);
      const people: { id: string; name: string }[] = [];
      for (let i = 0; i < 20; i++) {
        const entity = (await client.call('createEntity', [
          { kind: 'person', name: `Person Number${i}` },
        ])) as { id: string; name: string };
        people.push({ id: entity.id, name: entity.name });
      }
      await client.call('createNote', [{ title: 'Big note', content: bigNote(people) }]);

      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(host.url);
      await page.getByTestId('nav-notes').click();
      await page.getByTestId('note-item').first().click();
      const editable = page.locator('[data-lexical-editor="true"]');
      await editable.waitFor();
      const mentionsShown = await page
        .locator('[data-lexical-editor="true"] [data-testid="mention"]')
        .count();
      // Put the caret at the very end, as a writer continuing the note would.
      await editable.click();
      await page.keyboard.press('Control+End');
      await page.evaluate(() => {
        const root = document.querySelector('[data-lexical-editor="true"]') as HTMLElement & {
          __lexicalEditor: { registerUpdateListener(fn: () => void): () => void };
        };
        const samples = { update: [] as number[], frame: [] as number[] };
        (window as unknown as { __typing: typeof samples }).__typing = samples;
        let pending: number | null = null;
        root.addEventListener(
          'keydown',
          (event) => {
            const start = event.timeStamp;
            pending = start;
            requestAnimationFrame(() => samples.frame.push(performance.now() - start));
          },
          true,
        );
        root.__lexicalEditor.registerUpdateListener(() => {
          if (pending !== null) samples.update.push(performance.now() - pending);
          pending = null;
        });
      });
      const sentence = 'the minister said on Thursday that talks would continue ';
      for (let i = 0; i < KEYS; i++) await page.keyboard.type(sentence[i % sentence.length]!, { delay: 25 });
      const samples = await page.evaluate(
        () => (window as unknown as { __typing: { update: number[]; frame: number[] } }).__typing,
      );
      const note = `${WORDS} words, ${MENTIONS} mentions (${mentionsShown} rendered as mention nodes), ${KEYS} keys`;
      return {
        rows: [
          row('typing: keydown → committed Lexical update', samples.update, 'ms', {
            target: 'p95 < 12 ms',
            note,
          }),
          row('typing: keydown → next frame', samples.frame, 'ms', { target: 'p95 < 20 ms', note }),
        ],
        notes: ['Headless Debian Chromium with --disable-gpu on this machine; frames are software-rendered.'],
      };
    } finally {
      await browser.close();
      await host.stop();
    }
  },
};
