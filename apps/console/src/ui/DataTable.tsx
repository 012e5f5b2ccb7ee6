// The console's tables: a scrolling wrapper, a table named for screen readers
// and tests (aria-label), and one header row of column headers.
import type { ReactNode } from 'react';

/** A column's header: its text, or the text with how the column shows. */
export type Column = string | { label: string; numeric?: boolean; visuallyHidden?: boolean };

export function DataTable({ label, columns, card = false, children }: { label: string; columns: Column[]; card?: boolean; children: ReactNode }) {
  return (
    <div className={card ? 'table-wrap card' : 'table-wrap'}>
      <table aria-label={label}>
        <thead>
          <tr>
            {columns.map((column) => {
              const { label: text, numeric = false, visuallyHidden = false } = typeof column === 'string' ? { label: column } : column;
              // Numbers right-aligned; an actions column keeps its name for screen readers only.
              return (
                <th key={text} scope="col" className={numeric ? 'num' : undefined}>
                  {visuallyHidden ? <span className="visually-hidden">{text}</span> : text}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
