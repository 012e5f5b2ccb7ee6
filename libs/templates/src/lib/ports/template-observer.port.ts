import type { ValidationProblem } from '@base-shift/core';

/** Which use case refused a template document or version. */
export type TemplateOperation = 'create' | 'publish' | 'deprecate';

/** Told about template events worth counting; must be quick and must not throw. */
export interface TemplateObserver {
  validationFailed(operation: TemplateOperation, problems: readonly ValidationProblem[]): void;
}
