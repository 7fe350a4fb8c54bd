/** The document centre: statements, letters and notices of the signed-in customer. */
import { type DocumentKind, DocumentList } from '@marque/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { API_BASE, apiFetch } from './client.ts';

export interface DocumentFilters {
  accountId?: string | undefined;
  kind?: DocumentKind | undefined;
  year?: number | undefined;
}

export const DOCUMENTS_PAGE_SIZE = 20;

export function useDocuments(filters: DocumentFilters, cursor: string | null) {
  return useQuery({
    queryKey: ['documents', filters, cursor],
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ limit: String(DOCUMENTS_PAGE_SIZE) });
      if (filters.accountId) params.set('accountId', filters.accountId);
      if (filters.kind) params.set('kind', filters.kind);
      if (filters.year) params.set('year', String(filters.year));
      if (cursor) params.set('cursor', cursor);
      return apiFetch(`/documents?${params}`, { schema: DocumentList, signal });
    },
    placeholderData: keepPreviousData,
  });
}

/** The PDF itself: an ordinary link, so the browser downloads it with the session cookie. */
export function documentFileHref(documentId: string): string {
  return `${API_BASE}/documents/${encodeURIComponent(documentId)}/file`;
}
