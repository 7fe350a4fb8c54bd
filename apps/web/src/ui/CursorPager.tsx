import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Cursor pagination as the API does it (`?cursor=` in, `nextCursor` out): the stack of cursors
 * visited, so "Newer" goes back and "Older" goes on.
 */
export function useCursorPages() {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return {
    cursor: cursors.at(-1) ?? null,
    canGoBack: cursors.length > 1,
    back: () => setCursors((c) => c.slice(0, -1)),
    forward: (next: string) => setCursors((c) => [...c, next]),
    reset: () => setCursors([null]),
  };
}

export type CursorPages = ReturnType<typeof useCursorPages>;

/** Newer / Older buttons; shown only when there is somewhere to go. */
export function CursorPager({
  pages,
  nextCursor,
}: {
  pages: CursorPages;
  nextCursor: string | null | undefined;
}) {
  const { t } = useTranslation();
  if (!pages.canGoBack && !nextCursor) return null;
  return (
    <Group justify="space-between">
      <Button variant="default" disabled={!pages.canGoBack} onClick={pages.back}>
        {t('common.newer')}
      </Button>
      <Button
        variant="default"
        disabled={!nextCursor}
        onClick={() => {
          if (nextCursor) pages.forward(nextCursor);
        }}
      >
        {t('common.older')}
      </Button>
    </Group>
  );
}
