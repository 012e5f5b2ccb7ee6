import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from './auth/auth.module';
import { ConsoleModule } from './console/console.module';
import { CONTROL_PLANE_CONFIG, type ControlPlaneConfig } from './config/control-plane-config';
import { GraphqlApiModule } from './graphql/graphql-api.module';
import { HealthController } from './health/health.controller';
import { MetricsModule } from './metrics/metrics.module';
import { MongoModule } from './infrastructure/mongo.module';
import { PodsModule } from './pods/pods.module';
import { RedisModule } from './infrastructure/redis.module';
import { TemplatesModule } from './templates/templates.module';
import { WorkflowsModule } from './workflows/workflows.module';

@Module({})
export class AppModule {
  static forRoot(config: ControlPlaneConfig): DynamicModule {
    return {
      module: AppModule,
      global: true,
      imports: [MetricsModule, RedisModule, MongoModule, AuthModule, GraphqlApiModule, TemplatesModule, WorkflowsModule, PodsModule, ConsoleModule],
      controllers: [HealthController],
      providers: [{ provide: CONTROL_PLANE_CONFIG, useValue: config }],
      exports: [CONTROL_PLANE_CONFIG],
    };
  }
}
