/**
 * Settings → Export and import: the whole notebook as JSON (which any Dossier imports back) or as an
 * Obsidian vault, the citations of every source for Zotero and other reference managers, and importing
 * a JSON export. The work runs through the interop provider, whose panel shows progress and the result.
 */
import { useState, type JSX } from 'react';
import { CITATION_FORMAT_INFO, CITATION_FORMATS, type CitationFormat } from '../../shared/areas/interop';
import { useInterop } from '../interop/InteropProvider';

export function ExportPanel(): JSX.Element {
  const interop = useInterop();
  const [format, setFormat] = useState<CitationFormat>('bibtex');
  const busy = interop.job?.state === 'running';
  return (
    <section
      className="settings-panel export-panel"
      data-testid="export-panel"
      aria-labelledby="export-title"
    >
      <h2 id="export-title">Export and import</h2>
      <p className="muted">
        Exports are written into the <code>exports</code> folder of your data folder. Nothing leaves this
        computer.
      </p>

      <h3>The whole notebook</h3>
      <div className="export-panel-actions">
        <button
          type="button"
          className="button"
          data-testid="export-json"
          disabled={busy}
          title="Every note, source, person, quote and link as JSON Lines; import it into any Dossier"
          onClick={() => interop.exportNotebook('json')}
        >
          Export as JSON
        </button>
        <button
          type="button"
          className="button"
          data-testid="export-obsidian"
          disabled={busy}
          title="Notes, sources (with images) and people, places and events as linked Markdown files"
          onClick={() => interop.exportNotebook('obsidian')}
        >
          Export an Obsidian vault
        </button>
      </div>

      <h3>Citations of all sources</h3>
      <div className="export-panel-actions">
        <label htmlFor="citation-format">Format</label>
        <select
          id="citation-format"
          data-testid="citation-format"
          value={format}
          onChange={(event) => setFormat(event.target.value as CitationFormat)}
        >
          {CITATION_FORMATS.map((id) => (
            <option key={id} value={id}>
              {CITATION_FORMAT_INFO[id].label} (.{CITATION_FORMAT_INFO[id].extension})
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button"
          data-testid="export-citations"
          onClick={() => interop.exportCitations(format, { kind: 'all' })}
        >
          Export citations…
        </button>
        <span className="muted">for Zotero, Mendeley, EndNote or Pandoc</span>
      </div>

      <h3>Import</h3>
      <div className="export-panel-actions">
        <button
          type="button"
          className="button"
          data-testid="import-json"
          disabled={busy}
          onClick={() => interop.chooseImportFile()}
        >
          Import a JSON export…
        </button>
        <span className="muted">
          Merged by record: nothing is doubled, newer edits win, and the notebook is backed up first.
        </span>
      </div>
    </section>
  );
}
