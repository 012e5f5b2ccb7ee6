import { templateSnapshotField, templateSnapshotsKey } from './template-snapshots';
import { jobTemplateId, parseWorkflowJobPayload } from './workflow-job-payload';

describe('workflow job payload', () => {
  const valid = { workflowId: 'wf-1', jobId: 'order_validation', templateId: 'order_validation', version: '1.0.0', input: { orderId: 'o-1' } };

  it('reads what the engine writes', () => {
    expect(parseWorkflowJobPayload({ ...valid, timeoutSeconds: 30 })).toEqual({ payload: { ...valid, timeoutSeconds: 30 } });
    expect(parseWorkflowJobPayload({ ...valid, input: undefined })).toEqual({ payload: { ...valid, input: null } });
  });

  it.each([
    [null, 'job payload must be an object'],
    [{ ...valid, version: '' }, 'job payload: version must be a non-empty string'],
    [{ ...valid, workflowId: 7 }, 'job payload: workflowId must be a non-empty string'],
    [{ ...valid, timeoutSeconds: -1 }, 'job payload: timeoutSeconds must be a positive number'],
  ])('names the broken field of %j', (payload, problem) => {
    expect(parseWorkflowJobPayload(payload)).toEqual({ problem });
  });

  it('reads the template id from a payload or the meta beside it, and nothing from anything else', () => {
    expect(jobTemplateId(valid)).toBe('order_validation');
    expect(jobTemplateId({ templateId: 'report' })).toBe('report');
    expect(jobTemplateId({ templateId: '' })).toBeUndefined();
    expect(jobTemplateId({ templateId: 7 })).toBeUndefined();
    expect(jobTemplateId(['templateId'])).toBeUndefined();
    expect(jobTemplateId(undefined)).toBeUndefined();
  });

  it('keeps the snapshot hash under the workflow hash tag, as the seed keys are', () => {
    expect(templateSnapshotsKey('', 'wf-1')).toBe('workflow:{wf-1}:templates');
    expect(templateSnapshotsKey('t1:', 'wf-1')).toBe('t1:workflow:{wf-1}:templates');
    expect(templateSnapshotField('payment_gateway_template', '1.2.0')).toBe('payment_gateway_template@1.2.0');
  });
});
