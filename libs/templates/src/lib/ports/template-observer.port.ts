import type { ValidationProblem } from '@base-shift/steps';

/** DI token of an optional TemplateObserver (the control plane's metrics). */
export const TEMPLATE_OBSERVER = Symbol('TEMPLATE_OBSERVER');

/** Which use case refused a template document or version. */
export type TemplateOperation = 'create' | 'publish' | 'deprecate';

/** Told about template events worth counting; must be quick and must not throw. */
export interface TemplateObserver {
  validationFailed(operation: TemplateOperation, problems: readonly ValidationProblem[]): void;
}
