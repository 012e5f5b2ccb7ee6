import { Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { TEMPLATE_ID_RULE } from '@base-shift/job-contract';
import { JSONObjectScalar } from '../../graphql/json-object.scalar';

export enum VersionBumpInput {
  MAJOR = 'major',
  MINOR = 'minor',
  PATCH = 'patch',
}
registerEnumType(VersionBumpInput, { name: 'VersionBump', description: 'Which part of the highest version to increase.' });

@InputType('JobStepInput')
export class JobStepInput {
  @Field(() => String)
  name!: string;

  @Field(() => String)
  type!: string;

  @Field(() => JSONObjectScalar)
  config!: Record<string, unknown>;
}

@InputType('CreateJobTemplateInput')
export class CreateJobTemplateInput {
  @Field(() => ID, { description: `The templateId: ${TEMPLATE_ID_RULE}.` })
  id!: string;

  @Field(() => String, { nullable: true, description: 'Defaults to the id.' })
  name?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'First version; defaults to 1.0.0.' })
  version?: string | null;

  @Field(() => [JobStepInput])
  steps!: JobStepInput[];

  @Field(() => JSONObjectScalar)
  inputSchema!: Record<string, unknown>;

  @Field(() => JSONObjectScalar)
  outputSchema!: Record<string, unknown>;

  @Field(() => Int, { nullable: true, description: 'Default 0, between -1000 and 1000.' })
  priority?: number | null;

  @Field(() => Int, { nullable: true, description: 'Default 3, between 1 and 20.' })
  maxAttempts?: number | null;

  @Field(() => Int, { nullable: true, description: 'Default 300, between 1 and 86400.' })
  timeoutSeconds?: number | null;

  @Field(() => String, { nullable: true, description: 'Default "default".' })
  resourceClass?: string | null;
}

@InputType('JobTemplateChangesInput', { description: 'Fields to replace in the new version; the others are copied from the highest version.' })
export class JobTemplateChangesInput {
  @Field(() => String, { nullable: true })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'null clears the description.' })
  description?: string | null;

  @Field(() => [JobStepInput], { nullable: true })
  steps?: JobStepInput[] | null;

  @Field(() => JSONObjectScalar, { nullable: true })
  inputSchema?: Record<string, unknown> | null;

  @Field(() => JSONObjectScalar, { nullable: true })
  outputSchema?: Record<string, unknown> | null;

  @Field(() => Int, { nullable: true })
  priority?: number | null;

  @Field(() => Int, { nullable: true })
  maxAttempts?: number | null;

  @Field(() => Int, { nullable: true })
  timeoutSeconds?: number | null;

  @Field(() => String, { nullable: true })
  resourceClass?: string | null;
}

@InputType('JobTemplateFilter')
export class JobTemplateFilterInput {
  @Field(() => String, { nullable: true, description: 'Case-insensitive part of the name.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Exact version or semver range each template is resolved with.' })
  version?: string | null;

  @Field(() => String, { nullable: true, description: 'A step type the resolved version uses.' })
  type?: string | null;
}
