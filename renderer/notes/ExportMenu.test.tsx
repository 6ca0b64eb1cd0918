// @vitest-environment jsdom
/**
 * The Export menu in jsdom with a stand-in exportNote: keyboard use of the menu, a file named after
 * the typed title, and failures (unsaved text, the notebook refusing) shown as an alert with nothing
 * downloaded.
 */
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ExportNoteInput } from '../../shared/areas/notes';
import type { NoteId } from '../../shared/model';
import { reactRootPerTest } from '../testing/react-root';

const fake = {
  failWith: null as Error | null,
  exportNote: vi.fn(async (input: ExportNoteInput): Promise<string> => {
    if (fake.failWith) throw fake.failWith;
    return input.format === 'html' ? '<!doctype html><p>x</p>' : '# Title\n';
  }),
};
vi.mock('../api', () => ({ api: new Proxy({}, { get: (_, name: string) => (fake as never)[name] }) }));

const dom = reactRootPerTest();
let downloads: { name: string; href: string }[];

async function render(saveFirst: () => Promise<void> = async () => {}): Promise<void> {
  const { ExportMenu } = await import('./ExportMenu');
  await act(async () => {
    dom.root.render(<ExportMenu noteId={'n1' as NoteId} title="Talks: day 1/2" saveFirst={saveFirst} />);
  });
}

const byTestId = (id: string): HTMLElement | null => dom.container.querySelector(`[data-testid="${id}"]`);

async function choose(testId: string): Promise<void> {
  await act(async () => byTestId('export-note')?.click());
  await act(async () => byTestId(testId)?.click());
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, 10));
  });
}

beforeEach(() => {
  fake.failWith = null;
  fake.exportNote.mockClear();
  downloads = [];
  URL.createObjectURL = vi.fn(() => 'blob:test');
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, href: this.href });
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('ExportMenu', () => {
  it('saves first, then downloads a file named after the title', async () => {
    const order: string[] = [];
    fake.exportNote.mockImplementationOnce(async () => {
      order.push('export');
      return '# Talks\n';
    });
    await render(async () => void order.push('save'));
    await choose('export-markdown');
    expect(order).toEqual(['save', 'export']);
    expect(fake.exportNote).toHaveBeenCalledWith({ id: 'n1', format: 'markdown' });
    expect(downloads).toEqual([{ name: 'Talks day 1 2.md', href: 'blob:test' }]);
    expect(byTestId('export-outcome')?.textContent).toBe('Exported “Talks day 1 2.md”');
    await choose('export-html');
    expect(downloads.at(-1)?.name).toBe('Talks day 1 2.html');
  });

  it('opens with ArrowDown, moves with the arrows and closes with Escape back on its button', async () => {
    await render();
    const button = byTestId('export-note')!;
    button.focus();
    await act(async () =>
      button.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true })),
    );
    expect(document.activeElement).toBe(byTestId('export-markdown'));
    const menu = dom.container.querySelector('[role="menu"]')!;
    await act(async () =>
      menu.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowUp', bubbles: true })),
    );
    expect(document.activeElement).toBe(byTestId('export-note-csl-json'));
    await act(async () => menu.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
    expect(dom.container.querySelector('[role="menu"]')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('does not export text that could not be saved, and says why', async () => {
    await render(async () => {
      throw new Error('the latest changes are not saved yet');
    });
    await choose('export-markdown');
    expect(fake.exportNote).not.toHaveBeenCalled();
    expect(downloads).toEqual([]);
    const alert = dom.container.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Export failed: the latest changes are not saved yet');
  });

  it('shows the notebook’s refusal as an alert', async () => {
    fake.failWith = new Error('No note with this id. It may have been deleted.');
    await render();
    await choose('export-html');
    expect(downloads).toEqual([]);
    expect(dom.container.querySelector('[role="alert"]')?.textContent).toContain('No note with this id');
  });
});
