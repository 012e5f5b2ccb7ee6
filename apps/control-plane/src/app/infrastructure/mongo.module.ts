import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { CONTROL_PLANE_CONFIG, type ControlPlaneConfig } from '../config/control-plane-config';

/**
 * The connection is lazy so the process starts (and /healthz answers) while
 * MongoDB is down; /readyz reports it until the driver reconnects.
 */
@Module({
  imports: [
    MongooseModule.forRootAsync({
      inject: [CONTROL_PLANE_CONFIG],
      useFactory: (config: ControlPlaneConfig) => ({
        uri: config.mongoUrl,
        lazyConnection: true,
        serverSelectionTimeoutMS: 5000,
        autoIndex: true,
      }),
    }),
  ],
})
export class MongoModule {}
