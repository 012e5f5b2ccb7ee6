import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadDocument } from './load-document';

describe('loadDocument', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(path.join(tmpdir(), 'bsctl-doc-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const file = (name: string, text: string) => {
    const target = path.join(dir, name);
    writeFileSync(target, text);
    return target;
  };

  it('reads YAML (versions stay strings when written as x.y.z) and JSON', () => {
    expect(loadDocument(file('t.yaml', 'templateId: t\nversion: 1.2.0\nsteps: []\n'))).toEqual({ templateId: 't', version: '1.2.0', steps: [] });
    expect(loadDocument(file('t.json', '{"templateId":"t"}'))).toEqual({ templateId: 't' });
    expect(loadDocument('-', () => 'a: 1')).toEqual({ a: 1 });
  });

  it('fails with one line naming the file and what is wrong', () => {
    const missing = path.join(dir, 'missing.yaml');
    expect(() => loadDocument(missing)).toThrow(`${missing}: cannot read: no such file`);
    expect(() => loadDocument(dir)).toThrow(`${dir}: cannot read: is a directory`);
    const empty = file('empty.yaml', '\n');
    expect(() => loadDocument(empty)).toThrow(`${empty}: the file is empty`);
    const json = file('bad.json', '{"a":');
    expect(() => loadDocument(json)).toThrow(new RegExp(`^${json}: invalid JSON: `));
    const yaml = file('bad.yaml', 'a: [1, 2\nb: 3\n');
    const message = (() => {
      try {
        loadDocument(yaml);
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toMatch(new RegExp(`^${yaml}: invalid YAML: .+ at line \\d+, column \\d+$`));
    expect(message).not.toContain('\n');
    const duplicate = file('dup.yaml', 'a: 1\na: 2\n');
    expect(() => loadDocument(duplicate)).toThrow(/invalid YAML: Map keys must be unique/);
  });
});
