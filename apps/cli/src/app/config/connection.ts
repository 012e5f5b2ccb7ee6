import { CliError } from '../errors';
import { configPath, readConfig } from './config-file';

export interface Connection {
  server: string;
  token?: string;
}

type Env = Record<string, string | undefined>;

/** Where to connect: --server, else BSCTL_SERVER, else the config file; the token from BSCTL_TOKEN, else the config file. */
export function resolveConnection(serverOption: string | undefined, env: Env = process.env): Connection {
  const stored = readConfig(configPath(env));
  const server = serverOption ?? env['BSCTL_SERVER'] ?? stored.server;
  if (!server) throw new CliError('no control plane configured: run `bsctl login <url>` or set BSCTL_SERVER');
  const token = env['BSCTL_TOKEN'] ?? stored.token;
  return { server: normalizeServer(server), ...(token && { token }) };
}

/** An http(s) URL without a trailing slash; anything else is a usage error naming the value. */
export function normalizeServer(server: string): string {
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new CliError(`invalid server URL ${JSON.stringify(server)}: expected http(s)://host[:port]`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new CliError(`invalid server URL ${JSON.stringify(server)}: expected http or https`);
  return url.toString().replace(/\/+$/, '');
}
