/** The library list's data: sources for the chosen sort and filters, and the sites to filter by. */
import { useCallback, useEffect, useState } from 'react';
import type { ListSourcesOptions, SiteCount, SourceSummary } from '../../shared/areas/library';
import { api } from '../api';

/** Sort and filters the user chose. */
export interface LibraryQuery {
  sort: NonNullable<ListSourcesOptions['sort']>;
  descending: boolean;
  site: string;
  from: string;
  to: string;
  trashed: boolean;
}

export const DEFAULT_QUERY: LibraryQuery = {
  sort: 'clipped',
  descending: true,
  site: '',
  from: '',
  to: '',
  trashed: false,
};

/** Loads the list for `query`; `reload` refreshes it (after an import or a delete). */
export function useLibrary(query: LibraryQuery): {
  sources: SourceSummary[] | null;
  total: number;
  sites: SiteCount[];
  error: string | null;
  reload: () => void;
} {
  const [sources, setSources] = useState<SourceSummary[] | null>(null);
  const [total, setTotal] = useState(0);
  const [sites, setSites] = useState<SiteCount[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    const options: ListSourcesOptions = {
      sort: query.sort,
      descending: query.descending,
      trashed: query.trashed,
      limit: 1000,
      ...(query.site ? { site: query.site } : {}),
      ...(query.from ? { from: query.from } : {}),
      ...(query.to ? { to: query.to } : {}),
    };
    Promise.all([api.listSources(options), api.listSites()]).then(
      ([list, siteList]) => {
        if (!live) return;
        setSources(list.sources);
        setTotal(list.total);
        setSites(siteList);
        setError(null);
      },
      (failure: Error) => live && setError(failure.message),
    );
    return () => {
      live = false;
    };
  }, [query, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { sources, total, sites, error, reload };
}
