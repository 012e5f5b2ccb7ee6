/**
 * Where a workflow keeps the template snapshots its jobs run: a HASH under the
 * workflow's own hash tag, one field per pinned version. The engine writes it,
 * executors read it; both take the names from here.
 */
export function templateSnapshotsKey(prefix: string, workflowId: string): string {
  return `${prefix}workflow:{${workflowId}}:templates`;
}

export function templateSnapshotField(templateId: string, version: string): string {
  return `${templateId}@${version}`;
}
