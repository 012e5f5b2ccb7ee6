export interface Column<Row> {
  header: string;
  value(row: Row): unknown;
  /** Colours the padded cell (the width is measured without colour codes). */
  style?(text: string, row: Row): string;
}

/**
 * A kubectl-like table: upper-case headers, columns separated by three spaces,
 * values left-aligned; a missing value is `-`, an object is compact JSON. The
 * last column is not padded so lines carry no trailing spaces.
 */
export function renderTable<Row>(columns: Array<Column<Row>>, rows: Row[], headerStyle: (text: string) => string = (text) => text): string {
  const cells = rows.map((row) => columns.map((column) => cellText(column.value(row))));
  const widths = columns.map((column, index) => Math.max(column.header.length, ...cells.map((row) => row[index]?.length ?? 0)));
  const line = (texts: string[], style: (text: string, index: number) => string) =>
    texts
      .map((text, index) => style(index === texts.length - 1 ? text : text.padEnd(widths[index] ?? 0), index))
      .join('   ')
      .trimEnd();
  const header = line(
    columns.map((column) => column.header.toUpperCase()),
    (text) => headerStyle(text),
  );
  const body = cells.map((texts, rowIndex) =>
    line(texts, (text, index) => {
      const style = columns[index]?.style;
      const row = rows[rowIndex] as Row;
      return style ? style(text, row) : text;
    }),
  );
  return [header, ...body].join('\n') + '\n';
}

/** Key/value lines for one resource (`get` of a template or a workflow), keys aligned. */
export function renderFields(fields: Array<[string, unknown]>, keyStyle: (text: string) => string = (text) => text): string {
  const width = Math.max(...fields.map(([key]) => key.length)) + 1;
  return fields.map(([key, value]) => `${keyStyle(`${key}:`.padEnd(width))}  ${cellText(value)}`).join('\n') + '\n';
}

export function cellText(value: unknown): string {
  if (value === undefined || value === null || value === '') return '-';
  if (typeof value === 'string') return value.replace(/\s*\n\s*/g, ' ');
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
