import type { Command } from 'commander';
import { createBaseShiftClient, type BaseShiftClient } from '@base-shift/client';
import { resolveConnection } from './config/connection';
import { colorEnabled, palette, type Palette } from './output/color';
import { parseOutputFormat, serialize, type OutputFormat } from './output/output-format';

/** Where bsctl writes and what it reads from its environment (a test or main.ts provides them). */
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
}

/**
 * What every command's action needs: the output format and colours, the
 * client of the configured control plane (resolved on first use, so --help and
 * `completion` work without one), and where to print.
 */
export class CommandContext {
  readonly format: OutputFormat;
  readonly colors: Palette;
  readonly errColors: Palette;
  private resolvedClient: BaseShiftClient | undefined;

  constructor(
    readonly io: CliIo,
    private readonly serverOption: string | undefined,
    format: string,
  ) {
    this.format = parseOutputFormat(format);
    this.colors = palette(colorEnabled(io.stdout, io.env));
    this.errColors = palette(colorEnabled(io.stderr, io.env));
  }

  static of(command: Command, io: CliIo): CommandContext {
    const options = command.optsWithGlobals<{ output: string; server?: string }>();
    return new CommandContext(io, options.server, options.output);
  }

  get client(): BaseShiftClient {
    this.resolvedClient ??= createBaseShiftClient(resolveConnection(this.serverOption, this.io.env));
    return this.resolvedClient;
  }

  /** stdout, as is. */
  out(text: string): void {
    this.io.stdout.write(text);
  }

  /** Progress and notes: stdout for a person reading tables, stderr when stdout is JSON or YAML for a program. */
  note(text: string): void {
    (this.format === 'table' ? this.io.stdout : this.io.stderr).write(`${text}\n`);
  }

  /** The API's answer in JSON or YAML, or the command's table. */
  print(value: unknown, table: () => string): void {
    this.out(this.format === 'table' ? table() : serialize(value, this.format));
  }
}
