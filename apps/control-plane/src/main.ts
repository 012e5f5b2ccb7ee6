import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { ConfigError } from '@base-shift/config';
import { createControlPlaneApp } from './app/create-app';
import { loadControlPlaneConfig } from './app/config/control-plane-config';

async function main(): Promise<void> {
  const config = loadControlPlaneConfig();
  const app = await createControlPlaneApp(config);
  await app.listen(config.port);
  new Logger('Main').log(`control plane listening on http://127.0.0.1:${config.port}`);
}

main().catch((error: unknown) => {
  // Configuration errors are the operator's to fix: print the message, not a stack.
  process.stderr.write(`control-plane: ${error instanceof ConfigError ? error.message : (error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
