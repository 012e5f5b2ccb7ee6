import { generateApiKey } from '@base-shift/auth';
import { BuiltApps } from '@base-shift/testing';

export interface BuiltStackOptions {
  logLevel?: string;
  /** The Redis both apps use (default: the shared test Redis, REDIS_URL). */
  redisUrl?: string;
  controlPlaneEnv?: Record<string, string>;
  executorEnv?: Record<string, string>;
}

/**
 * A built control plane and a built executor (node dist/apps/<app>/main.js), as their containers run,
 * with a FerretDB database, a Redis key prefix and an admin key of their own (BuiltApps). json() and
 * graphql() send the admin key.
 */
export class BuiltStack extends BuiltApps {
  static async start(label: string, options: BuiltStackOptions = {}): Promise<BuiltStack> {
    return new BuiltStack(await BuiltApps.launch(label, { adminKey: generateApiKey(), ...options }));
  }
}

/** The JSON lines a process wrote (anything else, e.g. a Node warning, is left out). */
export function jsonLines(output: string): Array<Record<string, unknown>> {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}
