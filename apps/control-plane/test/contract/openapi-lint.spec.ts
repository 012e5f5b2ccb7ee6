import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OPENAPI_FILE } from '../../src/app/http/openapi';

const APP = join(process.cwd(), 'apps/control-plane');
const BIN = join(process.cwd(), 'node_modules/.bin');

/** Runs a linter; both exit 1 on findings, so the report is read from stdout either way. */
function run(command: string, args: string[]): string {
  try {
    return execFileSync(join(BIN, command), args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    if (!stdout) throw new Error(`${command} failed: ${stderr}`);
    return stdout;
  }
}

/**
 * The committed openapi.json as third-party tools see it: no error and no
 * warning from Redocly's `recommended` rules or Spectral's `spectral:oas`
 * (the configs beside the file only select those rulesets).
 */
describe('openapi.json under the linters', () => {
  it('passes `redocly lint` with the recommended rules: no error, no warning', () => {
    const report = JSON.parse(run('redocly', ['lint', '--config', join(APP, 'redocly.yaml'), '--format', 'json', OPENAPI_FILE])) as {
      totals: { errors: number; warnings: number };
      problems: Array<{ ruleId: string; message: string; location: Array<{ pointer: string }> }>;
    };
    expect(report.problems.map((problem) => `${problem.ruleId} ${problem.location[0]?.pointer}: ${problem.message}`)).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });

  it('passes `spectral lint` with spectral:oas: no error, no warning (nor info or hint)', () => {
    const report = JSON.parse(
      run('spectral', ['lint', '--ruleset', join(APP, '.spectral.yaml'), '--format', 'json', '--quiet', OPENAPI_FILE]) || '[]',
    ) as Array<{
      code: string;
      message: string;
      path: string[];
    }>;
    expect(report.map((problem) => `${problem.code} ${problem.path.join('.')}: ${problem.message}`)).toEqual([]);
  });

  it('is OpenAPI 3.1 with no 3.0-only keyword left', () => {
    const text = readFileSync(OPENAPI_FILE, 'utf8');
    expect(JSON.parse(text).openapi).toBe('3.1.0');
    expect(text).not.toMatch(/"nullable"|"example":/);
  });
});
