import 'reflect-metadata';
import { ConfigError } from '@base-shift/config';
import { getLogger } from '@base-shift/core';
import { createControlPlaneApp } from './app/create-app';
import { loadControlPlaneConfig } from './app/config/control-plane-config';

async function main(): Promise<void> {
  const config = loadControlPlaneConfig();
  const app = await createControlPlaneApp(config);
  await app.listen(config.port);
  getLogger('Main').info(`control plane listening on http://127.0.0.1:${config.port}`);
}

main().catch((error: unknown) => {
  // Configuration errors are the operator's to fix: print the message, not a stack.
  process.stderr.write(`control-plane: ${error instanceof ConfigError ? error.message : ((error as Error).stack ?? String(error))}\n`);
  process.exit(1);
});
