import { useEffect } from 'react';

/** `Page · Brand` in the tab title (WCAG 2.4.2), kept in step with the language. */
export function useDocumentTitle(page: string | undefined, brandName: string | undefined) {
  useEffect(() => {
    const parts = [page, brandName].filter(Boolean);
    if (parts.length > 0) document.title = parts.join(' · ');
  }, [page, brandName]);
}
