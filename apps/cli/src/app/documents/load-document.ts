import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { CliError } from '../errors';

/**
 * Reads a YAML or JSON file (`-` is stdin): by extension, .json as JSON and
 * anything else as YAML (a superset of JSON). Every failure is one line naming
 * the file and, for a syntax error, the line and column.
 */
export function loadDocument(file: string, readStdin: () => string = () => readFileSync(0, 'utf8')): unknown {
  let text: string;
  try {
    text = file === '-' ? readStdin() : readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (error as Error).message;
    throw new CliError(`${file}: cannot read: ${reason}`);
  }
  if (text.trim() === '') throw new CliError(`${file}: the file is empty`);
  if (file.toLowerCase().endsWith('.json')) {
    try {
      return JSON.parse(text) as unknown;
    } catch (error) {
      throw new CliError(`${file}: invalid JSON: ${(error as Error).message}`);
    }
  }
  const document = parseDocument(text, { uniqueKeys: true });
  const problem = document.errors[0];
  // The message's first line names the rule and the position ("… at line 3, column 5:"); the rest is a source excerpt.
  if (problem) throw new CliError(`${file}: invalid YAML: ${(problem.message.split('\n')[0] ?? '').replace(/:$/, '')}`);
  return document.toJS() as unknown;
}
