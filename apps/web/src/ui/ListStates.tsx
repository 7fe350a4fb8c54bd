import type { ReactNode } from 'react';
import { EmptyState, type EmptyStateProps, ErrorState, LoadingState } from './States.tsx';

/** The part of a TanStack list query the states need (a page of `{ data: T[] }`). */
export interface ListQuery<T> {
  isPending: boolean;
  isError: boolean;
  isFetching: boolean;
  error: unknown;
  data: { data: T[] } | undefined;
  refetch: () => unknown;
}

export interface ListStatesProps<T> {
  query: ListQuery<T>;
  /** Placeholder cards while the first page loads. */
  loadingCards?: number;
  /** Heading level of the error and empty panels (3 inside a card with its own h2). */
  headingOrder?: 2 | 3;
  errorTitle?: ReactNode;
  /** The error panel, when the area has its own (the ops console's "no access" for a 403). */
  renderError?: (props: { error: unknown; onRetry: () => void; retrying: boolean }) => ReactNode;
  /** What to say when the list is empty. */
  empty: Omit<EmptyStateProps, 'headingOrder'>;
  children: (rows: T[]) => ReactNode;
}

/**
 * Loading, failed, empty or the rows: the four states every list page shows, in one place so
 * they look and read the same everywhere. A failed refetch keeps the rows already shown.
 */
export function ListStates<T>({
  query,
  loadingCards = 1,
  headingOrder = 3,
  errorTitle,
  renderError,
  empty,
  children,
}: ListStatesProps<T>) {
  if (query.isPending) return <LoadingState cards={loadingCards} />;
  if (!query.data) {
    const retry = { error: query.error, onRetry: () => void query.refetch(), retrying: query.isFetching };
    return renderError ? (
      renderError(retry)
    ) : (
      <ErrorState headingOrder={headingOrder} title={errorTitle} {...retry} />
    );
  }
  if (query.data.data.length === 0) return <EmptyState headingOrder={headingOrder} {...empty} />;
  return children(query.data.data);
}
