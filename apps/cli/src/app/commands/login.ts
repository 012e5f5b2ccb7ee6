import type { Command } from 'commander';
import { createBaseShiftClient, ProblemError } from '@base-shift/client';
import { configPath, readConfig, writeConfig } from '../config/config-file';
import { normalizeServer } from '../config/connection';
import type { CliIo } from '../context';
import { CliError } from '../errors';
import { readSecret } from './read-secret';

export function loginCommand(program: Command, io: CliIo): void {
  program
    .command('login')
    .description('Check an API key against a control plane and store both in the config file (mode 0600)')
    .argument('<url>', 'the control plane, e.g. http://127.0.0.1:3000')
    .option('--token <token>', 'the API key (default: BSCTL_TOKEN, else asked for on the terminal or read from stdin)')
    .addHelpText('after', '\nThe config file is $BSCTL_CONFIG, else ${XDG_CONFIG_HOME:-~/.config}/bsctl/config.json.')
    .action(async (url: string, options: { token?: string }) => {
      const server = normalizeServer(url);
      const token = options.token ?? io.env['BSCTL_TOKEN'] ?? (await readSecret('API key: ', io));
      if (!token) throw new CliError('no API key given: pass --token, set BSCTL_TOKEN or type it when asked');
      await checkToken(server, token);
      const file = configPath(io.env);
      writeConfig(file, { ...readConfig(file), server, token });
      io.stdout.write(`logged in to ${server} (config: ${file})\n`);
    });
}

/**
 * Any authenticated call tells a good key from a bad one: 401 is a bad key;
 * 403 is a good key without workflows:read (a key may hold other scopes only).
 */
async function checkToken(server: string, token: string): Promise<void> {
  const client = createBaseShiftClient({ server, token });
  try {
    await client.rest.GET('/workflows', { params: { query: { limit: 1 } } });
  } catch (error) {
    if (error instanceof ProblemError && error.status === 403) return;
    if (error instanceof ProblemError) throw new CliError(`the control plane refused the key: ${error.message}`);
    throw error;
  }
}
