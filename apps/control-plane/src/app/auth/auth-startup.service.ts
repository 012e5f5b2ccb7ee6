import { readFile } from 'node:fs/promises';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ApiKeyStore } from '@base-shift/auth';
import { errorMessage } from '@base-shift/core';
import { CONTROL_PLANE_CONFIG, type ControlPlaneConfig } from '../config/control-plane-config';
import { RedisEpochService } from '../infrastructure/redis-epoch.service';

/**
 * At start: makes the key in AUTH_BOOTSTRAP_KEY_FILE an admin key (idempotent
 * across replicas and restarts) — again after Redis lost its data — and warns
 * loudly when AUTH_MODE=none.
 */
@Injectable()
export class AuthStartup implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuthStartup.name);

  constructor(
    @Inject(CONTROL_PLANE_CONFIG) private readonly config: ControlPlaneConfig,
    @Inject(ApiKeyStore) private readonly keys: ApiKeyStore,
    @Inject(RedisEpochService) private readonly epoch: RedisEpochService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { auth } = this.config;
    if (auth.mode === 'none') {
      this.logger.warn('AUTH_MODE=none: every caller is an admin and nothing is authenticated. For local experiments only, never expose this port.');
    }
    if (auth.bootstrapKeyFile === undefined) return;
    let key: string;
    try {
      key = await readFile(auth.bootstrapKeyFile, 'utf8');
    } catch (error) {
      throw new Error(`AUTH_BOOTSTRAP_KEY_FILE: cannot read ${JSON.stringify(auth.bootstrapKeyFile)}: ${errorMessage(error)}`);
    }
    try {
      const { created, apiKey } = await this.keys.ensureBootstrapKey(key);
      this.logger.log(`bootstrap admin key ${apiKey.id} ${created ? 'created' : 'already present'} (from AUTH_BOOTSTRAP_KEY_FILE)`);
    } catch (error) {
      throw new Error(`AUTH_BOOTSTRAP_KEY_FILE: ${errorMessage(error)}`);
    }
    this.epoch.onDataLoss('the bootstrap admin key', () => this.keys.ensureBootstrapKey(key));
  }
}
