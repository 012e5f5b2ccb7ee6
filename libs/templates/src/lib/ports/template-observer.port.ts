import type { ValidationProblem } from '@base-shift/core';

/** Which use case refused a template document or version. */
export type TemplateOperation = 'create' | 'publish' | 'deprecate';

/** A stored change: which versions exist, or which of them ranges and the default may pick, is now different. */
export interface TemplateChange {
  templateId: string;
  kind: 'create' | 'publish' | 'deprecate' | 'delete';
}

/** Told about template events; each method is optional. */
export interface TemplateObserver {
  /** A refused document or version, worth counting; must be quick and must not throw. */
  validationFailed?(operation: TemplateOperation, problems: readonly ValidationProblem[]): void;
  /**
   * After a change is stored, before the caller is answered: caches of version
   * lists (every replica's) are told here, so a workflow created after the
   * answer sees the change. A failure is logged and does not fail the call:
   * the change is stored already.
   */
  templateChanged?(change: TemplateChange): Promise<void> | void;
}
