import 'reflect-metadata';
import { ConfigError } from '@base-shift/config';
import { getLogger } from '@base-shift/core';
import { createControlPlaneApp } from './app/create-app';
import { loadControlPlaneConfig } from './app/config/control-plane-config';

async function main(): Promise<void> {
  const config = loadControlPlaneConfig();
  const app = await createControlPlaneApp(config);
  const host = config.host ?? '0.0.0.0';
  await app.listen(config.port, host);
  getLogger('Main').info(`control plane listening on http://${host}:${config.port} (metrics on port ${config.metricsPort ?? 'none'})`);
}

main().catch((error: unknown) => {
  // Configuration errors are the operator's to fix: print the message, not a stack.
  process.stderr.write(`control-plane: ${error instanceof ConfigError ? error.message : ((error as Error).stack ?? String(error))}\n`);
  process.exit(1);
});
