import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { JSONObjectScalar } from '../../graphql/json-object.scalar';

@ObjectType('JobStep')
export class JobStepType {
  @Field(() => String)
  name!: string;

  @Field(() => String, { description: 'A registered step type: validation, external_api_call, transform or delay.' })
  type!: string;

  @Field(() => JSONObjectScalar)
  config!: Record<string, unknown>;
}

@ObjectType('JobTemplateVersion', { description: 'One version of a template, as listed in JobTemplate.versions.' })
export class JobTemplateVersionType {
  @Field(() => String)
  version!: string;

  @Field(() => Boolean)
  deprecated!: boolean;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;
}

@ObjectType('JobTemplate', { description: 'One version of a job template. A stored version never changes, except its deprecated flag.' })
export class JobTemplateType {
  @Field(() => ID, { description: 'The templateId.' })
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => String, { description: 'Semantic version of this template version.' })
  version!: string;

  @Field(() => [JobStepType])
  steps!: JobStepType[];

  @Field(() => JSONObjectScalar, { description: 'JSON Schema 2020-12 of the job input.' })
  inputSchema!: Record<string, unknown>;

  @Field(() => JSONObjectScalar, { description: 'JSON Schema 2020-12 of the job output.' })
  outputSchema!: Record<string, unknown>;

  @Field(() => [String], { description: 'Names of the ${NAME} secrets the steps need at run time. Secret values are never stored.' })
  requiredSecrets!: string[];

  @Field(() => Boolean, { description: 'Deprecated versions resolve only by exact version, never through a range or the default.' })
  deprecated!: boolean;

  @Field(() => GraphQLISODateTime)
  createdAt!: Date;

  @Field(() => Int, { description: 'Base scheduling priority of its jobs; higher runs first.' })
  priority!: number;

  @Field(() => Int)
  maxAttempts!: number;

  @Field(() => Int)
  timeoutSeconds!: number;

  @Field(() => String, { description: 'The executor pool its jobs run in.' })
  resourceClass!: string;

  @Field(() => [JobTemplateVersionType], { description: 'Every version of this template, newest first.' })
  versions!: JobTemplateVersionType[];

  @Field(() => String, { description: 'Opaque position of this template in jobTemplates order: pass it as `after` to get the next page.' })
  cursor!: string;
}

@ObjectType('DeletedJobTemplate')
export class DeletedJobTemplateType {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  deletedVersions!: number;
}
