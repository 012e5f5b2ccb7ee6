// Paging through an API's opaque cursors: the cursors of the pages before
// this one are kept, so "Previous page" can go back (the API only gives the
// next one).
import { useState } from 'react';

export interface CursorPages {
  /** The cursor of the page shown; undefined on the first page. */
  cursor: string | undefined;
  hasPrevious: boolean;
  previous(): void;
  next(cursor: string): void;
  /** Back to the first page (a filter changed). */
  reset(): void;
}

export function useCursorPages(): CursorPages {
  const [cursors, setCursors] = useState<string[]>([]);
  return {
    cursor: cursors[cursors.length - 1],
    hasPrevious: cursors.length > 0,
    previous: () => setCursors(cursors.slice(0, -1)),
    next: (cursor) => setCursors([...cursors, cursor]),
    reset: () => setCursors([]),
  };
}
