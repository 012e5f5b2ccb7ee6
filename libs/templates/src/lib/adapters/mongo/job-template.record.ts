import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * User-written JSON (step configs, input/output schemas) is stored as JSON
 * text: MongoDB-compatible servers refuse keys starting with `$` (FerretDB does,
 * and `$ref`/`$defs` are everyday JSON Schema) and may reorder or retype
 * values; text round-trips exactly.
 */
@Schema({ _id: false })
export class JobStepRecord {
  @Prop({ type: String, required: true })
  name!: string;

  @Prop({ type: String, required: true })
  type!: string;

  /** JSON text of the step config. */
  @Prop({ type: String, required: true })
  config!: string;
}

export const JobStepRecordSchema = SchemaFactory.createForClass(JobStepRecord);

/** One template version. Everything but `deprecated` is immutable once written. */
@Schema({ collection: 'job_templates', versionKey: false })
export class JobTemplateRecord {
  @Prop({ type: String, required: true, immutable: true })
  templateId!: string;

  @Prop({ type: String, required: true, immutable: true })
  version!: string;

  @Prop({ type: String, required: true, immutable: true })
  name!: string;

  @Prop({ type: String, default: null, immutable: true })
  description!: string | null;

  @Prop({ type: [JobStepRecordSchema], required: true, immutable: true })
  steps!: JobStepRecord[];

  @Prop({ type: String, required: true, immutable: true })
  inputSchema!: string;

  @Prop({ type: String, required: true, immutable: true })
  outputSchema!: string;

  @Prop({ type: [String], required: true, immutable: true })
  requiredSecrets!: string[];

  @Prop({ type: Number, required: true, immutable: true })
  priority!: number;

  @Prop({ type: Number, required: true, immutable: true })
  maxAttempts!: number;

  @Prop({ type: Number, required: true, immutable: true })
  timeoutSeconds!: number;

  @Prop({ type: String, required: true, immutable: true })
  resourceClass!: string;

  @Prop({ type: Boolean, required: true, default: false })
  deprecated!: boolean;

  @Prop({ type: Date, required: true, immutable: true })
  createdAt!: Date;
}

export const JobTemplateRecordSchema = SchemaFactory.createForClass(JobTemplateRecord);
// The guarantee concurrent publishes rely on: a version number is taken once.
JobTemplateRecordSchema.index({ templateId: 1, version: 1 }, { unique: true });

/** Model name for MongooseModule.forFeature / @InjectModel. */
export const JOB_TEMPLATE_MODEL = 'JobTemplate';
