// A side-by-side diff of two template versions: each version as indented JSON
// with object keys sorted (so key order never shows as a change), compared
// line by line with a longest-common-subsequence, then laid out in rows where
// a removed line sits next to the line that replaced it.

export interface DiffCell {
  line: number;
  text: string;
}

export interface DiffRow {
  kind: 'same' | 'removed' | 'added' | 'changed';
  left?: DiffCell;
  right?: DiffCell;
}

/** What a version's content is: the document, without the members that tell versions apart but are not content. */
export function comparableDocument(template: Record<string, unknown>): Record<string, unknown> {
  const { version: _version, versions: _versions, createdAt: _createdAt, cursor: _cursor, deprecated: _deprecated, id: _id, ...content } = template;
  return content;
}

export function stableJson(value: unknown): string {
  return JSON.stringify(sortKeys(value), null, 2);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys((value as Record<string, unknown>)[key])]),
    );
  return value;
}

export function diffLines(before: string, after: string): DiffRow[] {
  const a = before.split('\n');
  const b = after.split('\n');
  // lcs[i * width + j]: length of the longest common subsequence of a[i..] and b[j..].
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  const at = (i: number, j: number) => lcs[i * width + j] ?? 0;
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--) lcs[i * width + j] = a[i] === b[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));

  const rows: DiffRow[] = [];
  let removed: DiffCell[] = [];
  let added: DiffCell[] = [];
  const flush = () => {
    for (let k = 0; k < Math.max(removed.length, added.length); k++) {
      const left = removed[k];
      const right = added[k];
      rows.push({ kind: left && right ? 'changed' : left ? 'removed' : 'added', ...(left && { left }), ...(right && { right }) });
    }
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const left = a[i];
    const right = b[j];
    if (left !== undefined && right !== undefined && left === right) {
      flush();
      rows.push({ kind: 'same', left: { line: i + 1, text: left }, right: { line: j + 1, text: right } });
      i++;
      j++;
    } else if (right !== undefined && (left === undefined || at(i, j + 1) >= at(i + 1, j))) {
      added.push({ line: j + 1, text: right });
      j++;
    } else {
      removed.push({ line: i + 1, text: left ?? '' });
      i++;
    }
  }
  flush();
  return rows;
}
