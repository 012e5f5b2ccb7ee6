import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { CliError } from '../errors';

/** What `bsctl login` stores: where the control plane is and the API key to send it. */
export interface CliConfig {
  server?: string;
  token?: string;
}

type Env = Record<string, string | undefined>;

/** BSCTL_CONFIG, else $XDG_CONFIG_HOME/bsctl/config.json, else ~/.config/bsctl/config.json. */
export function configPath(env: Env = process.env): string {
  if (env['BSCTL_CONFIG']) return path.resolve(env['BSCTL_CONFIG']);
  const base = env['XDG_CONFIG_HOME'] || path.join(env['HOME'] || homedir(), '.config');
  return path.join(base, 'bsctl', 'config.json');
}

/** The stored config; {} when there is no file yet. A file that is not a JSON object is an error naming the file. */
export function readConfig(file: string): CliConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new CliError(`${file}: cannot read the config: ${(error as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CliError(`${file}: not JSON: ${(error as Error).message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new CliError(`${file}: must be a JSON object`);
  const record = value as Record<string, unknown>;
  return {
    ...(typeof record['server'] === 'string' && { server: record['server'] }),
    ...(typeof record['token'] === 'string' && { token: record['token'] }),
  };
}

/**
 * Writes the config readable by its owner only: it holds an API key. The
 * directory is created 0700 (an existing one keeps its mode: it may be shared,
 * e.g. BSCTL_CONFIG=/tmp/x.json); the file is written 0600 beside it and
 * renamed over the old one, so no reader ever sees half a file or a moment of
 * wider permissions.
 */
export function writeConfig(file: string, config: CliConfig): void {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, file);
}
