// Loading and empty states: every list and page says what is happening
// rather than showing a blank area.
import type { ReactNode } from 'react';

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status">
      <span className="spinner" aria-hidden="true" /> Loading {what}…
    </p>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty card">
      <strong>{title}</strong>
      {children && <p className="muted">{children}</p>}
    </div>
  );
}
