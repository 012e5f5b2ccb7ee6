// The one way a list shows its loading state: the problem details when the
// last load failed, "Loading …" until the first answer, the empty state when
// the answer holds nothing, and the content otherwise. A failed reload keeps
// the last good content under its problem (useAsync keeps the data).
import type { ReactNode } from 'react';
import { Loading } from './feedback';
import { ProblemMessage } from './ProblemMessage';
import type { AsyncState } from './use-async';

export function AsyncSection<T>({
  state,
  what,
  isEmpty,
  empty,
  children,
}: {
  state: AsyncState<T>;
  /** Completes "Loading …". */
  what: string;
  isEmpty: (data: Exclude<T, undefined>) => boolean;
  empty: ReactNode;
  children: (data: Exclude<T, undefined>) => ReactNode;
}) {
  const { error, loading } = state;
  // A loader may answer undefined (nothing to load yet): that is no content either.
  const data = state.data as Exclude<T, undefined> | undefined;
  return (
    <>
      {error !== undefined && <ProblemMessage error={error} />}
      {loading && data === undefined && <Loading what={what} />}
      {data !== undefined && (isEmpty(data) ? empty : children(data))}
    </>
  );
}
