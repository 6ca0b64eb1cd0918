import { expect, type Locator, type Page } from '@playwright/test';

/** The notes screen as a user sees it: a notes list, a title field, the editor and its save state. */
export class NotebookPage {
  readonly notesList: Locator;
  readonly title: Locator;
  readonly editor: Locator;
  readonly saveStatus: Locator;

  constructor(readonly page: Page) {
    this.notesList = page.getByTestId('notes-list');
    this.title = page.getByTestId('note-title');
    this.editor = page.getByTestId('note-editor');
    this.saveStatus = page.getByTestId('save-status');
  }

  /** Opens Dossier at the host's URL and waits for the notes screen. */
  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.showNotes();
  }

  /** Switches to the notes screen from the sidebar, in a page that has Dossier loaded (the desktop window). */
  async showNotes(): Promise<void> {
    await this.page.getByTestId('nav-notes').click();
    await expect(this.notesList).toBeVisible();
  }

  /** Clicks "New note" and waits until its editor is ready. */
  async newNote(): Promise<void> {
    const before = await this.noteItems().count();
    await this.page.getByTestId('new-note').click();
    await expect(this.noteItems()).toHaveCount(before + 1);
    await expect(this.editor).toBeVisible();
  }

  /** Starts a new note and writes its title and body, as a user would; does not wait for the save. */
  async writeNewNote(title: string, body: string): Promise<void> {
    await this.newNote();
    await this.setTitle(title);
    await this.typeInBody(body);
  }

  /** Replaces the note's title. */
  async setTitle(text: string): Promise<void> {
    await this.title.fill(text);
  }

  /** Types at the end of the note body, as a user would. */
  async typeInBody(text: string): Promise<void> {
    await this.editor.click();
    await this.page.keyboard.press('ControlOrMeta+End');
    await this.page.keyboard.type(text);
  }

  /** Waits until the UI says the note is saved. */
  async waitUntilSaved(): Promise<void> {
    await expect(this.saveStatus).toHaveAttribute('data-state', 'saved');
  }

  noteItems(): Locator {
    return this.page.getByTestId('note-item');
  }

  /** Opens the note whose list entry shows `title`. */
  async openNote(title: string): Promise<void> {
    await this.noteItems().filter({ hasText: title }).first().click();
    await expect(this.title).toHaveValue(title);
  }

  /** Moves the open note to the trash with the toolbar button. */
  async trashOpenNote(): Promise<void> {
    await this.page.getByTestId('delete-note').click();
  }

  /** Opens the trash and restores the note titled `title`. */
  async restoreFromTrash(title: string): Promise<void> {
    await this.page.getByTestId('nav-trash').click();
    const item = this.page.getByTestId('trash-item').filter({ hasText: title });
    await item.getByTestId('restore-note').click();
    await expect(item).toHaveCount(0);
  }

  /** The conflict banner shown when another tab saved the open note first. */
  conflictBanner(): Locator {
    return this.page.getByTestId('conflict-banner');
  }
}
