import { palette } from './color';
import { cellText, renderFields, renderTable } from './table';

describe('renderTable', () => {
  const rows = [
    { id: 'w-1', state: 'COMPLETED', error: undefined },
    { id: 'workflow-22', state: 'FAILED', error: { code: 'X', message: 'multi\nline' } },
  ];

  it('aligns upper-case headers and values, prints - for a missing value and leaves no trailing spaces', () => {
    const text = renderTable(
      [
        { header: 'id', value: (row: (typeof rows)[number]) => row.id },
        { header: 'state', value: (row) => row.state },
        { header: 'error', value: (row) => row.error },
      ],
      rows,
    );
    expect(text).toBe(
      ['ID            STATE       ERROR', 'w-1           COMPLETED   -', 'workflow-22   FAILED      {"code":"X","message":"multi\\nline"}', ''].join('\n'),
    );
  });

  it('measures widths without the colour codes of styled cells', () => {
    const colors = palette(true);
    const text = renderTable(
      [
        {
          header: 'state',
          value: (row: (typeof rows)[number]) => row.state,
          style: (cell) => colors.state(cell.trimEnd()) + cell.slice(cell.trimEnd().length),
        },
        { header: 'id', value: (row) => row.id },
      ],
      rows,
    );
    const plain = text.replaceAll('\u001b[32m', '').replaceAll('\u001b[31m', '').replaceAll('\u001b[0m', '');
    expect(plain.split('\n')[2]).toBe('FAILED      workflow-22');
    expect(text).toContain('\u001b[32mCOMPLETED\u001b[0m');
  });

  it('renders key/value fields with aligned keys', () => {
    expect(
      renderFields([
        ['ID', 'a'],
        ['Description', null],
      ]),
    ).toBe('ID:           a\nDescription:  -\n');
  });

  it('prints strings on one line and other values as compact JSON', () => {
    expect(cellText('a\n  b')).toBe('a b');
    expect(cellText(false)).toBe('false');
    expect(cellText([1, 'x'])).toBe('[1,"x"]');
  });
});
