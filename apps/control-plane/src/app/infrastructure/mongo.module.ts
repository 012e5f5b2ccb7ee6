import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import type { Connection, ConnectOptions } from 'mongoose';
import { CONTROL_PLANE_CONFIG, type ControlPlaneConfig } from '../config/control-plane-config';
import { keepOpening } from './mongo-reconnect';

/**
 * The connection is lazy so the process starts (and /healthz answers) while
 * MongoDB is down; it keeps trying to open it (`keepOpening`), template
 * requests answer 503 meanwhile and /readyz reports it.
 */
@Module({
  imports: [
    MongooseModule.forRootAsync({
      inject: [CONTROL_PLANE_CONFIG],
      useFactory: (config: ControlPlaneConfig) => {
        const options: ConnectOptions = { serverSelectionTimeoutMS: 5000, autoIndex: true };
        return {
          uri: config.mongoUrl,
          lazyConnection: true,
          ...options,
          connectionFactory: (connection: Connection) => keepOpening(connection, config.mongoUrl, options),
        };
      },
    }),
  ],
})
export class MongoModule {}
