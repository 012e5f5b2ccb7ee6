import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { getLogger } from '@base-shift/core';
import { CONTROL_PLANE_CONFIG, type ControlPlaneConfig } from '../config/control-plane-config';
import { ConsoleController } from './console.controller';
import { defaultConsoleDir } from './console-directory';
import { ConsoleFiles } from './console-files';

/** Serves the built operator console at /ui (see ConsoleController). */
@Module({
  controllers: [ConsoleController],
  providers: [
    {
      provide: ConsoleFiles,
      inject: [CONTROL_PLANE_CONFIG],
      useFactory: (config: ControlPlaneConfig) => new ConsoleFiles(config.consoleDir ?? defaultConsoleDir()),
    },
  ],
})
export class ConsoleModule implements OnModuleInit {
  constructor(
    @Inject(ConsoleFiles) private readonly files: ConsoleFiles,
    @Inject(CONTROL_PLANE_CONFIG) private readonly config: ControlPlaneConfig,
  ) {}

  /** Said once at start, not per request: /ui then answers a 404 problem saying the same. */
  onModuleInit(): void {
    if (this.files.isBuilt()) return;
    const message = `the console was not built: ${this.files.root} has no index.html, so /ui answers 404 (run \`npx nx build console\`, or set CONSOLE_DIR)`;
    // A CONSOLE_DIR an operator set and got wrong is a mistake; the default missing is a checkout that did not build the console.
    if (this.config.consoleDir !== undefined) getLogger('Console').warn(message);
    else getLogger('Console').info(message);
  }
}
