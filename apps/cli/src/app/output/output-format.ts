import { stringify } from 'yaml';
import { CliError, EXIT_USAGE } from '../errors';

export const OUTPUT_FORMATS = ['table', 'json', 'yaml'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export function parseOutputFormat(value: string): OutputFormat {
  if ((OUTPUT_FORMATS as readonly string[]).includes(value)) return value as OutputFormat;
  throw new CliError(`invalid --output ${JSON.stringify(value)}: expected one of ${OUTPUT_FORMATS.join(', ')}`, EXIT_USAGE);
}

/** The machine formats print what the API answered, unchanged; `table` is the caller's rendering. */
export function serialize(value: unknown, format: Exclude<OutputFormat, 'table'>): string {
  return format === 'json' ? `${JSON.stringify(value, null, 2)}\n` : stringify(value, { lineWidth: 0 });
}
