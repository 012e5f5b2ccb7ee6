import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { JSONObjectScalar } from '../../graphql/json-object.scalar';

@ObjectType('JobStep', { description: 'One step of a template, run in order by the executor.' })
export class JobStepType {
  @Field(() => String, { description: 'Name of the step, unique within its template.' })
  name!: string;

  @Field(() => String, { description: 'A registered step type: validation, external_api_call, transform or delay.' })
  type!: string;

  @Field(() => JSONObjectScalar, { description: 'Configuration of the step, checked against the rules of its type.' })
  config!: Record<string, unknown>;
}

@ObjectType('JobTemplateVersion', { description: 'One version of a template, as listed in JobTemplate.versions.' })
export class JobTemplateVersionType {
  @Field(() => String, { description: 'Semantic version, such as 1.2.0.' })
  version!: string;

  @Field(() => Boolean, { description: 'Whether this version is deprecated (resolved only when asked for exactly).' })
  deprecated!: boolean;

  @Field(() => GraphQLISODateTime, { description: 'When this version was published.' })
  createdAt!: Date;
}

@ObjectType('JobTemplate', { description: 'One version of a job template. A stored version never changes, except its deprecated flag.' })
export class JobTemplateType {
  @Field(() => ID, { description: "The template's identifier, as stored documents and REST name it." })
  templateId!: string;

  @Field(() => ID, { description: "The seed schema's name for templateId: always the same value." })
  id!: string;

  @Field(() => String, { description: 'Human-readable name; the templateId unless one was given.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Free text about what the template does; null when none was given.' })
  description!: string | null;

  @Field(() => String, { description: 'Semantic version of this template version.' })
  version!: string;

  @Field(() => [JobStepType], { description: 'The steps, in the order they run.' })
  steps!: JobStepType[];

  @Field(() => JSONObjectScalar, { description: 'JSON Schema 2020-12 of the job input.' })
  inputSchema!: Record<string, unknown>;

  @Field(() => JSONObjectScalar, { description: 'JSON Schema 2020-12 of the job output.' })
  outputSchema!: Record<string, unknown>;

  @Field(() => [String], { description: 'Names of the secrets (`${NAME}` placeholders) the steps need at run time. Secret values are never stored.' })
  requiredSecrets!: string[];

  @Field(() => Boolean, { description: 'Deprecated versions resolve only by exact version, never through a range or the default.' })
  deprecated!: boolean;

  @Field(() => GraphQLISODateTime, { description: 'When this version was published.' })
  createdAt!: Date;

  @Field(() => Int, { description: 'Base scheduling priority of its jobs; higher runs first.' })
  priority!: number;

  @Field(() => Int, { description: 'How many times a job of this template is attempted before it fails.' })
  maxAttempts!: number;

  @Field(() => Int, { description: 'Seconds one attempt may run before it is timed out.' })
  timeoutSeconds!: number;

  @Field(() => String, { description: 'The executor pool its jobs run in.' })
  resourceClass!: string;

  @Field(() => [JobTemplateVersionType], { description: 'Every version of this template, newest first.' })
  versions!: JobTemplateVersionType[];

  @Field(() => String, { description: 'Opaque position of this template in listing order: pass it as `after` to get the templates after it.' })
  cursor!: string;
}

@ObjectType('DeletedJobTemplate', { description: 'What deleteJobTemplate removed.' })
export class DeletedJobTemplateType {
  @Field(() => ID, { description: 'The templateId of the deleted template.' })
  templateId!: string;

  @Field(() => ID, { description: "The seed schema's name for templateId: always the same value." })
  id!: string;

  @Field(() => Int, { description: 'How many versions were deleted.' })
  deletedVersions!: number;
}
