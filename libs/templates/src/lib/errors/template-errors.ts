import { CodedError, formatProblem, type ValidationProblem } from '@base-shift/core';

export type TemplateErrorCode = 'TEMPLATE.NOT_FOUND' | 'TEMPLATE.VERSION_CONFLICT' | 'TEMPLATE.ALREADY_EXISTS' | 'TEMPLATE.INVALID' | 'TEMPLATE.INVALID_PAGE';

/** Base of every template domain error; the edge (resolver, controller) maps `code` to a transport error. */
export abstract class TemplateError extends CodedError<TemplateErrorCode> {}

/** Thrown when a template, or the given version of it, does not exist. */
export class TemplateNotFoundError extends TemplateError {
  readonly code = 'TEMPLATE.NOT_FOUND';
  constructor(
    readonly templateId: string,
    readonly version?: string,
  ) {
    super(version === undefined ? `template ${templateId} does not exist` : `template ${templateId} has no version ${version}`);
  }
}

/** Thrown when a new version is not greater than the highest one, or another publish took it first. */
export class TemplateVersionConflictError extends TemplateError {
  readonly code = 'TEMPLATE.VERSION_CONFLICT';
  constructor(
    readonly templateId: string,
    readonly requestedVersion: string,
    readonly currentVersion: string,
  ) {
    super(`template ${templateId}: version ${requestedVersion} must be greater than the current highest version ${currentVersion}`);
  }
}

/** Thrown by create when the template id is already taken. */
export class TemplateAlreadyExistsError extends TemplateError {
  readonly code = 'TEMPLATE.ALREADY_EXISTS';
  constructor(readonly templateId: string) {
    super(`template ${templateId} already exists; publish a new version of it instead`);
  }
}

/** Thrown on bad input, with every problem found (nothing is written). `subject` names what was bad in the message. */
export class InvalidTemplateError extends TemplateError {
  readonly code = 'TEMPLATE.INVALID';
  constructor(
    readonly problems: readonly ValidationProblem[],
    subject = 'template',
  ) {
    super(`invalid ${subject}: ${problems.map(formatProblem).join('; ')}`);
  }
}

/**
 * Thrown by listing on bad paging arguments (`first` out of range, an `after`
 * this API did not hand out). A code of its own: the remedy (start again from
 * the first page, ask for fewer) is not the remedy for a bad template.
 */
export class InvalidPageError extends TemplateError {
  readonly code = 'TEMPLATE.INVALID_PAGE';
  constructor(readonly problems: readonly ValidationProblem[]) {
    super(`invalid page request: ${problems.map(formatProblem).join('; ')}`);
  }
}
