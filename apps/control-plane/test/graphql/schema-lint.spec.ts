import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { SCHEMA_FILE } from '../../src/app/graphql/graphql-api.module';

/**
 * Every rule graphql-schema-linter 3 has, none disabled: descriptions on every
 * type, field, argument, enum value and input field; Relay connection and
 * PageInfo shapes; naming and sorting. The committed schema is the served one
 * (graphql-endpoint.spec.ts), so this lints what clients see.
 */
const RULES = [
  'arguments-have-descriptions',
  'defined-types-are-used',
  'deprecations-have-a-reason',
  'descriptions-are-capitalized',
  'enum-values-all-caps',
  'enum-values-have-descriptions',
  'enum-values-sorted-alphabetically',
  'fields-are-camel-cased',
  'fields-have-descriptions',
  'input-object-fields-sorted-alphabetically',
  'input-object-values-are-camel-cased',
  'input-object-values-have-descriptions',
  'interface-fields-sorted-alphabetically',
  'relay-connection-arguments-spec',
  'relay-connection-types-spec',
  'relay-page-info-spec',
  'type-fields-sorted-alphabetically',
  'types-are-capitalized',
  'types-have-descriptions',
];

interface LintReport {
  errors: { message: string; location: { line: number; column: number }; rule: string }[];
}

describe('the committed GraphQL schema', () => {
  it('is clean under every graphql-schema-linter rule', () => {
    const linter = join(process.cwd(), 'node_modules/graphql-schema-linter/lib/cli.js');
    let output: string;
    try {
      output = execFileSync(process.execPath, [linter, '--format', 'json', '--rules', RULES.join(','), SCHEMA_FILE], { encoding: 'utf8' });
    } catch (error) {
      // Exit code 1 means "errors found": the report is still on stdout.
      output = (error as { stdout?: string }).stdout ?? String(error);
    }
    const report = JSON.parse(output) as LintReport;
    expect(report.errors.map((error) => `${error.location.line}:${error.location.column} ${error.rule}: ${error.message}`)).toEqual([]);
  });

  it('fails on a schema missing a description (the linter is really run)', () => {
    const linter = join(process.cwd(), 'node_modules/graphql-schema-linter/lib/cli.js');
    let output = '';
    try {
      execFileSync(process.execPath, [linter, '--format', 'json', '--rules', 'types-have-descriptions', '--stdin'], {
        encoding: 'utf8',
        input: 'type Query { a: String }',
      });
    } catch (error) {
      output = (error as { stdout?: string }).stdout ?? '';
    }
    expect((JSON.parse(output) as LintReport).errors).toEqual([expect.objectContaining({ rule: 'types-have-descriptions' })]);
  });
});
