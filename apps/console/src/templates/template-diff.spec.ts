import { describe, expect, it } from 'vitest';
import { comparableDocument, diffLines, stableJson } from './template-diff';

describe('diffLines', () => {
  it('pairs a replaced line with its replacement and keeps common lines', () => {
    expect(diffLines('a\nb\nc', 'a\nB\nc')).toEqual([
      { kind: 'same', left: { line: 1, text: 'a' }, right: { line: 1, text: 'a' } },
      { kind: 'changed', left: { line: 2, text: 'b' }, right: { line: 2, text: 'B' } },
      { kind: 'same', left: { line: 3, text: 'c' }, right: { line: 3, text: 'c' } },
    ]);
  });
  it('shows lines only on one side as added or removed', () => {
    expect(diffLines('a\nc', 'a\nb\nc').map((row) => row.kind)).toEqual(['same', 'added', 'same']);
    expect(diffLines('a\nb\nc', 'a\nc').map((row) => row.kind)).toEqual(['same', 'removed', 'same']);
  });
  it('finds no change between identical texts', () => {
    expect(diffLines('x\ny', 'x\ny').every((row) => row.kind === 'same')).toBe(true);
  });
});

describe('stableJson and comparableDocument', () => {
  it('ignores key order and the members that only tell versions apart', () => {
    const v1 = { templateId: 't', version: '1.0.0', createdAt: 'x', deprecated: false, priority: 1, steps: [{ name: 's', type: 'delay' }] };
    const v2 = { steps: [{ type: 'delay', name: 's' }], priority: 1, templateId: 't', version: '1.1.0', createdAt: 'y', deprecated: true };
    expect(stableJson(comparableDocument(v1))).toBe(stableJson(comparableDocument(v2)));
  });
});
