/**
 * The source_images table (schema 3): an article's images, stored as blobs with the source so reading
 * needs no network and a backup carries them.
 */
import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { SourceId } from '../../../shared/model';

/** An image ready to store: sniffed type, bytes and where it came from. */
export interface ImageBlob {
  mime: string;
  sha256: string;
  data: Uint8Array;
  originalUrl: string | null;
}

/** A stored image as the reader needs it. */
export interface StoredImage {
  id: string;
  mime: string;
  data: Buffer;
}

/** Reads and writes the images of sources. */
export class ImagesRepo {
  private readonly insertStmt;
  private readonly deleteStmt;
  private readonly listStmt;
  private readonly countStmt;

  constructor(db: Database.Database) {
    this.insertStmt = db.prepare<
      [
        {
          id: string;
          source_id: string;
          mime: string;
          sha256: string;
          size: number;
          url: string | null;
          data: Uint8Array;
          now: string;
        },
      ]
    >(
      `INSERT INTO source_images (id, source_id, mime, sha256, byte_size, original_url, data, created_at)
       VALUES (@id, @source_id, @mime, @sha256, @size, @url, @data, @now)`,
    );
    this.deleteStmt = db.prepare<[string]>('DELETE FROM source_images WHERE source_id = ?');
    this.listStmt = db.prepare<[string], StoredImage>(
      'SELECT id, mime, data FROM source_images WHERE source_id = ?',
    );
    this.countStmt = db.prepare<[string], { n: number }>(
      'SELECT count(*) AS n FROM source_images WHERE source_id = ?',
    );
  }

  /**
   * Stores `images` for `sourceId` under the ids the article HTML already uses (`ids[i]` for
   * `images[i]`). Call inside the transaction that stores the source.
   */
  insertAll(sourceId: SourceId, images: readonly ImageBlob[], ids: readonly string[]): void {
    const now = new Date().toISOString();
    images.forEach((image, i) => {
      this.insertStmt.run({
        id: ids[i] ?? randomUUID(),
        source_id: sourceId,
        mime: image.mime,
        sha256: image.sha256,
        size: image.data.byteLength,
        url: image.originalUrl,
        data: image.data,
        now,
      });
    });
  }

  /** Removes every image of a source (before its article is replaced). */
  deleteFor(sourceId: SourceId): void {
    this.deleteStmt.run(sourceId);
  }

  /** The images of a source. */
  listFor(sourceId: SourceId): StoredImage[] {
    return this.listStmt.all(sourceId);
  }

  /** How many images a source has. */
  countFor(sourceId: SourceId): number {
    return this.countStmt.get(sourceId)?.n ?? 0;
  }
}
