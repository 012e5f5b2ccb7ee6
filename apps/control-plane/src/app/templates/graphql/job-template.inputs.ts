import { Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { TEMPLATE_ID_RULE } from '@base-shift/job-contract';
import { RUN_DEFAULT_LIMITS } from '@base-shift/templates';
import { JSONObjectScalar } from '../../graphql/json-object.scalar';

export enum VersionBumpInput {
  MAJOR = 'major',
  MINOR = 'minor',
  PATCH = 'patch',
}
registerEnumType(VersionBumpInput, {
  name: 'VersionBump',
  description: 'Which part of the highest version to increase.',
  valuesMap: {
    MAJOR: { description: 'Incompatible change: 1.4.2 becomes 2.0.0.' },
    MINOR: { description: 'Compatible addition: 1.4.2 becomes 1.5.0.' },
    PATCH: { description: 'Compatible fix: 1.4.2 becomes 1.4.3.' },
  },
});

const { priority, maxAttempts, timeoutSeconds } = RUN_DEFAULT_LIMITS;

@InputType('JobStepInput', { description: 'One step of a template, as the seed document writes it.' })
export class JobStepInput {
  @Field(() => String, { description: 'Name of the step, unique within its template: letters, digits, _ . - (at most 100).' })
  name!: string;

  @Field(() => String, { description: 'A registered step type: validation, external_api_call, transform or delay.' })
  type!: string;

  @Field(() => JSONObjectScalar, { description: 'Configuration of the step, checked against the rules of its type.' })
  config!: Record<string, unknown>;
}

/**
 * The seed's template document verbatim (`templateId`, no `name`), plus
 * optional run defaults. `id` is kept as an alias of `templateId` because the
 * first published schema required it; give either.
 */
@InputType('CreateJobTemplateInput', {
  description:
    "A template document, the seed's shape: templateId, version, steps, inputSchema, outputSchema, plus optional name, description and run defaults.",
})
export class CreateJobTemplateInput {
  @Field(() => ID, { nullable: true, description: `The templateId: ${TEMPLATE_ID_RULE}. Required unless given as id.` })
  templateId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Alias of templateId, accepted for clients written against the first schema. Give one of them.' })
  id?: string | null;

  @Field(() => String, { nullable: true, description: 'Human-readable name (at most 200 characters); defaults to the templateId.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Free text about what the template does (at most 2000 characters).' })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'First version, a semantic version such as 1.2.0; defaults to 1.0.0.' })
  version?: string | null;

  @Field(() => [JobStepInput], { description: 'The steps, in the order they run: 1 to 50.' })
  steps!: JobStepInput[];

  @Field(() => JSONObjectScalar, { description: 'JSON Schema 2020-12 the job input must satisfy.' })
  inputSchema!: Record<string, unknown>;

  @Field(() => JSONObjectScalar, { description: 'JSON Schema 2020-12 the job output must satisfy.' })
  outputSchema!: Record<string, unknown>;

  @Field(() => Int, { nullable: true, description: `Base scheduling priority, higher first: default 0, between ${priority.minimum} and ${priority.maximum}.` })
  priority?: number | null;

  @Field(() => Int, { nullable: true, description: `Attempts per job: default 3, between ${maxAttempts.minimum} and ${maxAttempts.maximum}.` })
  maxAttempts?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: `Seconds per attempt: default 300, between ${timeoutSeconds.minimum} and ${timeoutSeconds.maximum}.`,
  })
  timeoutSeconds?: number | null;

  @Field(() => String, { nullable: true, description: 'The executor pool its jobs run in: default "default".' })
  resourceClass?: string | null;
}

@InputType('JobTemplateChangesInput', { description: 'Fields to replace in the new version; the others are copied from the highest version.' })
export class JobTemplateChangesInput {
  @Field(() => String, { nullable: true, description: 'New human-readable name.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'New description; an explicit null clears it.' })
  description?: string | null;

  @Field(() => [JobStepInput], { nullable: true, description: 'New steps, replacing all of them.' })
  steps?: JobStepInput[] | null;

  @Field(() => JSONObjectScalar, { nullable: true, description: 'New JSON Schema 2020-12 of the job input.' })
  inputSchema?: Record<string, unknown> | null;

  @Field(() => JSONObjectScalar, { nullable: true, description: 'New JSON Schema 2020-12 of the job output.' })
  outputSchema?: Record<string, unknown> | null;

  @Field(() => Int, { nullable: true, description: 'New base scheduling priority.' })
  priority?: number | null;

  @Field(() => Int, { nullable: true, description: 'New number of attempts per job.' })
  maxAttempts?: number | null;

  @Field(() => Int, { nullable: true, description: 'New seconds per attempt.' })
  timeoutSeconds?: number | null;

  @Field(() => String, { nullable: true, description: 'New executor pool.' })
  resourceClass?: string | null;
}

@InputType('JobTemplateFilter', { description: 'Which templates a listing returns; every given field must match.' })
export class JobTemplateFilterInput {
  @Field(() => String, { nullable: true, description: 'Case-insensitive part of the name.' })
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Exact version or semver range each template is resolved with.' })
  version?: string | null;

  @Field(() => String, { nullable: true, description: 'A step type the resolved version uses.' })
  type?: string | null;
}
