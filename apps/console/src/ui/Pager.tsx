import type { CursorPages } from './use-cursor-pages';

/** "Previous page" when there is one before, "Next page" when the API gave a cursor for it. */
export function Pager({ pages, nextCursor }: { pages: CursorPages; nextCursor: string | null | undefined }) {
  return (
    <div className="pager">
      {pages.hasPrevious && (
        <button type="button" onClick={pages.previous}>
          Previous page
        </button>
      )}
      {nextCursor && (
        <button type="button" onClick={() => pages.next(nextCursor)}>
          Next page
        </button>
      )}
    </div>
  );
}
